import "server-only";
// Claims: a therapist asks to take over a listing nobody owns (imported or demo data), and an
// administrator decides. Granting ownership bumps the listing's version and appends a revision.
import { createHash, randomBytes } from "node:crypto";
import { and, asc, desc, eq, ilike, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { licenses, listingClaims, therapists, users, type Therapist } from "../schema";
import type { Tx } from "./listing-writes";
import { appendRevision } from "./revisions";

async function grantOwnership(tx: Tx, row: Therapist, ownerId: string, byUserId: string | null, reason: string) {
  const version = row.version + 1;
  await tx.update(therapists).set({ ownerId, version, updatedAt: new Date() }).where(and(eq(therapists.id, row.id), isNull(therapists.ownerId)));
  await appendRevision(tx, { therapistId: row.id, userId: byUserId ?? ownerId, version, changes: { ownerId: { old: null, new: ownerId } }, reason });
}

/** Published listings nobody owns yet whose name matches, for the claim search: an unpublished listing is shown to nobody. */
export async function findUnclaimedListings(db: Db, options: { query: string; limit?: number }) {
  const q = options.query.trim().replace(/[%_\\]/g, (c) => `\\${c}`);
  if (q.length < 2) return [];
  return db
    .select({ id: therapists.id, displayName: therapists.displayName, practiceName: therapists.practiceName, city: therapists.city, state: therapists.state, slug: therapists.slug, isDemo: therapists.isDemo, hasEmail: sql<boolean>`${therapists.email} is not null` })
    .from(therapists)
    .where(
      and(
        isNull(therapists.ownerId),
        eq(therapists.published, true),
        or(ilike(therapists.displayName, `%${q}%`), ilike(therapists.practiceName, `%${q}%`)),
      ),
    )
    .orderBy(asc(therapists.displayName))
    .limit(options.limit ?? 20);
}

/** A published listing nobody owns, for the claim form; the public e-mail only as a hint ("d•••@example.org"). */
export async function getClaimableListing(db: Db, options: { id: string }) {
  const [row] = await db
    .select({ id: therapists.id, displayName: therapists.displayName, practiceName: therapists.practiceName, city: therapists.city, state: therapists.state, slug: therapists.slug, isDemo: therapists.isDemo, email: therapists.email, npi: therapists.npi })
    .from(therapists)
    .where(and(eq(therapists.id, options.id), isNull(therapists.ownerId), eq(therapists.published, true)))
    .limit(1);
  if (!row) return null;
  const { email, npi, ...rest } = row;
  const [local, domain] = (email ?? "").split("@");
  // An imported registry listing is claimed with its NPI too (the claimant types it; not shown here).
  return { ...rest, fromRegistry: npi !== null, emailHint: email && local && domain ? `${local[0]}•••@${domain}` : null };
}

/** What a claimant gives as proof that the listing is theirs (lib/validation/claim-input.ts parses the form). */
export type ClaimProof =
  | { kind: "email_link" }
  | { kind: "licence"; number: string; /** Required for an imported registry listing: its NPI. */ npi?: string; file: { name: string; mimeType: string; data: Uint8Array } }
  | { kind: "note"; note: string };

export type ClaimResult =
  | { ok: true; status: "approved" | "pending"; claimId: string; emailLink?: { to: string; token: string } }
  | { ok: false; reason: "not_found" | "demo" | "no_listing_email" | "licence_mismatch" | "npi_mismatch" | "already_waiting" };

// Licence numbers compare without spaces, dashes or case ("MT 12-345" is "mt12345").
const licenceKey = (n: string) => n.replace(/[\s-]+/g, "").toUpperCase();
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
/** How long a claim link sent to a listing's public e-mail works. */
export const CLAIM_LINK_HOURS = 48;

/**
 * Asks to take over an unowned listing, with proof. Granted at once when the account's e-mail is
 * the listing's public e-mail. Otherwise the claim waits: for the claimant to open the link sent
 * to the listing's public e-mail (the caller sends `emailLink` after this commits), or for an
 * administrator, who sees the matching licence number or the note. Fictional demo listings
 * cannot be claimed; an unpublished listing can be claimed by nobody.
 */
export async function claimListing(
  db: Db,
  options: { id: string; userId: string; email: string; proof: ClaimProof },
): Promise<ClaimResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(therapists)
      .where(and(eq(therapists.id, options.id), isNull(therapists.ownerId), eq(therapists.published, true)))
      .for("update")
      .limit(1);
    if (!row) return { ok: false as const, reason: "not_found" as const };
    if (row.isDemo) return { ok: false as const, reason: "demo" as const };
    const [open] = await tx
      .select({ id: listingClaims.id })
      .from(listingClaims)
      .where(and(eq(listingClaims.therapistId, row.id), eq(listingClaims.userId, options.userId), eq(listingClaims.status, "pending")))
      .limit(1);
    if (open) return { ok: false as const, reason: "already_waiting" as const };
    const listingEmail = row.email?.trim().toLowerCase() ?? "";
    if (listingEmail && listingEmail === options.email.trim().toLowerCase()) {
      await grantOwnership(tx, row, options.userId, null, "Claim approved automatically: the account's e-mail is the listing's e-mail");
      const [claim] = await tx
        .insert(listingClaims)
        .values({
          therapistId: row.id,
          userId: options.userId,
          status: "approved",
          proof: "account_email",
          decidedAt: new Date(),
          decisionNote: "Approved automatically: the account's e-mail is the listing's public e-mail.",
        })
        .returning({ id: listingClaims.id });
      return { ok: true as const, status: "approved" as const, claimId: claim!.id };
    }
    const proof = options.proof;
    let values: Partial<typeof listingClaims.$inferInsert> = {};
    let emailLink: { to: string; token: string } | undefined;
    if (proof.kind === "email_link") {
      if (!listingEmail) return { ok: false as const, reason: "no_listing_email" as const };
      const token = randomBytes(32).toString("base64url");
      emailLink = { to: listingEmail, token };
      values = { proof: "email_link", emailSentTo: listingEmail, emailTokenHash: sha256(token) };
    } else if (proof.kind === "licence") {
      const listed = await tx.select({ number: licenses.number }).from(licenses).where(eq(licenses.therapistId, row.id));
      if (!listed.some((l) => licenceKey(l.number) === licenceKey(proof.number))) return { ok: false as const, reason: "licence_mismatch" as const };
      // An imported registry listing: the claimant also gives its NPI (db/queries/registry.ts).
      if (row.npi !== null && (proof.npi ?? "").replace(/\D/g, "") !== row.npi) return { ok: false as const, reason: "npi_mismatch" as const };
      values = { proof: "licence", licenceNumber: proof.number, proofFile: proof.file.data, proofFileName: proof.file.name, proofMimeType: proof.file.mimeType };
    } else {
      values = { proof: "note", message: proof.note };
    }
    const [claim] = await tx
      .insert(listingClaims)
      .values({ therapistId: row.id, userId: options.userId, ...values })
      .returning({ id: listingClaims.id });
    return { ok: true as const, status: "pending" as const, claimId: claim!.id, emailLink };
  });
}

