// Imports one registry data file (the monthly full file or a weekly update: one layout,
// db/reference/nppes-layout.ts) as a stream: the file is checked first (its header and its last
// line), nothing is written if either is wrong; then rows are read one by one with csv-parse,
// bad rows are reported with their line and skipped, and kept rows are written in batches
// (db/queries/registry.ts), one transaction each, so a run killed half-way leaves every
// listing whole and running it again completes it.
import fs from "node:fs";
import { parse as parseSync } from "csv-parse/sync";
import { postgresClient, withSearchIndexesRebuilt } from "@/db/bulk-insert";
import type { Db } from "@/db/client";
import { nppesHeader, PREVIOUS_NAMES } from "@/db/reference/nppes-layout";
import { countListings, writeRegistryBatch, type BatchCounts } from "@/db/queries/registry";
import { estimateCandidateLines, readBatches, type BadRow } from "./read-file";
import { readBatchesInWorker } from "./read-in-worker";

export type { BadRow } from "./read-file";

export type ImportSummary = BatchCounts & {
  /** Data rows read (the header not counted). */
  read: number;
  /** Individual massage therapists found (written, unchanged or left out). */
  kept: number;
  /** Deactivated NPIs in the file (listed or not). */
  deactivated: number;
  skipped: number;
  /** The therapists' search indexes were built once at the end (a first, large import). */
  indexesRebuilt: boolean;
  /** The file was read in a worker thread (false: on the importing thread, where none started). */
  readInWorker: boolean;
};

export type ImportOptions = {
  /** Kept or deactivated rows per transaction. */
  batchSize?: number;
  onBadRow?: (bad: BadRow) => void;
  /** After each committed batch, with the running totals (the CLI prints progress here). */
  onBatch?: (summary: ImportSummary) => void | Promise<void>;
  /**
   * PostgreSQL: the first import into a directory, when it brings about this many listings or
   * more and at least as many as the directory holds, drops the therapists' search indexes and
   * builds them once at the end, as the demo seed does (db/bulk-insert.ts,
   * withSearchIndexesRebuilt): updating 28 indexes row by row was most of the database's work.
   * 50,000 unless given; later imports never do (the site keeps its indexes while it serves).
   */
  rebuildIndexesFrom?: number;
};

export class RefusedFile extends Error {}

const TAIL_BYTES = 256 * 1024;

/**
 * Refuses a file that is not the registry's (another header) or that ends part-way through a
 * row (a cut download or disk): the last line must end with a line break and hold the layout's
 * full number of columns. Reading the first and last few kilobytes costs nothing on a 9 GB file,
 * where a first pass over the whole file would double the run and find no more: a file cut
 * exactly at a row boundary is whole rows, like a shorter file, and no check inside the file can
 * tell (it has no trailer or row count).
 */
export async function checkRegistryFile(path: string): Promise<void> {
  const expected = nppesHeader();
  const handle = await fs.promises.open(path, "r").catch(() => {
    throw new RefusedFile(`cannot open ${path}`);
  });
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new RefusedFile("the file is empty");
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    await handle.read(head, 0, head.length, 0);
    const firstBreak = head.indexOf(0x0a);
    if (firstBreak < 0) throw new RefusedFile("the first line (the header) does not end within 64 KB: not the registry's data file");
    const headerFields = parseLine(head.subarray(0, firstBreak).toString("utf8").replace(/^\uFEFF/, ""));
    const problem = headerProblem(headerFields, expected);
    if (problem) throw new RefusedFile(`not the registry's data file: ${problem}`);

    const tail = Buffer.alloc(Math.min(size, TAIL_BYTES));
    await handle.read(tail, 0, tail.length, size - tail.length);
    if (tail[tail.length - 1] !== 0x0a) throw new RefusedFile("the file is truncated: its last line does not end with a line break");
    const body = tail.subarray(0, tail.length - 1);
    const lastBreak = body.lastIndexOf(0x0a);
    if (lastBreak < 0 && tail.length === TAIL_BYTES) throw new RefusedFile("the file is truncated: its last line is longer than any row");
    const lastLine = body.subarray(lastBreak + 1).toString("utf8").replace(/\r$/, "");
    const fields = parseLine(lastLine);
    if (fields?.length !== expected.length)
      throw new RefusedFile(`the file is truncated: its last line has ${fields?.length ?? "unreadable"} columns where the layout has ${expected.length}`);
  } finally {
    await handle.close();
  }
}

