import "server-only";
// The private machinery every listing write shares (listings.ts, claims.ts, moderation.ts):
// who may act on a row, the row lock with its optimistic-concurrency check, and the result
// type. Pages and actions import the use-case modules, never this one.
import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { therapists } from "../schema";
import { changesSince, type ChangedField } from "./revisions";

/** A transaction handle: every write helper runs inside the caller's transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Who is asking. Administrators may act on any listing. */
export type Actor = { userId: string; isAdmin?: boolean };

export type LicenseRow = { state: string; number: string; credentialTitle: string };

export type WriteResult<T = { version: number }> =
  | ({ ok: true } & T)
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; reason: "conflict"; currentVersion: number; changes: ChangedField[] }
  | { ok: false; reason: "locked"; moderationNote: string | null };

/** Ownership in the where clause: a foreign listing looks exactly like a missing one. */
export function ownedBy(id: string, actor: Actor) {
  return actor.isAdmin ? eq(therapists.id, id) : and(eq(therapists.id, id), eq(therapists.ownerId, actor.userId));
}

export const licenseLabel = (l: LicenseRow) => `${l.state} ${l.number} (${l.credentialTitle})`;

export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Locks the row; not found (or not the actor's), or a conflict when `version` is stale. A write
 * that would publish says so (`publishing`): while an administrator's lock is on the listing it
 * is refused here, for everyone, with the administrator's reason. This is the one place that
 * decides it; only liftLock (moderation.ts) clears the lock, and the check constraint
 * therapists_locked_unpublished keeps any other write from publishing a locked row.
 */
export async function lockForWrite(tx: Tx, options: { id: string; actor: Actor; version?: number; publishing?: boolean }) {
  const { id, actor, version } = options;
  const [current] = await tx.select().from(therapists).where(ownedBy(id, actor)).for("update").limit(1);
  if (!current) return { ok: false as const, reason: "not_found" as const };
  if (options.publishing && current.lockedAt) return { ok: false as const, reason: "locked" as const, moderationNote: current.moderationNote };
  if (version !== undefined && current.version !== version) {
    return {
      ok: false as const,
      reason: "conflict" as const,
      currentVersion: current.version,
      changes: await changesSince(tx, { therapistId: id, version }),
    };
  }
  return { ok: true as const, current };
}
