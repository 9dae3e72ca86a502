"use server";
// Server actions of the therapist dashboard. Each one runs through withUser, validates with the
// shared zod schemas, resolves the ZIP code to a place, and writes through db/queries/listings.ts
// and claims.ts, whose where clauses check ownership: another therapist's listing id gets a
// 404, whatever the form carried.
import { LICENCE_CLAIM_ERRORS } from "@/lib/claims/claim-requests";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { signOut } from "@/auth";
import { getDb } from "@/db/client";
import { deleteAllSessions } from "@/db/queries/accounts";
import { claimListing, confirmClaimByEmail } from "@/db/queries/claims";
import { requestRegistryRemoval } from "@/db/queries/registry";
import { noticeClaimLink } from "@/lib/email/listing-notices";
import { confirmListingCurrent, createListing, requestReview, setListingPublished, updateListing } from "@/db/queries/listings";
import { removeProof } from "@/db/queries/proofs";
import { withUser } from "@/lib/auth/session";
import { resolveListingPlace } from "@/lib/geo/zip";
import { describeValue } from "@/lib/validation/profile-labels";
import {
  fieldErrorsOf,
  formValues,
  profileInputFromValues,
  profileSchema,
  removalRequestSchema,
  reviewRequestNoteSchema,
  uuidSchema,
  versionSchema,
  claimSchema,
  type ClaimValues,
  type ProfileActionState,
} from "@/lib/validation/therapist-profile";

function idFrom(form: FormData): string {
  const id = uuidSchema.safeParse(form.get("id"));
  if (!id.success) notFound();
  return id.data;
}

const invalidSummary = "Some answers need a change. Each one is marked below.";

export const createListingAction = withUser(async (user, _prev: ProfileActionState, form: FormData): Promise<ProfileActionState> => {
  const values = formValues(form);
  const parsed = profileSchema.safeParse(profileInputFromValues(values));
  if (!parsed.success) return { ok: false, values, fieldErrors: fieldErrorsOf(parsed.error), message: invalidSummary };
  const where = resolveListingPlace(parsed.data.zip);
  if (!where.ok) return { ok: false, values, fieldErrors: where.fieldErrors, message: invalidSummary };
  const result = await createListing(await getDb(), { userId: user.id, isAdmin: user.isAdmin, profile: parsed.data, place: where.place });
  if (!result.ok) {
    if (result.reason === "invalid") return { ok: false, values, fieldErrors: result.fieldErrors, message: invalidSummary };
    if (result.reason === "limit")
      return { ok: false, values, message: `Nothing was created: one account can create at most ${result.limit} listings. Edit one of yours, or write to us if you need more.` };
    throw new Error(`createListing: unexpected ${result.reason}`);
  }
  revalidatePath("/dashboard");
  redirect(`/dashboard/listings/${result.id}?created=1`);
});

export const updateListingAction = withUser(async (user, _prev: ProfileActionState, form: FormData): Promise<ProfileActionState> => {
  const id = idFrom(form);
  const values = formValues(form);
  const version = versionSchema.safeParse(form.get("version"));
  if (!version.success) return { ok: false, values, message: "This form is out of date. Reload the page." };
  const parsed = profileSchema.safeParse(profileInputFromValues(values));
  if (!parsed.success) return { ok: false, values, version: version.data, fieldErrors: fieldErrorsOf(parsed.error), message: invalidSummary };
  const where = resolveListingPlace(parsed.data.zip);
  if (!where.ok) return { ok: false, values, version: version.data, fieldErrors: where.fieldErrors, message: invalidSummary };
  const result = await updateListing(await getDb(), { id, userId: user.id, isAdmin: user.isAdmin, version: version.data, profile: parsed.data, place: where.place });
  if (!result.ok) {
    if (result.reason === "not_found") notFound();
    if (result.reason === "invalid") return { ok: false, values, version: version.data, fieldErrors: result.fieldErrors, message: invalidSummary };
    // A save never publishes, so the lock does not refuse it; kept for completeness of the type.
    if (result.reason === "locked") return { ok: false, values, version: version.data, message: "Nothing was saved: an administrator locked this listing." };
    return {
      ok: false,
      values,
      // Saving again is a deliberate choice after seeing what changed.
      version: result.currentVersion,
      message: "Nothing was saved: this listing was changed after you opened it. Review what changed, then save again to replace it with this form, or reload to start from the latest version.",
      conflict: {
        currentVersion: result.currentVersion,
        changes: result.changes.map((c) => ({ field: c.field, old: describeValue(c.old), new: describeValue(c.new), by: c.by, at: c.at.toISOString() })),
      },
    };
  }
  revalidatePath(`/dashboard/listings/${id}`);
  redirect(`/dashboard/listings/${id}?saved=1`);
});

export const setPublishedAction = withUser(async (user, form: FormData): Promise<void> => {
  const id = idFrom(form);
  const published = form.get("published") === "true";
  const result = await setListingPublished(await getDb(), { id, userId: user.id, isAdmin: user.isAdmin, published });
  // Locked by an administrator: the page says why and offers to ask for a review.
  if (!result.ok && result.reason === "locked") redirect(`/dashboard/listings/${id}?locked=1`);
  if (!result.ok) notFound();
  revalidatePath(`/dashboard/listings/${id}`);
  redirect(`/dashboard/listings/${id}?${published ? "published" : "unpublished"}=1`);
});

