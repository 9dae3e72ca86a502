import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getListingForEdit } from "@/db/queries/listings";
import { listRevisions } from "@/db/queries/revisions";
import { requireUser } from "@/lib/auth/session";
import { previewListing } from "@/lib/therapists/listing-preview";
import { uuidSchema } from "@/lib/validation/therapist-profile";
import { setPublishedAction } from "../../actions";
import { ListingPreview } from "../../_components/listing-preview";
import { RevisionHistory } from "../../_components/revision-history";
import styles from "../../dashboard.module.css";

export const metadata: Metadata = { title: "Your listing", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ListingPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const user = await requireUser(`/dashboard/listings/${raw}`);
  const id = uuidSchema.safeParse(raw);
  if (!id.success) notFound();
  const db = await getDb();
  const listing = await getListingForEdit(db, { id: id.data, userId: user.id, isAdmin: user.isAdmin });
  if (!listing) notFound();
  const revisions = (await listRevisions(db, { id: id.data, userId: user.id, isAdmin: user.isAdmin })) ?? [];
  const t = listing.therapist;
  const preview = await previewListing(db, listing);
  const q = await searchParams;
  const notice = q.created ? "Listing created. It is not published yet." : q.saved ? "Changes saved." : q.published ? "Published: patients can now find this listing." : q.unpublished ? "Unpublished: patients can no longer see this listing." : null;
  return (
    <div className="container stack">
      <p>
        <Link href="/dashboard">Back to your dashboard</Link>
      </p>
      <h1>{t.displayName}</h1>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <p>
        Status: <strong>{t.published ? "Published" : "Not published"}</strong>
        {t.published && (
          <>
            {" "}
            (public page: <Link href={`/therapists/${t.slug}`}>/therapists/{t.slug}</Link>)
          </>
        )}
      </p>
      {t.moderationNote && <p className="notice notice-warning">Unpublished by an administrator: {t.moderationNote}</p>}
      <div className={styles.actions}>
        <Link className="button-primary" href={`/dashboard/listings/${t.id}/edit`}>
          Edit listing
        </Link>
        <form action={setPublishedAction}>
          <input type="hidden" name="id" value={t.id} />
          <input type="hidden" name="published" value={t.published ? "false" : "true"} />
          <button type="submit">{t.published ? "Unpublish" : "Publish"}</button>
        </form>
      </div>
      <ListingPreview profile={preview} />
      <RevisionHistory revisions={revisions} />
    </div>
  );
}
