import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getListingForEdit } from "@/db/queries/listings";
import { requireUser } from "@/lib/auth/session";
import { uuidSchema, valuesFromProfile, type Profile } from "@/lib/validation/therapist-profile";
import { profileFormContext } from "../../../_components/form-context";
import { ProfileForm } from "../../../_components/profile-form";

export const metadata: Metadata = { title: "Edit your listing", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function EditListingPage({ params }: Props) {
  const { id: raw } = await params;
  const user = await requireUser(`/dashboard/listings/${raw}/edit`);
  const id = uuidSchema.safeParse(raw);
  if (!id.success) notFound();
  // Another therapist's listing is not found, exactly like a missing one.
  const listing = await getListingForEdit(await getDb(), { id: id.data, userId: user.id, isAdmin: user.isAdmin });
  if (!listing) notFound();
  const t = listing.therapist;
  const values = valuesFromProfile({
    ...(t as unknown as Partial<Profile>),
    ncbtmbStatus: t.ncbtmbStatus === "not_certified" ? "not_certified" : "self_reported",
    licenses: listing.licenses,
  });
  return (
    <div className="container stack">
      <p>
        <Link href={`/dashboard/listings/${t.id}`}>Back to the preview</Link>
      </p>
      <h1>Edit {t.displayName}</h1>
      <ProfileForm mode="edit" id={t.id} version={t.version} initialValues={values} {...profileFormContext()} />
    </div>
  );
}
