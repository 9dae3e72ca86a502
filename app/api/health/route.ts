// GET /api/health: which database driver is in use and whether it answered (200), or why not (503).
// Both answers are the same health document, so a monitor reads one shape; it is a status
// report rather than an error body, and anything unexpected still goes through withApiErrors.
import { getDatabase } from "@/db/client";
import { pingDatabase } from "@/db/queries/health";
import { DatabaseLockedError } from "@/db/pglite-lock";
import { withApiErrors } from "@/lib/api/errors";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 5000;

class Timeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Timeout(what)), ms).unref()),
  ]);
}

export const GET = withApiErrors("GET /api/health", async () => {
  const driver = env().DATABASE_URL ? "postgres" : "pglite";
  const headers = { "cache-control": "no-store" };
  try {
    const started = performance.now();
    const database = await withTimeout(getDatabase(), TIMEOUT_MS, "the database is still opening (migrations run at start-up)");
    await withTimeout(pingDatabase(database.db), TIMEOUT_MS, `the database did not answer within ${TIMEOUT_MS} ms`);
    return Response.json(
      { status: "ok", driver: database.driver, database: "answered", latencyMs: Math.round(performance.now() - started) },
      { headers },
    );
  } catch (error) {
    console.error("[health] database did not answer:", error);
    const reason =
      error instanceof DatabaseLockedError
        ? "the embedded database is in use by another process"
        : error instanceof Timeout
          ? error.message
          : "the database could not be reached";
    return Response.json({ status: "unavailable", driver, database: "did not answer", reason }, { status: 503, headers });
  }
});
