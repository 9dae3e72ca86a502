// Runs once when the server starts: open the database now (migrations, reference data and,
// in the demo, the first seeding) rather than on the first visitor's request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { PHASE_PRODUCTION_BUILD } = await import("next/constants");
  // The build never opens the runtime database.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { getDatabase } = await import("./db/client");
  const { DatabaseLockedError } = await import("./db/pglite-lock");
  try {
    const started = Date.now();
    const database = await getDatabase();
    console.log(`[database] ${database.driver} ready in ${Date.now() - started} ms`);
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(`[database] ${error.message}`);
      process.exit(1);
    }
    // Anything else (say, PostgreSQL not up yet): keep serving; /api/health reports it and
    // the next request tries again.
    console.error("[database] could not open the database at start-up:", error);
  }
}
