import "server-only";
// Sign-in requests are limited per client address and per e-mail, with the counters in the
// database so that the limit holds across several app servers.
import { getDb } from "@/db/client";
import { hitRateLimit } from "@/db/queries/accounts";

// Per address: generous, since a clinic or office shares one address; per e-mail: tight, to
// protect the inbox of whoever owns it.
export const SIGN_IN_LIMITS = {
  perAddress: { limit: 60, windowSeconds: 15 * 60 },
  perEmail: { limit: 5, windowSeconds: 15 * 60 },
} as const;

/**
 * The client's address: the last hop of X-Forwarded-For (added by our own proxy, or by
 * `next start` itself), which a client cannot forge, unlike the first.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return last || headers.get("x-real-ip") || "unknown";
}

export async function checkSignInRate(options: { address: string; email: string }): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const db = await getDb();
  const byAddress = await hitRateLimit(db, { key: `signin:ip:${options.address}`, ...SIGN_IN_LIMITS.perAddress });
  const byEmail = await hitRateLimit(db, { key: `signin:email:${options.email.toLowerCase()}`, ...SIGN_IN_LIMITS.perEmail });
  return {
    allowed: byAddress.allowed && byEmail.allowed,
    retryAfterSeconds: Math.max(byAddress.allowed ? 0 : byAddress.retryAfterSeconds, byEmail.allowed ? 0 : byEmail.retryAfterSeconds),
  };
}
