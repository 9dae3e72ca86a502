// npm run import:registry -- FILE [--batch-size 1000]
// Imports the national provider registry's data file (NPPES "npidata_pfile_...csv", the monthly
// full file or a weekly update) into the database the app uses (DATABASE_URL, or the embedded
// PGlite folder, which must not be open in a running server). See README "Real practitioners".
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { importRegistryFile, RefusedFile, type ImportSummary } from "@/lib/registry/import-file";

const { values, positionals } = parseArgs({
  options: { "batch-size": { type: "string", default: "1000" } },
  allowPositionals: true,
  strict: true,
});
const file = positionals[0];
const batchSize = Number(values["batch-size"]);
if (!file || positionals.length > 1 || !Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) {
  console.error("Usage: npm run import:registry -- FILE [--batch-size 1..50000]");
  process.exit(2);
}

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
const n = (x: number) => x.toLocaleString("en-US");
const line = (s: ImportSummary) =>
  `read ${n(s.read)}, kept ${n(s.kept)}, created ${n(s.created)}, updated ${n(s.updated)}, unchanged ${n(s.unchanged)}, unpublished ${n(s.unpublished)}, removed on request ${n(s.removed)}, skipped ${n(s.skipped)}`;

const e = env();
let database: Awaited<ReturnType<typeof openDatabase>> | undefined;
try {
  database = await openDatabase({ url: e.DATABASE_URL, dataDir: e.PGLITE_DATA_DIR, tcpNoDelay: true });
  console.log(`Importing ${file} into ${database.driver}...`);
  const importStarted = Date.now();
  let lastReport = 0;
  const summary = await importRegistryFile(database.db, file, {
    batchSize,
    onBadRow: (bad) => console.error(`  line ${bad.line}: skipped: ${bad.reason}`),
    onBatch: (s) => {
      if (Date.now() - lastReport >= 5000) {
        lastReport = Date.now();
        console.log(`  ${seconds()} s: ${line(s)}`);
      }
    },
  });
  const rate = summary.read / Math.max((Date.now() - importStarted) / 1000, 0.001);
  console.log(`Done in ${seconds()} s (${n(Math.round(rate))} rows/s): ${line(summary)}; deactivated NPIs in the file ${n(summary.deactivated)}.`);
  if (summary.indexesRebuilt) console.log("A first large import: the therapists' search indexes were built once, at the end.");
  await database.close();
} catch (error) {
  await database?.close().catch(() => {});
  if (error instanceof RefusedFile) {
    console.error(`Refused, nothing written: ${error.message}`);
    process.exit(3);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