/**
 * The claimant opened the link sent to the listing's public e-mail: the claim is approved and the
 * listing becomes theirs, if it still has no owner and the link is theirs and not expired.
 */
export async function confirmClaimByEmail(
  db: Db,
  options: { userId: string; token: string },
): Promise<{ ok: true; therapistId: string; displayName: string } | { ok: false; reason: "invalid" | "expired" | "already_owned" }> {
  return db.transaction(async (tx) => {
    const [claim] = await tx
      .select()
      .from(listingClaims)
      .where(and(eq(listingClaims.emailTokenHash, sha256(options.token)), eq(listingClaims.status, "pending"), eq(listingClaims.userId, options.userId)))
      .for("update")
      .limit(1);
    if (!claim) return { ok: false as const, reason: "invalid" as const };
    if (claim.createdAt.getTime() < Date.now() - CLAIM_LINK_HOURS * 3600_000) return { ok: false as const, reason: "expired" as const };
    const [row] = await tx.select().from(therapists).where(eq(therapists.id, claim.therapistId)).for("update").limit(1);
    if (!row || row.ownerId || !row.published) {
      await tx
        .update(listingClaims)
        .set({ status: "refused", decidedAt: new Date(), decisionNote: "Refused: the listing already has an owner or is no longer published.", emailTokenHash: null })
        .where(eq(listingClaims.id, claim.id));
      return { ok: false as const, reason: "already_owned" as const };
    }
    await grantOwnership(tx, row, claim.userId, null, `Claim approved: the claimant opened the link sent to the listing's public e-mail (${claim.emailSentTo})`);
    await tx
      .update(listingClaims)
      .set({
        status: "approved",
        emailConfirmedAt: new Date(),
        emailTokenHash: null,
        decidedAt: new Date(),
        decisionNote: "Approved automatically: the claimant opened the link sent to the listing's public e-mail.",
      })
      .where(eq(listingClaims.id, claim.id));
    return { ok: true as const, therapistId: row.id, displayName: row.displayName };
  });
}

