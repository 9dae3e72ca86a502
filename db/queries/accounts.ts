import "server-only";
// Accounts: roles, sign-out everywhere, the database-backed rate limiter, and the demo outbox.
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { devOutbox, rateLimits, sessions, users } from "../schema";

export type Role = "therapist" | "admin";

export async function getUserById(db: Db, options: { id: string }) {
  const [row] = await db.select({ id: users.id, email: users.email, role: users.role }).from(users).where(eq(users.id, options.id)).limit(1);
  return row ?? null;
}

/** Makes an account an administrator, creating it if it does not exist yet. */
export async function grantAdmin(db: Db, options: { email: string }) {
  const email = options.email.trim().toLowerCase();
  const [row] = await db
    .insert(users)
    .values({ email, role: "admin" })
    .onConflictDoUpdate({ target: users.email, set: { role: "admin" } })
    .returning({ id: users.id, email: users.email, role: users.role });
  return row!;
}

/** Signs an account out everywhere: every session it holds, on every device. */
export async function deleteAllSessions(db: Db, options: { userId: string }) {
  const deleted = await db.delete(sessions).where(eq(sessions.userId, options.userId)).returning({ token: sessions.sessionToken });
  return deleted.length;
}

export async function countSessions(db: Db, options: { userId: string }) {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(sessions).where(eq(sessions.userId, options.userId));
  return row?.n ?? 0;
}

/**
 * Counts one hit against `key` in the current fixed window and says whether it is within
 * `limit`. One upsert, atomic on both databases, so several app servers share the count.
 */
export async function hitRateLimit(
  db: Db,
  options: { key: string; limit: number; windowSeconds: number; now?: Date },
): Promise<{ allowed: boolean; count: number; retryAfterSeconds: number }> {
  const now = options.now ?? new Date();
  const windowMs = options.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: options.key, windowStart, count: 1, expiresAt: new Date(windowStart.getTime() + windowMs) })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count });
  const count = row!.count;
  // Windows that have ended are of no use: drop them now and then (each by its own end: another
  // key's window may be longer than this one).
  if (count === 1 && Math.random() < 0.05) {
    await db.delete(rateLimits).where(lt(rateLimits.expiresAt, now));
  }
  return {
    allowed: count <= options.limit,
    count,
    retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
  };
}

/** Demo mode: keeps a sign-in e-mail for the development outbox page. */
export async function addOutboxMessage(db: Db, options: { to: string; subject: string; url: string; replyTo?: string | null; body?: string | null }) {
  await db.insert(devOutbox).values(options);
}

export async function listOutboxMessages(db: Db, options: { to?: string; limit?: number } = {}) {
  return db
    .select()
    .from(devOutbox)
    .where(options.to ? and(eq(devOutbox.to, options.to.toLowerCase())) : undefined)
    .orderBy(desc(devOutbox.id))
    .limit(options.limit ?? 50);
}

/**
 * Browser tests only (POST /api/e2e/session): the account with this e-mail (created if new)
 * and a new database session for it, as a magic-link sign-in would leave them.
 */
export async function createSessionForEmail(db: Db, options: { email: string; expires: Date }) {
  const email = options.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email, emailVerified: new Date() })
      .onConflictDoUpdate({ target: users.email, set: { emailVerified: new Date() } })
      .returning({ id: users.id });
    const sessionToken = `${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/-/g, "");
    await tx.insert(sessions).values({ sessionToken, userId: user!.id, expires: options.expires });
    return { userId: user!.id, sessionToken, expires: options.expires };
  });
}
