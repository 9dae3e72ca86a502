// Reading one registry data file (db/reference/nppes-layout.ts) for the import
// (./import-file.ts): only the lines that may concern a massage therapist are read (below), each
// row is read as the importer needs it (./nppes-row.ts), and the rows come
// out in batches with the bad rows among them. Runs in a worker thread of its own
// (./read-worker.ts) or, where one cannot start, on the importing thread. Nothing here opens
// the database.
import fs from "node:fs";
import { parse as parseSync } from "csv-parse/sync";
import { MASSAGE_THERAPIST_TAXONOMY } from "@/db/reference/nppes-layout";
import { readRegistryRow, type RegistryListing } from "./nppes-row";

export type BadRow = { line: number; reason: string };

/** Rows read from the file, in its order: up to the batch size of kept and deactivated ones. */
export type ReadBatch = {
  listings: RegistryListing[];
  deactivated: { npi: string; on: string }[];
  /** Bad rows met while reading this batch (each skipped). */
  bad: BadRow[];
  /** Data lines seen so far (the header not counted). */
  read: number;
};

const TAXONOMY_BYTES = Buffer.from(MASSAGE_THERAPIST_TAXONOMY);
const QUOTE = 0x22;

// Which lines are read. csv-parse reads a 330-column row at about 20,000 rows a second on this
// machine; the registry's file holds some 8 million rows, of which a few in a hundred are
// massage therapists. So a line is read only when it may concern one (isCandidateLine); the
// others (organisations, other taxonomies) are never parsed, and a problem inside such a row is
// not reported: it could not become a listing.
//
// How a line is read. The registry writes one row per line, every value in double quotes, and
// no double quote inside a value (its readme, db/reference/nppes-layout.ts): such a line is its
// values joined by `","` between an opening and a closing quote, and is split there
// (registryFields), which takes a tenth of csv-parse's time. Any other line (a value that is
// not quoted, a stray quote, a row cut or spanning lines) goes to csv-parse whole, on its own,
// and is read or reported by it; so a damaged line never takes the lines after it with it.

/** One data line (without its line break) as its values, or why it cannot be read. */
export function registryFields(text: string): { fields: string[] } | { unreadable: string } {
  if (text.length >= 2 && text.charCodeAt(0) === QUOTE && text.charCodeAt(text.length - 1) === QUOTE) {
    const fields = text.slice(1, -1).split('","');
    // No quote left inside any value: the line was exactly `"v1","v2",...,"vn"`.
    if (!fields.some((f) => f.includes('"'))) return { fields };
  }
  try {
    const records = parseSync(text, { relax_column_count: true }) as string[][];
    if (records.length !== 1) return { unreadable: `not readable as CSV (${records.length} rows on one line)` };
    return { fields: records[0]! };
  } catch (error) {
    return { unreadable: `not readable as CSV (${(error as { code?: string }).code ?? "parse error"})` };
  }
}

/**
 * One data line (with its line break) that may concern a massage therapist: it holds the taxonomy
 * code 225700000X anywhere; or its second value (the entity type) is empty (a deactivated NPI:
 * the registry's file keeps only the number and the deactivation); or it does not end with the
 * closing quote of a last value (a damaged row, read and reported).
 */
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

/**
 * The file's rows in batches of `batchSize` kept or deactivated rows, the last batch whatever is
 * left (perhaps nothing). `readBytes`: the size of each read from the file.
 */
export async function* readBatches(path: string, batchSize: number, readBytes: number): AsyncGenerator<ReadBatch> {
  const empty = (): ReadBatch => ({ listings: [], deactivated: [], bad: [], read: 0 });
  let batch = empty();
  /** Data lines seen (the header not counted): the file's line number is one more. */
  let rows = -1;
  const take = (line: Buffer) => {
    rows++;
    if (rows === 0 || !isCandidateLine(line)) return;
    const ending = line[line.length - 2] === 0x0d ? 2 : 1;
    const read = registryFields(line.toString("utf8", 0, line.length - ending));
    if ("unreadable" in read) return void batch.bad.push({ line: rows + 1, reason: read.unreadable });
    const row = readRegistryRow(read.fields);
    if (row.kind === "listing") batch.listings.push(row.listing);
    else if (row.kind === "deactivated") batch.deactivated.push({ npi: row.npi, on: row.on });
    else if (row.kind === "bad") batch.bad.push({ line: rows + 1, reason: row.reason });
  };
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(path, { highWaterMark: readBytes }) as AsyncIterable<Buffer>) {
    const data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(0x0a); end >= 0; start = end + 1, end = data.indexOf(0x0a, start)) {
      take(data.subarray(start, end + 1));
      if (batch.listings.length + batch.deactivated.length >= batchSize) {
        batch.read = rows;
        yield batch;
        batch = empty();
      }
    }
    rest = Buffer.from(data.subarray(start));
  }
  // A last line without a line break (the import refuses such a file before reading it).
  if (rest.length) take(Buffer.concat([rest, Buffer.from("\n")]));
  batch.read = Math.max(rows, 0);
  yield batch;
}
