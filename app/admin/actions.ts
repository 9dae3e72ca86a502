"use server";
// Administrators' server actions: every one runs through withAdmin (others get a 404).
import { decideRegistryRemoval } from "@/db/queries/registry";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { claimNoticeInfo, decideClaim } from "@/db/queries/claims";
import { ownerNoticeInfo } from "@/db/queries/listings";
import { checkCredential, checkLicense, liftLock, unpublishListing, type CheckNotice } from "@/db/queries/moderation";
import { closeReport } from "@/db/queries/reports";
import { approveText, revertText } from "@/db/queries/text-review";
import { withAdmin } from "@/lib/auth/session";
import {
  noticeClaimDecided,
  noticeCredentialChecked,
  noticeListingCorrected,
  noticeLockLifted,
  noticeReportClosed,
  noticeTextReverted,
  noticeUnpublished,
} from "@/lib/email/listing-notices";
import { claimDecisionNoteSchema, credentialCheckSchema, licenseCheckSchema, reasonSchema, uuidSchema, versionSchema } from "@/lib/validation/therapist-profile";

const str = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");
const back = (notice: string, kind: "ok" | "error" = "ok"): never => redirect(`/admin?${kind}=${encodeURIComponent(notice)}`);

export const checkLicenseAction = withAdmin(async (user, form: FormData): Promise<void> => {
  const parsed = licenseCheckSchema.safeParse({
    licenseId: str(form.get("licenseId")),
    status: str(form.get("status")),
    note: str(form.get("note")),
    checkedOn: str(form.get("checkedOn")),
    keepProof: form.get("keepProof") === "on",
  });
  if (!parsed.success) back(`Licence check not saved: ${parsed.error.issues[0]?.message ?? "check the form"}`, "error");
  const result = await checkLicense(await getDb(), { adminId: user.id, ...parsed.data! });
  if (!result.ok) back("Licence check not saved: that licence no longer exists.", "error");
  revalidatePath("/admin");
  await tellOwner("Licence check saved", result);
});

export const checkCredentialAction = withAdmin(async (user, form: FormData): Promise<void> => {
  const parsed = credentialCheckSchema.safeParse({
    therapistId: str(form.get("therapistId")),
    credential: str(form.get("credential")),
    result: str(form.get("result")),
    stated: str(form.get("stated")),
    source: str(form.get("source")),
    note: str(form.get("note")),
    checkedOn: str(form.get("checkedOn")),
    keepProof: form.get("keepProof") === "on",
  });
  if (!parsed.success) back(`Check not saved: ${parsed.error.issues[0]?.message ?? "check the form"}`, "error");
  const result = await checkCredential(await getDb(), { adminId: user.id, ...parsed.data! });
  revalidatePath("/admin");
  if (!result.ok)
    back(
      result.reason === "changed"
        ? "Check not saved: the owner changed that credential since the page was shown. Look again."
        : result.reason === "not_stated"
          ? "Check not saved: the listing no longer states that credential."
          : "Check not saved: that listing no longer exists.",
      "error",
    );
  await tellOwner("Check saved", result);
});

/**
 * After the check has committed: the owner (if any) hears by e-mail. A failed send never undoes
 * the check; the administrator is told it was not sent.
 */
async function tellOwner(saved: string, result: { ok: boolean; notice?: CheckNotice }): Promise<never> {
  const n = result.ok ? result.notice : undefined;
  if (!n?.ownerEmail) return back(`${saved}.`);
  const mailed = await noticeCredentialChecked({ ...n, to: n.ownerEmail, listingId: n.therapistId });
  return back(mailed ? `${saved}; the owner was told by e-mail.` : `${saved}, but the e-mail to the owner could not be sent.`, mailed ? "ok" : "error");
}

export const decideClaimAction = withAdmin(async (user, form: FormData): Promise<void> => {
  const id = uuidSchema.safeParse(form.get("claimId"));
  if (!id.success) back("Unknown claim.", "error");
  const approve = form.get("decision") === "approve";
  const note = claimDecisionNoteSchema.safeParse(str(form.get("note")));
  if (!note.success) back(`Claim not decided: ${note.error.issues[0]?.message ?? "check the note"}`, "error");
  const db = await getDb();
  const who = await claimNoticeInfo(db, { claimId: id.data! });
  const result = await decideClaim(db, { adminId: user.id, claimId: id.data!, approve, note: note.data! });
  revalidatePath("/admin");
  if (!result.ok) back(result.reason === "already_owned" ? "Claim refused: the listing already has an owner." : "That claim was already decided.", "error");
  // The claimant hears the decision once it has committed; a failed e-mail never undoes it.
  const mailed = who?.claimantEmail
    ? await noticeClaimDecided({ to: who.claimantEmail, listingId: who.therapistId, displayName: who.displayName, approved: approve, note: note.data! })
    : true;
  const decided = approve ? "Claim approved." : "Claim refused.";
  back(mailed ? decided : `${decided} The e-mail to the claimant could not be sent.`, mailed ? "ok" : "error");
});