/** The account's own claims, newest first. */
export async function listOwnClaims(db: Db, options: { userId: string }) {
  return db
    .select({ id: listingClaims.id, status: listingClaims.status, createdAt: listingClaims.createdAt, decisionNote: listingClaims.decisionNote, displayName: therapists.displayName, city: therapists.city, state: therapists.state })
    .from(listingClaims)
    .innerJoin(therapists, eq(therapists.id, listingClaims.therapistId))
    .where(eq(listingClaims.userId, options.userId))
    .orderBy(desc(listingClaims.createdAt));
}

// Administrators (callers must have checked the role: see withAdmin)

/** Claims waiting for a decision, oldest first. */
export async function listPendingClaims(db: Db, options: { limit?: number } = {}) {
  return db
    .select({
      id: listingClaims.id,
      message: listingClaims.message,
      proof: listingClaims.proof,
      proofFileName: listingClaims.proofFileName,
      licenceNumber: listingClaims.licenceNumber,
      npi: therapists.npi,
      emailSentTo: listingClaims.emailSentTo,
      createdAt: listingClaims.createdAt,
      claimantEmail: users.email,
      therapistId: therapists.id,
      displayName: therapists.displayName,
      listingEmail: therapists.email,
      city: therapists.city,
      state: therapists.state,
      slug: therapists.slug,
    })
    .from(listingClaims)
    .innerJoin(users, eq(users.id, listingClaims.userId))
    .innerJoin(therapists, eq(therapists.id, listingClaims.therapistId))
    // Claims waiting for their e-mail link to be opened are the claimant's to finish, not the administrator's.
    .where(and(eq(listingClaims.status, "pending"), or(isNull(listingClaims.proof), sql`${listingClaims.proof} <> 'email_link'`)))
    .orderBy(asc(listingClaims.createdAt))
    .limit(options.limit ?? 50);
}

/** Approves (the claimant becomes the owner, if nobody owns it yet) or refuses a claim. */
export async function decideClaim(
  db: Db,
  options: { adminId: string; claimId: string; approve: boolean; note?: string },
): Promise<{ ok: true; status: "approved" | "refused" } | { ok: false; reason: "not_found" | "already_owned" }> {
  return db.transaction(async (tx) => {
    const [claim] = await tx
      .select()
      .from(listingClaims)
      .where(and(eq(listingClaims.id, options.claimId), eq(listingClaims.status, "pending")))
      .for("update")
      .limit(1);
    if (!claim) return { ok: false as const, reason: "not_found" as const };
    let status: "approved" | "refused" = options.approve ? "approved" : "refused";
    let note = options.note || null;
    if (options.approve) {
      const [row] = await tx.select().from(therapists).where(eq(therapists.id, claim.therapistId)).for("update").limit(1);
      if (!row || row.ownerId) {
        status = "refused";
        note = "Refused: the listing already has an owner.";
      } else {
        await grantOwnership(tx, row, claim.userId, options.adminId, note ? `Claim approved: ${note}` : "Claim approved by an administrator");
      }
    }
    await tx
      .update(listingClaims)
      // The proof file is for the decision only: erased with it.
      .set({ status, decidedAt: new Date(), decidedById: options.adminId, decisionNote: note, proofFile: null, proofMimeType: null })
      .where(eq(listingClaims.id, claim.id));
    return status === "approved" || !options.approve ? { ok: true as const, status } : { ok: false as const, reason: "already_owned" as const };
  });
}

/** A pending claim's proof file, for an administrator (callers must have checked the role). */
export async function getClaimProofFile(db: Db, options: { claimId: string }) {
  const [row] = await db
    .select({ data: listingClaims.proofFile, fileName: listingClaims.proofFileName, mimeType: listingClaims.proofMimeType })
    .from(listingClaims)
    .where(and(eq(listingClaims.id, options.claimId), eq(listingClaims.status, "pending")))
    .limit(1);
  return row?.data && row.mimeType && row.fileName ? { data: row.data, fileName: row.fileName, mimeType: row.mimeType } : null;
}

/** Who to tell about a claim's decision, and about which listing (read before deciding). */
export async function claimNoticeInfo(db: Db, options: { claimId: string }) {
  const [row] = await db
    .select({ claimantEmail: users.email, displayName: therapists.displayName, therapistId: therapists.id })
    .from(listingClaims)
    .innerJoin(users, eq(users.id, listingClaims.userId))
    .innerJoin(therapists, eq(therapists.id, listingClaims.therapistId))
    .where(eq(listingClaims.id, options.claimId))
    .limit(1);
  return row ?? null;
}
