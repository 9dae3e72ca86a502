import "server-only";
// When the retry path runs inside the app: after a message is sent and after a profile is
// shown, at most once every few minutes per server process (no timer, no extra process). A
// deployment without traffic can also run `npm run contact:deliver` from cron (PostgreSQL; the
// embedded database is held by the running server).
import type { Db } from "@/db/client";
import { deliverDueContactMessages } from "./deliver";

const EVERY_MS = 5 * 60 * 1000;
const key = Symbol.for("therapist-finder.contact-delivery-pass");
type G = typeof globalThis & { [key]?: number };

/**
 * `db` comes from the caller's request: inside Next.js's after(), opening the database (which
 * calls connection()) is refused, so the handle must be taken while the request is live.
 */
export async function maybeRunDeliveryPass(db: Db, now: Date = new Date()): Promise<void> {
  const g = globalThis as G;
  if (g[key] && now.getTime() - g[key] < EVERY_MS) return;
  g[key] = now.getTime();
  try {
    await deliverDueContactMessages(db, { now });
  } catch (error) {
    console.error("[contact] delivery pass failed:", error);
  }
}
