import "server-only";
// profile_revisions: the append-only history of every change to a listing (who, when, what).
// Every write in listings.ts, claims.ts and moderation.ts appends through appendRevision in
// its own transaction.
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { profileRevisions, therapists, users, type FieldChange } from "../schema";
import { ownedBy, type Actor, type Tx } from "./listing-writes";

export type ChangedField = { field: string; old: unknown; new: unknown; by: string | null; at: Date };

export async function appendRevision(
  tx: Tx,
  row: { therapistId: string; userId: string | null; version: number; changes: Record<string, FieldChange>; reason?: string | null },
) {
  await tx.insert(profileRevisions).values({ ...row, reason: row.reason ?? null });
}

/** What changed after `version`, one entry per field (its oldest old value, newest new value). */
export async function changesSince(tx: Tx, options: { therapistId: string; version: number }): Promise<ChangedField[]> {
  const rows = await tx
    .select({ changes: profileRevisions.changes, createdAt: profileRevisions.createdAt, email: users.email })
    .from(profileRevisions)
    .leftJoin(users, eq(users.id, profileRevisions.userId))
    .where(and(eq(profileRevisions.therapistId, options.therapistId), gt(profileRevisions.version, options.version)))
    .orderBy(asc(profileRevisions.id));
  const merged = new Map<string, ChangedField>();
  for (const r of rows) {
    for (const [field, c] of Object.entries(r.changes)) {
      const prior = merged.get(field);
      merged.set(field, { field, old: prior ? prior.old : c.old, new: c.new, by: r.email, at: r.createdAt });
    }
  }
  return [...merged.values()];
}

/** The profile's revision history, newest first, for its owner or an administrator. */
export async function listRevisions(db: Db, options: { id: string } & Actor) {
  const [owned] = await db.select({ id: therapists.id }).from(therapists).where(ownedBy(options.id, options)).limit(1);
  if (!owned) return null;
  return db
    .select({
      id: profileRevisions.id,
      version: profileRevisions.version,
      changes: profileRevisions.changes,
      reason: profileRevisions.reason,
      createdAt: profileRevisions.createdAt,
      userEmail: users.email,
    })
    .from(profileRevisions)
    .leftJoin(users, eq(users.id, profileRevisions.userId))
    .where(eq(profileRevisions.therapistId, owned.id))
    .orderBy(desc(profileRevisions.id));
}

/** How many revisions a listing has. */
export async function countRevisions(db: Db, options: { therapistId: string }) {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(profileRevisions)
    .where(eq(profileRevisions.therapistId, options.therapistId));
  return row?.n ?? 0;
}
