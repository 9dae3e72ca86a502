import "server-only";
// Per listing and week, how often its public profile was shown and how many messages were sent
// through its form: one counter row per listing and week (Monday, UTC), incremented in place.
// No visitor, address, cookie or time of day is recorded, only the totals.
import { and, eq, gte, sql } from "drizzle-orm";
import type { Db } from "../client";
import { listingWeeklyCounts, therapists } from "../schema";

const DAY_MS = 24 * 3600 * 1000;

/** The Monday (UTC) that starts `now`'s week, as YYYY-MM-DD. */
export function weekStartOf(now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/** Adds to this week's counters of one listing (the row is created on the week's first count). */
export async function bumpWeeklyCount(db: Db, options: { therapistId: string; now?: Date; views?: number; messages?: number }): Promise<void> {
  const views = options.views ?? 0;
  const messages = options.messages ?? 0;
  await db
    .insert(listingWeeklyCounts)
    .values({ therapistId: options.therapistId, weekStart: weekStartOf(options.now ?? new Date()), views, messages })
    .onConflictDoUpdate({
      target: [listingWeeklyCounts.therapistId, listingWeeklyCounts.weekStart],
      set: { views: sql`${listingWeeklyCounts.views} + ${views}`, messages: sql`${listingWeeklyCounts.messages} + ${messages}` },
    });
}

/** One view of a published profile; nothing happens for a listing that is not published. */
export async function countProfileView(db: Db, options: { slug: string; now?: Date }): Promise<void> {
  const [t] = await db
    .select({ id: therapists.id })
    .from(therapists)
    .where(and(eq(therapists.slug, options.slug), eq(therapists.published, true)))
    .limit(1);
  if (t) await bumpWeeklyCount(db, { therapistId: t.id, now: options.now, views: 1 });
}

export type WeeklyCount = { weekStart: string; views: number; messages: number };

/**
 * The last `weeks` weeks of one listing's counts, newest first, weeks without a count as zeros;
 * for its owner (or an administrator): anyone else gets undefined, as for a missing listing.
 */
export async function listWeeklyCounts(
  db: Db,
  options: { id: string; userId: string; isAdmin: boolean; weeks?: number; now?: Date },
): Promise<WeeklyCount[] | undefined> {
  const weeks = options.weeks ?? 8;
  const [owned] = await db
    .select({ id: therapists.id })
    .from(therapists)
    .where(options.isAdmin ? eq(therapists.id, options.id) : and(eq(therapists.id, options.id), eq(therapists.ownerId, options.userId)))
    .limit(1);
  if (!owned) return undefined;
  const thisWeek = weekStartOf(options.now ?? new Date());
  const starts = Array.from({ length: weeks }, (_, i) => new Date(Date.parse(`${thisWeek}T00:00:00Z`) - i * 7 * DAY_MS).toISOString().slice(0, 10));
  const rows = await db
    .select({ weekStart: listingWeeklyCounts.weekStart, views: listingWeeklyCounts.views, messages: listingWeeklyCounts.messages })
    .from(listingWeeklyCounts)
    .where(and(eq(listingWeeklyCounts.therapistId, owned.id), gte(listingWeeklyCounts.weekStart, starts.at(-1)!)));
  const byWeek = new Map(rows.map((r) => [r.weekStart, r]));
  return starts.map((w) => ({ weekStart: w, views: byWeek.get(w)?.views ?? 0, messages: byWeek.get(w)?.messages ?? 0 }));
}
