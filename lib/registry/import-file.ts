// Imports one registry data file (the monthly full file or a weekly update: one layout,
// db/reference/nppes-layout.ts) as a stream: the file is checked first (its header and its last
// line), nothing is written if either is wrong; then rows are read one by one with csv-parse,
// bad rows are reported with their line and skipped, and kept rows are written in batches
// (db/queries/registry.ts), one transaction each, so a run killed half-way leaves every
// listing whole and running it again completes it.
import fs from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import { parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { postgresClient, withSearchIndexesRebuilt } from "@/db/bulk-insert";
import type { Db } from "@/db/client";
import { MASSAGE_THERAPIST_TAXONOMY, nppesHeader, PREVIOUS_NAMES } from "@/db/reference/nppes-layout";
import { countListings, writeRegistryBatch, type BatchCounts } from "@/db/queries/registry";
import { readRegistryRow, type RegistryListing } from "./nppes-row";

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
};

export type BadRow = { line: number; reason: string };

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
   * withSearchIndexesRebuilt): updating 27 indexes row by row was most of the database's work.
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

const TAXONOMY_BYTES = Buffer.from(MASSAGE_THERAPIST_TAXONOMY);
const QUOTE = 0x22;
const NEWLINE = Buffer.from("\n");
const CRLF = Buffer.from("\r\n");

/**
 * Passes on to the CSV parser only the lines that may concern a massage therapist, and a blank
 * line for each other one, so the parser's line numbers stay the file's. csv-parse reads a
 * 330-column row at about 9,000 rows a second on this machine; the registry's file holds some
 * 8 million rows, of which a few in a hundred are massage therapists. A line is passed on when
 * it holds the taxonomy code 225700000X anywhere, when its second value (the entity type) is
 * empty (a deactivated NPI: the registry's file keeps only the number and the deactivation),
 * and whenever it does not end with the closing quote of a last value (a value spanning lines,
 * or a damaged row: the parser reads and reports it). Everything else (organisations, other
 * taxonomies) is never parsed, so a problem inside such a row is not reported: it could not
 * become a listing. The registry writes no double quote inside a value (its readme, 1.1).
 */
export class CandidateLines extends Transform {
  private rest: Buffer = Buffer.alloc(0);
  private first = true;
  /** Data lines seen so far (the header not counted), passed on or not. */
  rows = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    const data = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk;
    const out: Buffer[] = [];
    let start = 0;
    for (let end = data.indexOf(0x0a, start); end >= 0; start = end + 1, end = data.indexOf(0x0a, start)) {
      const line = data.subarray(start, end + 1);
      // A blank line in the file's own line ending (the parser takes the first one it meets).
      out.push(this.keep(line) ? line : end > start && data[end - 1] === 0x0d ? CRLF : NEWLINE);
    }
    this.rest = Buffer.from(data.subarray(start));
    done(null, out.length ? Buffer.concat(out) : undefined);
  }

  override _flush(done: TransformCallback) {
    done(null, this.rest.length ? this.rest : undefined);
  }

  private keep(line: Buffer): boolean {
    if (this.first) {
      this.first = false;
      return true;
    }
    this.rows++;
    return isCandidateLine(line);
  }
}

/** One data line (with its line break) that may concern a massage therapist: see CandidateLines. */
export function isCandidateLine(line: Buffer): boolean {
  let last = line.length - 2;
  if (line[last] === 0x0d) last--;
  if (last < 0) return false;
  if (line[last] !== QUOTE) return true;
  if (line.indexOf(TAXONOMY_BYTES) >= 0) return true;
  // "NNNNNNNNNN","" : the NPI, then an empty entity type.
  const comma = line.indexOf(0x2c);
  return comma > 0 && line[comma + 1] === QUOTE && line[comma + 2] === QUOTE && line[comma + 3] === 0x2c;
}

const SAMPLES = 64;
const SAMPLE_BYTES = 64 * 1024;

