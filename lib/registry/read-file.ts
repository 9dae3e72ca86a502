// Reading one registry data file (db/reference/nppes-layout.ts) for the import
// (./import-file.ts): only the lines that may concern a massage therapist reach the CSV parser
// (CandidateLines), each row is read as the importer needs it (./nppes-row.ts), and the rows come
// out in batches with the bad rows among them. Runs in a worker thread of its own
// (./read-worker.ts) or, where one cannot start, on the importing thread. Nothing here opens
// the database.
import fs from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import { parse } from "csv-parse";
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

/**
 * The file's rows in batches of `batchSize` kept or deactivated rows, the last batch whatever is
 * left (perhaps nothing). `readBytes`: the size of each read; the parser handles a read in one go.
 */
export async function* readBatches(path: string, batchSize: number, readBytes: number): AsyncGenerator<ReadBatch> {
  const empty = (): ReadBatch => ({ listings: [], deactivated: [], bad: [], read: 0 });
  let batch = empty();
  const lines = new CandidateLines();
  const parser = fs
    .createReadStream(path, { highWaterMark: readBytes })
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
          batch.bad.push({ line: typeof error?.lines === "number" ? error.lines : 0, reason: `not readable as CSV (${error?.code ?? "parse error"})` });
        },
      }),
    );
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const row = readRegistryRow(record);
    if (row.kind === "listing") batch.listings.push(row.listing);
    else if (row.kind === "deactivated") batch.deactivated.push({ npi: row.npi, on: row.on });
    else if (row.kind === "bad") batch.bad.push({ line: info.lines, reason: row.reason });
    if (batch.listings.length + batch.deactivated.length >= batchSize) {
      batch.read = lines.rows;
      yield batch;
      batch = empty();
    }
  }
  batch.read = lines.rows;
  yield batch;
}
