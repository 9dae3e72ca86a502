import "server-only";
// Patients' messages to therapists (lib/contact): stored only until delivered by e-mail, then
// deleted; while delivery keeps failing, retried with a growing wait and purged after 7 days.
// The listing keeps only a count (listing-counts.ts), written in the same transaction.
import { and, asc, eq, lt, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import { contactMessages, therapists } from "../schema";
import { bumpWeeklyCount } from "./listing-counts";

export const MESSAGE_RETENTION_MS = 7 * 24 * 3600 * 1000;
/** How long one delivery attempt holds a message before another pass may try it. */
const LEASE_MS = 10 * 60 * 1000;
/** Waits after the 1st, 2nd, ... failure: 5 min doubling, at most 6 hours. */
export const retryWaitMs = (attempts: number) => Math.min(5 * 60 * 1000 * 2 ** Math.max(0, attempts - 1), 6 * 3600 * 1000);

export type ContactTarget = { id: string; slug: string; displayName: string; email: string | null; messagesOff: boolean };

/** The published listing a message would go to; undefined when unpublished or deleted. */
export async function getContactTarget(db: Db, options: { slug: string }): Promise<ContactTarget | undefined> {
  const [row] = await db
    .select({ id: therapists.id, slug: therapists.slug, displayName: therapists.displayName, email: therapists.email, messagesOff: therapists.messagesOff })
    .from(therapists)
    .where(and(eq(therapists.slug, options.slug), eq(therapists.published, true)))
    .limit(1);
  return row;
}

export type NewContactMessage = { name: string; email: string | null; phone: string | null; lookingFor: string; times: string | null };

/**
 * Stores a message to a published listing that takes messages and counts it, in one
 * transaction. A listing unpublished or deleted meanwhile is "not_found"; one that turned the
 * form off is "off"; one without a public e-mail is "no_email".
 */
export async function createContactMessage(
  db: Db,
  options: { slug: string; message: NewContactMessage; now?: Date },
): Promise<{ ok: true; id: string; therapistId: string } | { ok: false; reason: "not_found" | "off" | "no_email" }> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const [listing] = await tx
      .select({ id: therapists.id, email: therapists.email, messagesOff: therapists.messagesOff })
      .from(therapists)
      .where(and(eq(therapists.slug, options.slug), eq(therapists.published, true)))
      .for("share")
      .limit(1);
    if (!listing) return { ok: false as const, reason: "not_found" as const };
    if (listing.messagesOff) return { ok: false as const, reason: "off" as const };
    if (!listing.email) return { ok: false as const, reason: "no_email" as const };
    const m = options.message;
    const [row] = await tx
      .insert(contactMessages)
      .values({
        therapistId: listing.id,
        senderName: m.name,
        senderEmail: m.email,
        senderPhone: m.phone,
        lookingFor: m.lookingFor,
        preferredTimes: m.times,
        nextAttemptAt: now,
        createdAt: now,
      })
      .returning({ id: contactMessages.id });
    await bumpWeeklyCount(tx, { therapistId: listing.id, now, messages: 1 });
    return { ok: true as const, id: row!.id, therapistId: listing.id };
  });
}

/** A message claimed for one delivery attempt, with where it goes now. */
export type ClaimedMessage = {
  id: string;
  senderName: string;
  senderEmail: string | null;
  senderPhone: string | null;
  lookingFor: string;
  preferredTimes: string | null;
  attempts: number;
  createdAt: Date;
  to: { published: boolean; email: string | null; messagesOff: boolean; displayName: string; slug: string };
};

/**
 * Takes a due message for one delivery attempt: pushes its next attempt out by a lease, so that
 * another pass (another server) does not send it too. Undefined when it is gone or not due.
 */
export async function claimContactMessage(db: Db, options: { id: string; now?: Date }): Promise<ClaimedMessage | undefined> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const [m] = await tx
      .update(contactMessages)
      .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(and(eq(contactMessages.id, options.id), lte(contactMessages.nextAttemptAt, now)))
      .returning();
    if (!m) return undefined;
    const [t] = await tx
      .select({ published: therapists.published, email: therapists.email, messagesOff: therapists.messagesOff, displayName: therapists.displayName, slug: therapists.slug })
      .from(therapists)
      .where(eq(therapists.id, m.therapistId))
      .limit(1);
    return {
      id: m.id,
      senderName: m.senderName,
      senderEmail: m.senderEmail,
      senderPhone: m.senderPhone,
      lookingFor: m.lookingFor,
      preferredTimes: m.preferredTimes,
      attempts: m.attempts,
      createdAt: m.createdAt,
      to: t!,
    };
  });
}

/** Delivered (or undeliverable): the stored copy is deleted. */
export async function deleteContactMessage(db: Db, options: { id: string }): Promise<void> {
  await db.delete(contactMessages).where(eq(contactMessages.id, options.id));
}

/** A failed attempt: counted, its reason kept (for the log), the next attempt after a growing wait. */
export async function recordDeliveryFailure(db: Db, options: { id: string; error: string; now?: Date }): Promise<void> {
  const now = options.now ?? new Date();
  await db.transaction(async (tx) => {
    const [m] = await tx.select({ attempts: contactMessages.attempts }).from(contactMessages).where(eq(contactMessages.id, options.id)).for("update").limit(1);
    if (!m) return;
    const attempts = m.attempts + 1;
    await tx
      .update(contactMessages)
      .set({ attempts, lastError: options.error.slice(0, 500), nextAttemptAt: new Date(now.getTime() + retryWaitMs(attempts)) })
      .where(eq(contactMessages.id, options.id));
  });
}

/** Messages due for another attempt, oldest first. */
export async function listDueContactMessages(db: Db, options: { now?: Date; limit?: number } = {}): Promise<string[]> {
  const rows = await db
    .select({ id: contactMessages.id })
    .from(contactMessages)
    .where(lte(contactMessages.nextAttemptAt, options.now ?? new Date()))
    .orderBy(asc(contactMessages.nextAttemptAt))
    .limit(options.limit ?? 20);
  return rows.map((r) => r.id);
}

/** Deletes every message older than 7 days, delivered or not; returns how many. */
export async function purgeExpiredContactMessages(db: Db, options: { now?: Date } = {}): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - MESSAGE_RETENTION_MS);
  const gone = await db.delete(contactMessages).where(lt(contactMessages.createdAt, cutoff)).returning({ id: contactMessages.id });
  return gone.length;
}

/** How many messages are stored (waiting for delivery), for one listing or all. */
export async function countStoredContactMessages(db: Db, options: { therapistId?: string } = {}): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(contactMessages)
    .where(options.therapistId ? eq(contactMessages.therapistId, options.therapistId) : undefined);
  return Number(row?.n ?? 0);
}
