import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getListingForEdit } from "@/db/queries/listings";
import { listPhotos } from "@/db/queries/photos";
import { listWeeklyCounts } from "@/db/queries/listing-counts";
import { listProofs } from "@/db/queries/proofs";
import { listRevisions } from "@/db/queries/revisions";
import { requireUser } from "@/lib/auth/session";
import { previewListing } from "@/lib/therapists/listing-preview";
import { uuidSchema } from "@/lib/validation/therapist-profile";
import { confirmationDue } from "@/lib/therapists/confirmation";
import { confirmCurrentAction, requestReviewAction, setPublishedAction } from "../../actions";
import { CredentialProofs } from "../../_components/credential-proofs";
import { ListingPhotos } from "../../_components/listing-photos";
import { ListingPreview } from "../../_components/listing-preview";
import { RevisionHistory } from "../../_components/revision-history";
import { WeeklyCounts } from "../../_components/weekly-counts";
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
  const proofs = (await listProofs(db, { therapistId: id.data, userId: user.id, isAdmin: user.isAdmin })) ?? [];
  // getListingForEdit above already checked that the listing is the user's (or they are an administrator).
  const photos = await listPhotos(db, [id.data]);
  const counts = (await listWeeklyCounts(db, { id: id.data, userId: user.id, isAdmin: user.isAdmin })) ?? [];
  const t = listing.therapist;
  const preview = await previewListing(db, listing);
  const q = await searchParams;
  const notice = q.created
    ? "Listing created. It is not published yet."
    : q.saved
      ? "Changes saved."
      : q.published
        ? "Published: patients can now find this listing."
        : q.unpublished
          ? "Unpublished: patients can no longer see this listing."
          : q.review === "sent"
            ? "Your request for review was sent. An administrator will answer it."
            : q.confirmed
              ? "Thank you: the listing now shows that you confirmed it is current today."
              : null;
  const problem = q.locked
    ? "Not published: an administrator locked this listing. You can still edit it and ask for a review below."
    : q.review === "invalid"
      ? "Your request was not sent: write at least 3 characters of plain text (under 1,000)."
      : q.review === "not_locked"
        ? "There is nothing to review: this listing is not locked."
        : null;
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
      {problem && (
        <p role="alert" className="notice notice-warning">
          {problem}
        </p>
      )}
      {t.lockedAt ? (
        <section aria-labelledby="lock-heading" className="notice notice-warning stack">
          <h2 id="lock-heading">Locked by an administrator</h2>
          <p>
            An administrator unpublished this listing on {t.lockedAt.toISOString().slice(0, 10)}
            {t.moderationNote ? <>, for this reason: {t.moderationNote}</> : "."}
          </p>
          <p>You can still edit it. It stays unpublished until an administrator lifts the lock.</p>
          {t.reviewRequestedAt ? (
            <p>
              You asked for a review on {t.reviewRequestedAt.toISOString().slice(0, 10)}: “{t.reviewRequestNote}”. It is waiting for an administrator. You can
              change your note below.
            </p>
          ) : (
            <p>When you have made the changes, ask for a review.</p>
          )}
          <form action={requestReviewAction} className="stack" aria-label="Ask for a review">
            <input type="hidden" name="id" value={t.id} />
            <div className="field">
              <label htmlFor="review-note">What you changed, or why the listing should be published again</label>
              <textarea id="review-note" name="note" required minLength={3} maxLength={1000} rows={3} />
            </div>
            <button type="submit">{t.reviewRequestedAt ? "Update my request for review" : "Ask for a review"}</button>
          </form>
        </section>
      ) : (
        t.moderationNote && <p className="notice notice-warning">Unpublished by an administrator: {t.moderationNote}</p>
      )}
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
      <section aria-labelledby="confirm-heading" className={confirmationDue(t.confirmedCurrentAt) ? "notice notice-warning stack" : "stack"}>
        <h2 id="confirm-heading">Is this listing still current?</h2>
        <p>
          {t.confirmedCurrentAt
            ? `You last confirmed it on ${t.confirmedCurrentAt.toISOString().slice(0, 10)}.`
            : "You have not confirmed it yet."}{" "}
          {confirmationDue(t.confirmedCurrentAt)
            ? "Patients see that it has not been confirmed in the last 12 months. Check the details, then confirm."
            : "Patients see the date. Confirm again whenever you have checked the details."}
        </p>
        <form action={confirmCurrentAction}>
          <input type="hidden" name="id" value={t.id} />
          <button type="submit">Confirm this listing is current</button>
        </form>
      </section>
      <WeeklyCounts counts={counts} messagesOn={preview.contact.messages} />
      <CredentialProofs listingId={t.id} listing={listing} proofs={proofs} notice={q.proof} />
      <ListingPhotos listingId={t.id} photos={photos} notice={q.photo} typedAlt={q.alt} />
      <ListingPreview profile={preview} />
      <RevisionHistory revisions={revisions} />
    </div>
  );
}