export const unpublishAction = withAdmin(async (user, form: FormData): Promise<void> => {
  const id = uuidSchema.safeParse(form.get("id"));
  const reason = reasonSchema.safeParse(str(form.get("reason")));
  if (!id.success) back("Unknown listing.", "error");
  if (!reason.success) back(`Not unpublished: ${reason.error.issues[0]?.message}`, "error");
  const db = await getDb();
  const result = await unpublishListing(db, { id: id.data!, adminId: user.id, reason: reason.data! });
  if (!result.ok) back("Unknown listing.", "error");
  revalidatePath("/admin");
  const owner = await ownerNoticeInfo(db, { id: id.data! });
  const mailed = owner?.email ? await noticeUnpublished({ to: owner.email, listingId: id.data!, displayName: owner.displayName, reason: reason.data! }) : true;
  const done = "Listing unpublished and locked: its owner cannot publish it until you lift the lock.";
  back(mailed ? done : `${done} The e-mail to the owner could not be sent.`, mailed ? "ok" : "error");
});

export const liftLockAction = withAdmin(async (user, form: FormData): Promise<void> => {
  const id = uuidSchema.safeParse(form.get("id"));
  const reason = reasonSchema.safeParse(str(form.get("reason")));
  const publish = form.get("publish") === "true";
  if (!id.success) back("Unknown listing.", "error");
  if (!reason.success) back(`Lock not lifted: ${reason.error.issues[0]?.message}`, "error");
  const db = await getDb();
  const result = await liftLock(db, { id: id.data!, userId: user.id, isAdmin: user.isAdmin, reason: reason.data!, publish });
  if (!result.ok) back("Unknown listing.", "error");
  revalidatePath("/admin");
  const owner = await ownerNoticeInfo(db, { id: id.data! });
  const mailed = owner?.email ? await noticeLockLifted({ to: owner.email, listingId: id.data!, displayName: owner.displayName, published: publish, reason: reason.data! }) : true;
  const done = publish ? "Lock lifted and listing published again." : "Lock lifted: the owner can publish the listing.";
  back(mailed ? done : `${done} The e-mail to the owner could not be sent.`, mailed ? "ok" : "error");
});

const versionOf = (form: FormData) => versionSchema.safeParse(form.get("version"));

export const approveTextAction = withAdmin(async (user, form: FormData): Promise<void> => {
  const id = uuidSchema.safeParse(form.get("id"));
  const version = versionOf(form);
  if (!id.success || !version.success) back("Unknown listing.", "error");
  const result = await approveText(await getDb(), { adminId: user.id, id: id.data!, version: version.data! });
  revalidatePath("/admin");
  if (!result.ok)
    return back(result.reason === "conflict" ? "Not approved: the owner changed the listing since the page was shown. Look again." : "Nothing waits for review on that listing.", "error");
  back("Text approved.");
});

export const revertTextAction = withAdmin(async (user, form: FormData): Promise<void> => {
  const id = uuidSchema.safeParse(form.get("id"));
  const version = versionOf(form);
  const reason = reasonSchema.safeParse(str(form.get("reason")));
  if (!id.success || !version.success) back("Unknown listing.", "error");
  if (!reason.success) back(`Not reverted: ${reason.error.issues[0]?.message}`, "error");
  const result = await revertText(await getDb(), { adminId: user.id, id: id.data!, version: version.data!, reason: reason.data! });
  revalidatePath("/admin");
  if (!result.ok)
    return back(
      result.reason === "conflict"
        ? "Not reverted: the owner changed the listing since the page was shown. Look again."
        : result.reason === "nothing_approved"
          ? "Not reverted: nothing on this listing was approved before. Unpublish it instead if its text cannot stay."
          : "Nothing waits for review on that listing.",
      "error",
    );
  const mailed = result.ownerEmail
    ? await noticeTextReverted({ to: result.ownerEmail, listingId: id.data!, displayName: result.displayName, fields: result.fields, reason: reason.data! })
    : true;
  back(mailed ? "Text reverted; the owner was told by e-mail." : "Text reverted, but the e-mail to the owner could not be sent.", mailed ? "ok" : "error");
});

export const closeReportAction = withAdmin(async (user, form: FormData): Promise<void> => {
  const id = uuidSchema.safeParse(form.get("id"));
  const outcome = form.get("outcome") === "changed" ? "changed" : "no_change";
  const note = claimDecisionNoteSchema.safeParse(str(form.get("note")));
  if (!id.success) back("Unknown report.", "error");
  if (!note.success) back(`Report not closed: ${note.error.issues[0]?.message ?? "check the note"}`, "error");
  const result = await closeReport(await getDb(), { adminId: user.id, id: id.data!, outcome, note: note.data! });
  revalidatePath("/admin");
  if (!result.ok) return back("That report was already closed.", "error");
  const sent = await Promise.all([
    result.reporterEmail ? noticeReportClosed({ to: result.reporterEmail, displayName: result.displayName, slug: result.slug, changed: outcome === "changed" }) : true,
    result.ownerEmail ? noticeListingCorrected({ to: result.ownerEmail, listingId: result.therapistId, displayName: result.displayName, note: note.data! }) : true,
  ]);
  back(sent.every(Boolean) ? "Report closed." : "Report closed, but an e-mail about it could not be sent.", sent.every(Boolean) ? "ok" : "error");
});

export const decideRemovalAction = withAdmin(async (user, form: FormData): Promise<void> => {
  const id = uuidSchema.safeParse(form.get("removalId"));
  if (!id.success) back("Unknown removal request.", "error");
  const approve = form.get("decision") === "approve";
  const result = await decideRegistryRemoval(await getDb(), { adminId: user.id, removalId: id.data!, approve });
  revalidatePath("/admin");
  if (!result.ok) back("That removal request was already decided.", "error");
  back(approve ? "Removal approved: the listing is unpublished and later imports leave its NPI out." : "Removal refused.");
});
