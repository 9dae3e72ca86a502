import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "../client";

/** Resolves when the database answers a trivial query. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** Refreshes the planner's statistics after a bulk load (the benchmark runs it before timing). */
export async function analyzeDatabase(db: Db): Promise<void> {
  await db.execute(sql`analyze`);
}