function parseLine(line: string): string[] | null {
  try {
    return (parseSync(line, { relax_column_count: true }) as string[][])[0] ?? null;
  } catch {
    return null;
  }
}

function headerProblem(found: string[] | null, expected: readonly string[]): string | null {
  if (!found) return "its first line is not CSV";
  if (found.length !== expected.length) return `its header has ${found.length} columns where the registry's has ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    const name = expected[i]!;
    if (found[i] !== name && !PREVIOUS_NAMES[name]?.includes(found[i]!)) return `column ${i + 1} is "${found[i]!.slice(0, 80)}" where the registry's is "${name}"`;
  }
  return null;
}

/** Checks the file, then imports it. Throws RefusedFile (nothing written) for a wrong or cut file. */
export async function importRegistryFile(db: Db, path: string, options: ImportOptions = {}): Promise<ImportSummary> {
  await checkRegistryFile(path);
  const pg = postgresClient(db);
  if (pg) {
    const rebuildFrom = options.rebuildIndexesFrom ?? 50_000;
    const { listings, registry } = await countListings(db);
    // The file's candidate lines, estimated from samples, stand for the listings it brings.
    if (registry === 0 && (await estimateCandidateLines(path)) >= Math.max(rebuildFrom, listings))
      return withSearchIndexesRebuilt(pg, () => importRows(db, path, options, true));
  }
  return importRows(db, path, options, false);
}


async function importRows(db: Db, path: string, options: ImportOptions, indexesRebuilt: boolean): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 1000;
  const summary: ImportSummary = {
    read: 0,
    kept: 0,
    deactivated: 0,
    skipped: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    unpublished: 0,
    removed: 0,
    indexesRebuilt,
    readInWorker: false,
  };
  // The file is read in a worker thread while batches are written here, so reading and writing
  // overlap (docs/benchmarks.md, "National scale, sixth pass"); on this thread where a worker
  // cannot start. On PostgreSQL two batches are written at once, on two connections, so that
  // building one batch's rows here overlaps with the database writing the other's ("seventh
  // pass"); a batch that names an NPI of the batch still being written waits for it, so each
  // NPI's rows are written in file order. They may commit out of order otherwise: a re-run after
  // a stop writes the same listings (the import is idempotent). PGlite has one connection.
  const inWorker = await readBatchesInWorker(path, batchSize);
  summary.readInWorker = inWorker !== null;
  const batches = inWorker ?? readBatches(path, batchSize, 16 * 1024);
  const most = postgresClient(db) ? 2 : 1;
  const writing: { npis: Set<string>; done: Promise<void> }[] = [];
  try {
    for await (const batch of batches) {
      for (const bad of batch.bad) {
        summary.skipped++;
        options.onBadRow?.(bad);
      }
      summary.kept += batch.listings.length;
      summary.deactivated += batch.deactivated.length;
      summary.read = batch.read;
      if (!batch.listings.length && !batch.deactivated.length) continue;
      const npis = new Set([...batch.listings.map((l) => l.npi), ...batch.deactivated.map((d) => d.npi)]);
      // Oldest first: a failed write stops the run here.
      while (writing.length >= most || writing.some((w) => [...npis].some((npi) => w.npis.has(npi)))) await writing.shift()!.done;
      const done = writeRegistryBatch(db, batch).then(async (counts) => {
        for (const key of Object.keys(counts) as (keyof BatchCounts)[]) summary[key] += counts[key];
        await options.onBatch?.({ ...summary });
      });
      // Awaited in turn above or below; never unhandled meanwhile.
      done.catch(() => {});
      writing.push({ npis, done });
    }
    while (writing.length) await writing.shift()!.done;
  } finally {
    // After an error, the batches in flight still finish: nothing writes once we return.
    await Promise.all(writing.map((w) => w.done.catch(() => {})));
  }
  return summary;
}
