// npm run seed -- --count 100000 [--seed NAME] [--workers N]
// Appends N fictional demo therapists to the database the app uses (DATABASE_URL, or the
// embedded PGlite folder, which must not be open in a running server). On PostgreSQL, worker
// threads make the COPY text (default: one per core but one; --workers 0 makes it in-thread).
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { countTherapists } from "@/db/queries/therapists";
import type { DemoCopySource } from "@/db/seed/demo-copy";
import { defaultDemoCopyWorkers, startDemoCopyWorkers } from "@/db/seed/demo-copy-workers";
import { insertDemoTherapists } from "@/db/seed/insert-demo";
import { env } from "@/lib/env";

const { values } = parseArgs({
  options: { count: { type: "string", default: "2500" }, seed: { type: "string" }, workers: { type: "string" } },
  strict: true,
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1 || count > 5_000_000) {
  console.error("--count must be a whole number between 1 and 5,000,000");
  process.exit(2);
}
const workers = values.workers === undefined ? defaultDemoCopyWorkers() : Number(values.workers);
if (!Number.isInteger(workers) || workers < 0 || workers > 64) {
  console.error("--workers must be a whole number between 0 and 64");
  process.exit(2);
}

const e = env();
const started = Date.now();
try {
  const database = await openDatabase({ url: e.DATABASE_URL, dataDir: e.PGLITE_DATA_DIR, tcpNoDelay: true });
  // Worker threads pay off on PostgreSQL's COPY path for a load of more than a few chunks.
  let copySource: DemoCopySource | null = null;
  if (database.driver === "postgres" && workers > 0 && count >= 50_000) {
    copySource = await startDemoCopyWorkers(workers, (reason) => console.log(`  (worker threads unavailable, generating in this thread: ${reason})`));
  }
  console.log(
    `Seeding ${count.toLocaleString("en-US")} fictional therapists into ${database.driver}${copySource ? ` (${copySource.parallelism} worker thread${copySource.parallelism === 1 ? "" : "s"})` : ""}...`,
  );
  let lastReport = 0;
  await insertDemoTherapists(database.db, {
    count,
    seed: values.seed,
    copySource: copySource ?? undefined,
    onProgress: (n) => {
      if (n - lastReport >= 10_000 || n === count) {
        lastReport = n;
        console.log(`  ${n.toLocaleString("en-US")} written (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      }
    },
  });
  const totals = await countTherapists(database.db);
  console.log(
    `Done in ${((Date.now() - started) / 1000).toFixed(1)} s: the database now holds ${totals.total.toLocaleString("en-US")} therapists in ${totals.states} states.`,
  );
  await copySource?.close();
  await database.close();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
