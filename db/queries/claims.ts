import "server-only";
// Claims: a therapist asks to take over a listing nobody owns (imported or demo data), and an
// administrator decides. Granting ownership bumps the listing's version and appends a revision.
import { and, asc, desc, eq, ilike, isNull, or } from "drizzle-orm";
import type { Db } from "../client";
import { listingClaims, therapists, users, type Therapist } from "../schema";
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
    .select({ id: therapists.id, displayName: therapists.displayName, practiceName: therapists.practiceName, city: therapists.city, state: therapists.state, slug: therapists.slug })
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

/**
 * Asks to take over an unowned listing. Granted at once when the account's e-mail is the
 * listing's public e-mail; otherwise waits for an administrator.
 */
export async function claimListing(
  db: Db,
  options: { id: string; userId: string; email: string; message?: string | null },
): Promise<{ ok: true; status: "approved" | "pending" } | { ok: false; reason: "not_found" }> {
  return db.transaction(async (tx) => {
    // An unpublished listing (taken down by an administrator) can be claimed by nobody.
    const [row] = await tx
      .select()
      .from(therapists)
      .where(and(eq(therapists.id, options.id), isNull(therapists.ownerId), eq(therapists.published, true)))
      .for("update")
      .limit(1);
    if (!row) return { ok: false as const, reason: "not_found" as const };
    const matches = !!row.email && row.email.trim().toLowerCase() === options.email.trim().toLowerCase();
    if (!matches) {
      await tx
        .insert(listingClaims)
        .values({ therapistId: row.id, userId: options.userId, message: options.message ?? null })
        .onConflictDoNothing();
      return { ok: true as const, status: "pending" as const };
    }
    await grantOwnership(tx, row, options.userId, null, "Claim approved automatically: the account's e-mail is the listing's e-mail");
    await tx.insert(listingClaims).values({
      therapistId: row.id,
      userId: options.userId,
      status: "approved",
      message: options.message ?? null,
      decidedAt: new Date(),
      decisionNote: "Approved automatically: the account's e-mail is the listing's public e-mail.",
    });
    return { ok: true as const, status: "approved" as const };
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
    .where(eq(listingClaims.status, "pending"))
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
      .set({ status, decidedAt: new Date(), decidedById: options.adminId, decisionNote: note })
      .where(eq(listingClaims.id, claim.id));
    return status === "approved" || !options.approve ? { ok: true as const, status } : { ok: false as const, reason: "already_owned" as const };
  });
}