/**
 * About how many lines of the file may concern a massage therapist (isCandidateLine), from 64
 * samples of 64 KB spread evenly over it: 4 MB read, whatever the file's size (the registry's
 * full file is about 9 GB). A file of 4 MB or less is read whole, and counted exactly.
 */
export async function estimateCandidateLines(path: string): Promise<number> {
  const handle = await fs.promises.open(path, "r");
  try {
    const { size } = await handle.stat();
    if (size <= SAMPLES * SAMPLE_BYTES) return candidatesIn(await handle.readFile()).candidates;
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    let candidates = 0;
    let bytes = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const offset = Math.floor((i * (size - SAMPLE_BYTES)) / (SAMPLES - 1));
      const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, offset);
      const counted = candidatesIn(buffer.subarray(0, bytesRead));
      candidates += counted.candidates;
      bytes += counted.bytes;
    }
    return bytes ? Math.round((candidates / bytes) * size) : 0;
  } finally {
    await handle.close();
  }
}

/** The whole lines of `data` after its first (the header, or the end of a line cut by the read). */
function candidatesIn(data: Buffer): { candidates: number; bytes: number } {
  let candidates = 0;
  let start = data.indexOf(0x0a) + 1;
  const first = start;
  if (start === 0) return { candidates: 0, bytes: 0 };
  for (let end = data.indexOf(0x0a, start); end >= 0; start = end + 1, end = data.indexOf(0x0a, start))
    if (isCandidateLine(data.subarray(start, end + 1))) candidates++;
  return { candidates, bytes: start - first };
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
  };
  let listings: RegistryListing[] = [];
  let deactivated: { npi: string; on: string }[] = [];

  const lines = new CandidateLines();
  // One batch is written while the next is read: at most one in flight, written in file order.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    summary.read = lines.rows;
    if (!listings.length && !deactivated.length) return;
    const batch = { listings, deactivated };
    listings = [];
    deactivated = [];
    await writing;
    writing = writeRegistryBatch(db, batch).then(async (counts) => {
      for (const key of Object.keys(counts) as (keyof BatchCounts)[]) summary[key] += counts[key];
      await options.onBatch?.({ ...summary });
    });
    // A failed write stops the run at the next batch (or the end); never unhandled meanwhile.
    writing.catch(() => {});
  };
  const bad = (line: number, reason: string) => {
    summary.skipped++;
    options.onBadRow?.({ line, reason });
  };

  // Small reads: the parser handles each read in one go on this thread, and the batch being
  // written waits for it at each of its round trips to the database. With 1 MB reads (about
  // 90 ms of parsing each when most lines are kept) a 300,000-row file with 210,130 listings took
  // 86.9 s; with 16 KB, 66.5 s (docs/benchmarks.md). Files where few lines are kept read as fast.
  const parser = fs
    .createReadStream(path, { highWaterMark: 16 * 1024 })
    .pipe(lines)
    .pipe(
    parse({
      from_line: 2,
      info: true,
      // Lines that cannot concern us arrive blank (CandidateLines), keeping every line number.
      skip_empty_lines: true,
      // Column counts are checked per row (a bad row is reported, not fatal); a row the parser
      // cannot read at all (a stray quote) is skipped and reported through on_skip.
      relax_column_count: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        bad(typeof error?.lines === "number" ? error.lines : 0, `not readable as CSV (${error?.code ?? "parse error"})`);
      },
    }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const row = readRegistryRow(record);
    switch (row.kind) {
      case "listing":
        summary.kept++;
        listings.push(row.listing);
        break;
      case "deactivated":
        summary.deactivated++;
        deactivated.push({ npi: row.npi, on: row.on });
        break;
      case "bad":
        bad(info.lines, row.reason);
        break;
    }
    if (listings.length + deactivated.length >= batchSize) await flush();
  }
  await flush();
  await writing;
  summary.read = lines.rows;
  return summary;
}