export const confirmCurrentAction = withUser(async (user, form: FormData): Promise<void> => {
  const id = idFrom(form);
  const result = await confirmListingCurrent(await getDb(), { id, userId: user.id, isAdmin: user.isAdmin });
  if (!result.ok) notFound();
  revalidatePath(`/dashboard/listings/${id}`);
  revalidatePath("/dashboard");
  redirect(`/dashboard/listings/${id}?confirmed=1`);
});

export const requestReviewAction = withUser(async (user, form: FormData): Promise<void> => {
  const id = idFrom(form);
  const note = reviewRequestNoteSchema.safeParse(typeof form.get("note") === "string" ? form.get("note") : "");
  if (!note.success) redirect(`/dashboard/listings/${id}?review=invalid`);
  const result = await requestReview(await getDb(), { id, userId: user.id, isAdmin: user.isAdmin, note: note.data });
  if (!result.ok && result.reason === "not_found") notFound();
  revalidatePath(`/dashboard/listings/${id}`);
  revalidatePath("/dashboard");
  redirect(`/dashboard/listings/${id}?review=${result.ok ? "sent" : "not_locked"}`);
});

export type ClaimState = { ok: boolean | null; values: ClaimValues; fieldErrors?: Partial<Record<keyof ClaimValues | "form", string>>; message?: string };

const CLAIM_REFUSALS = {
  not_found: "This listing already has an owner or is no longer published.",
  demo: "This is a fictional demo listing: it cannot be claimed.",
  no_listing_email: "This listing has no public e-mail to send a link to. Choose another way to show it is yours.",
  licence_mismatch: "That licence number is not one of the licences on this listing. Check it, or choose another way to show it is yours.",
  already_waiting: "You have already asked to claim this listing. Your claim is waiting.",
  npi_mismatch: LICENCE_CLAIM_ERRORS.npi_mismatch,
} as const;

/** Claims an unowned listing with one of the three kinds of proof (db/queries/claims.ts). */
export const claimListingAction = withUser(async (user, _prev: ClaimState, form: FormData): Promise<ClaimState> => {
  const str = (k: string) => (typeof form.get(k) === "string" ? (form.get(k) as string) : "");
  const values: ClaimValues = { id: str("id"), proof: str("proof"), note: str("note") };
  const parsed = claimSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: ClaimState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) fieldErrors[(issue.path[0] as keyof ClaimValues) ?? "form"] ??= issue.message;
    return { ok: false, values, fieldErrors, message: "Your claim was not sent: choose one way to show the listing is yours and give what it asks for." };
  }
  const result = await claimListing(await getDb(), { id: parsed.data.id, userId: user.id, email: user.email, proof: parsed.data.proof });
  if (!result.ok) return { ok: false, values, message: CLAIM_REFUSALS[result.reason] };
  if (result.emailLink) {
    const sent = await noticeClaimLink({ to: result.emailLink.to, token: result.emailLink.token, claimantEmail: user.email });
    if (!sent) return { ok: false, values, message: "The e-mail with the link could not be sent just now. Try again later, or choose another way." };
  }
  revalidatePath("/dashboard");
  redirect(`/dashboard?claim=${result.emailLink ? "email" : result.status}`);
});

/** The claimant opened the link sent to the listing's public e-mail and confirms. */
export const confirmClaimAction = withUser(async (user, form: FormData): Promise<void> => {
  const token = form.get("token");
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) redirect("/dashboard?claim=link_invalid");
  const result = await confirmClaimByEmail(await getDb(), { userId: user.id, token: token as string });
  revalidatePath("/dashboard");
  redirect(`/dashboard?claim=${result.ok ? "approved" : `link_${result.reason}`}`);
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

export const signOutEverywhereAction = withUser(async (user): Promise<void> => {
  await deleteAllSessions(await getDb(), { userId: user.id });
  await signOut({ redirectTo: "/signin?signedOut=everywhere" });
});

export const removeProofAction = withUser(async (user, form: FormData): Promise<void> => {
  const id = idFrom(form);
  const listingId = uuidSchema.safeParse(form.get("listingId"));
  if (!listingId.success) notFound();
  const result = await removeProof(await getDb(), { actor: { userId: user.id, isAdmin: user.isAdmin }, id });
  revalidatePath(`/dashboard/listings/${listingId.data}`);
  redirect(`/dashboard/listings/${listingId.data}?proof=${result.ok ? "removed" : "not_found"}#proofs`);
});

/**
 * A practitioner asks that their imported registry listing be removed, with the claim's proof:
 * the listing's NPI and a licence number on it (db/queries/registry.ts). An administrator decides.
 */
export const requestRemovalAction = withUser(async (user, form: FormData): Promise<void> => {
  const parsed = removalRequestSchema.safeParse({
    id: form.get("id"),
    npi: typeof form.get("npi") === "string" ? form.get("npi") : "",
    licenceNumber: typeof form.get("licenceNumber") === "string" ? form.get("licenceNumber") : "",
    message: typeof form.get("message") === "string" ? form.get("message") : "",
  });
  const id = uuidSchema.safeParse(form.get("id"));
  if (!id.success) notFound();
  if (!parsed.success) redirect(`/dashboard/claim/${id.data}?removal=invalid#removal`);
  const result = await requestRegistryRemoval(await getDb(), { ...parsed.data, userId: user.id, message: parsed.data.message || undefined });
  redirect(`/dashboard/claim/${id.data}?removal=${result.ok ? "sent" : result.reason}#removal`);
});
