import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { therapists } from "../schema";

export const METRES_PER_MILE = 1609.344;

export async function countTherapists(db: Db, filter: { demoOnly?: boolean } = {}) {
  const [row] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number), states: sql<number>`count(distinct ${therapists.state})`.mapWith(Number) })
    .from(therapists)
    .where(filter.demoOnly ? eq(therapists.isDemo, true) : undefined);
  return row ?? { total: 0, states: 0 };
}
