// Open the database when the server starts (migrations, reference data and, in the demo, the
// first seeding) rather than on the first visitor's request.
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { getDatabase } from "./db/client";
import { DatabaseLockedError } from "./db/pglite-lock";

export async function openDatabaseAtStart() {
  // The build never opens the runtime database.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  try {
    const started = Date.now();
    const database = await getDatabase();
    console.log(`[database] ${database.driver} ready in ${Date.now() - started} ms`);
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      // A second server on the same embedded folder must not start at all.
      console.error(`[database] ${error.message}`);
      process.exit(1);
    }
    // Anything else (say, PostgreSQL not up yet): keep serving; /api/health reports it and
    // the next request tries again.
    console.error("[database] could not open the database at start-up:", error);
  }
}
