import "server-only";
// Review of the texts patients read (lib/therapists/medical-claims.ts SCREENED_TEXT_FIELDS).
// Claims the screen refuses never get saved; everything else that is published goes past an
// administrator: a first publication and every later change to these texts on a published
// listing wait in a queue (oldest first) while the listing stays live. The administrator
// approves the text as it stands, or reverts it to the last approved text with a reason (kept in
// the history and mailed to the owner). Owners never write approved_text or the queue's date:
// listings.ts asks textReviewAfterWrite what they become after an owner's write.
import { asc, eq, isNotNull } from "drizzle-orm";
import { changedTextFields, screenedTextOf, type ScreenedText, type ScreenedTextField } from "@/lib/therapists/medical-claims";
import type { Db } from "../client";
import { therapists, users, type FieldChange, type Therapist } from "../schema";
import { lockForWrite, type WriteResult } from "./listing-writes";
import { appendRevision } from "./revisions";

/**
 * When a change to the screened texts waits for review after an owner's write that leaves the
 * listing `published` with texts `next`: not while unpublished (it waits for publication), not
 * when the texts are the approved ones, otherwise since the first change still waiting.
 */
export function textReviewAfterWrite(current: Pick<Therapist, "approvedText" | "textReviewRequestedAt">, next: ScreenedText, published: boolean): Date | null {
  if (!published) return current.textReviewRequestedAt;
  if (current.approvedText && changedTextFields(current.approvedText as Partial<ScreenedText>, next).length === 0) return null;
  return current.textReviewRequestedAt ?? new Date();
}

export type TextReview = {
  id: string;
  displayName: string;
  slug: string;
  city: string;
  state: string;
  published: boolean;
  version: number;
  requestedAt: Date;
  ownerEmail: string | null;
  /** Null for a first publication: nothing approved yet, nothing to revert to. */
  approved: Partial<ScreenedText> | null;
  changes: { field: ScreenedTextField; approved: string | string[] | null; current: string | string[] | null }[];
};

/** Listings with text changes waiting for review, oldest first. */
export async function listTextReviews(db: Db, options: { limit?: number } = {}): Promise<TextReview[]> {
  const rows = await db
    .select({ therapist: therapists, ownerEmail: users.email })
    .from(therapists)
    .leftJoin(users, eq(users.id, therapists.ownerId))
    .where(isNotNull(therapists.textReviewRequestedAt))
    .orderBy(asc(therapists.textReviewRequestedAt), asc(therapists.id))
    .limit(options.limit ?? 50);
  return rows.map(({ therapist: t, ownerEmail }) => {
    const approved = (t.approvedText as Partial<ScreenedText> | null) ?? null;
    const current = screenedTextOf(t);
    return {
      id: t.id,
      displayName: t.displayName,
      slug: t.slug,
      city: t.city,
      state: t.state,
      published: t.published,
      version: t.version,
      requestedAt: t.textReviewRequestedAt!,
      ownerEmail,
      approved,
      changes: changedTextFields(approved, current).map((field) => ({ field, approved: approved?.[field] ?? null, current: current[field] })),
    };
  });
}

type ReviewResult = WriteResult | { ok: false; reason: "nothing_waiting" | "nothing_approved" };

/** Approves the listing's texts as they stand at `version` (the one the administrator read). */
export async function approveText(db: Db, options: { adminId: string; id: string; version: number }): Promise<ReviewResult> {
  return db.transaction(async (tx) => {
    const locked = await lockForWrite(tx, { id: options.id, actor: { userId: options.adminId, isAdmin: true }, version: options.version });
    if (!locked.ok) return locked;
    const { current } = locked;
    if (!current.textReviewRequestedAt) return { ok: false as const, reason: "nothing_waiting" as const };
    const version = current.version + 1;
    await tx
      .update(therapists)
      .set({ approvedText: screenedTextOf(current), textReviewRequestedAt: null, version, updatedAt: new Date() })
      .where(eq(therapists.id, current.id));
    await appendRevision(tx, {
      therapistId: current.id,
      userId: options.adminId,
      version,
      changes: { textReview: { old: "waiting", new: "approved" } },
      reason: "Texts approved by an administrator",
    });
    return { ok: true as const, version };
  });
}

/**
 * Puts the listing's texts back to the last approved ones, with a reason the owner reads. The
 * listing stays published; the reverted texts need no further review. Returns the owner's
 * e-mail so the caller can tell them once this has committed.
 */
export async function revertText(
  db: Db,
  options: { adminId: string; id: string; version: number; reason: string },
): Promise<(ReviewResult & { ok: false }) | { ok: true; version: number; ownerEmail: string | null; displayName: string; fields: ScreenedTextField[] }> {
  return db.transaction(async (tx) => {
    const locked = await lockForWrite(tx, { id: options.id, actor: { userId: options.adminId, isAdmin: true }, version: options.version });
    if (!locked.ok) return locked;
    const { current } = locked;
    if (!current.textReviewRequestedAt) return { ok: false as const, reason: "nothing_waiting" as const };
    const approved = current.approvedText as Partial<ScreenedText> | null;
    if (!approved) return { ok: false as const, reason: "nothing_approved" as const };
    const fields = changedTextFields(approved, screenedTextOf(current));
    const restored: Partial<Record<ScreenedTextField, unknown>> = {};
    const changes: Record<string, FieldChange> = {};
    for (const f of fields) {
      // displayName and bio may not be null; associations is a list.
      const value = approved[f] ?? (f === "associations" ? [] : f === "bio" ? "" : f === "displayName" ? current.displayName : null);
      restored[f] = value;
      changes[f] = { old: current[f], new: value };
    }
    const version = current.version + 1;
    await tx
      .update(therapists)
      .set({ ...(restored as Partial<Therapist>), textReviewRequestedAt: null, version, updatedAt: new Date() })
      .where(eq(therapists.id, current.id));
    await appendRevision(tx, { therapistId: current.id, userId: options.adminId, version, changes, reason: `Texts reverted by an administrator: ${options.reason}` });
    const [owner] = current.ownerId ? await tx.select({ email: users.email }).from(users).where(eq(users.id, current.ownerId)).limit(1) : [];
    return { ok: true as const, version, ownerEmail: owner?.email ?? null, displayName: current.displayName, fields };
  });
}
