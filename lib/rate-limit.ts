import "server-only";
// The one rate limiter: fixed windows counted in the database, so a limit holds across several
// app servers. Sign-in and every public form use it with their own bucket names and numbers.
import { getDb, type Db } from "@/db/client";
import { hitRateLimit } from "@/db/queries/accounts";

export type RateLimit = { limit: number; windowSeconds: number };
export type RateResult = { allowed: boolean; retryAfterSeconds: number };

/** Counts one hit for `id` in `bucket` (for example "signin:ip", "1.2.3.4"), in `db` or the app's database. */
export async function rateLimit(options: { bucket: string; id: string; db?: Db } & RateLimit): Promise<RateResult> {
  const db = options.db ?? (await getDb());
  const hit = await hitRateLimit(db, { key: `${options.bucket}:${options.id}`, limit: options.limit, windowSeconds: options.windowSeconds });
  return { allowed: hit.allowed, retryAfterSeconds: hit.allowed ? 0 : hit.retryAfterSeconds };
}

/** "Try again in N minutes." */
export function retryMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many requests from your network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
