// Reading a registry file (lib/registry/read-file.ts): each line's values exactly as csv-parse
// reads them, a damaged line reported alone; the same batches on the importing thread and in the
// worker thread; and how many lines may concern a massage therapist, estimated from
// samples, which decides whether a first import builds the search indexes at the end: exact for a
// small file, within 5% for a large one whose candidates are spread unevenly.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { MASSAGE_THERAPIST_TAXONOMY } from "@/db/reference/nppes-layout";
import { individual, registryHeaderLine, registryLine, taxonomySlot } from "@/db/seed/registry-rows";
import { estimateCandidateLines, readBatches, registryFields, type ReadBatch } from "@/lib/registry/read-file";
import { readBatchesInWorker } from "@/lib/registry/read-in-worker";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tf-estimate-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** `rows` data lines; line i is a massage therapist's when `isTherapist(i)`. Returns how many are. */
function writeFile(file: string, rows: number, isTherapist: (i: number) => boolean): number {
  let therapists = 0;
  const lines = [registryHeaderLine()];
  for (let i = 0; i < rows; i++) {
    const mine = isTherapist(i);
    if (mine) therapists++;
    const npi = `0${String(i).padStart(9, "0")}`;
    lines.push(registryLine({ NPI: npi, "Entity Type Code": "1", ...taxonomySlot(1, { code: mine ? MASSAGE_THERAPIST_TAXONOMY : "207Q00000X" }) }));
  }
  fs.writeFileSync(file, lines.join(""));
  return therapists;
}

describe("estimateCandidateLines", () => {
  it("counts a small file exactly", async () => {
    const file = path.join(tmp, "small.csv");
    const therapists = writeFile(file, 500, (i) => i % 7 === 0);
    expect(fs.statSync(file).size).toBeLessThan(4 * 1024 * 1024);
    expect(await estimateCandidateLines(file)).toBe(therapists);
  });

  it("estimates a large file from samples within 5%", async () => {
    const file = path.join(tmp, "large.csv");
    // 12,000 rows of about 1 KB: the first half 60% therapists, the second half 10%.
    const therapists = writeFile(file, 12_000, (i) => (i < 6000 ? i % 5 < 3 : i % 10 === 0));
    expect(fs.statSync(file).size).toBeGreaterThan(8 * 1024 * 1024);
    const estimate = await estimateCandidateLines(file);
    expect(Math.abs(estimate - therapists) / therapists).toBeLessThan(0.05);
  });

  it("finds none in a file without massage therapists", async () => {
    const file = path.join(tmp, "none.csv");
    writeFile(file, 6000, () => false);
    expect(await estimateCandidateLines(file)).toBe(0);
  });
});

describe("readBatches", () => {
  const MONTH1 = path.join(import.meta.dirname, "../fixtures/registry/npidata-month1.csv");
  const all = async (batches: AsyncIterable<ReadBatch>) => {
    const out: ReadBatch[] = [];
    for await (const b of batches) out.push(b);
    return out;
  };

  it("gives the same batches, bad rows and line counts in the worker thread as on this one", async () => {
    const here = await all(readBatches(MONTH1, 2, 16 * 1024));
    const worker = await readBatchesInWorker(MONTH1, 2);
    expect(worker).not.toBeNull();
    const there = await all(worker!);
    // `read`: data lines seen when the batch was full (the same in both; checked at the end).
    const rows = (batches: ReadBatch[]) => batches.map(({ read: _, ...rest }) => rest);
    expect(rows(there)).toEqual(rows(here));
    expect(there.at(-1)!.read).toBe(here.at(-1)!.read);
    // Batches of two kept or deactivated rows, the last whatever is left; the fixture's bad lines.
    expect(here.map((b) => b.listings.length + b.deactivated.length)).toEqual([2, 2, 2, 2, 0]);
    expect(here.flatMap((b) => b.bad.map((x) => x.line))).toEqual([12, 13, 14, 15, 16]);
    expect(here.at(-1)!.read).toBe(15);
  });

  it("stops the worker when the importer stops asking", async () => {
    const worker = (await readBatchesInWorker(MONTH1, 1))!;
    const first = await worker.next();
    expect(first.done).toBe(false);
    await worker.return(undefined);
    expect((await worker.next()).done).toBe(true);
  });
});

describe("registryFields", () => {
  // Values as the registry writes them (no double quote inside) and harder ones: commas, spaces
  // kept as they are, empty values, accents, a replacement character, a lone carriage return.
  const pieces = ["", " ", "A", "O'BRIEN", "SUITE 2, FLOOR 3", "  PADDED  ", "JOSÉ", "ÅSA-MARIA", ",", ",,", "\uFFFD", "A\rB", "1/2", "\\"];
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const csvLine = (values: string[], quoteOf: (v: string) => string) => values.map(quoteOf).join(",");
  const byCsvParse = (text: string) => (parseCsv(text, { relax_column_count: true }) as string[][])[0];

  it("reads a line of quoted values exactly as csv-parse does", () => {
    for (let n = 0; n < 2000; n++) {
      const values = Array.from({ length: 1 + random(40) }, () => pieces[random(pieces.length)]! + pieces[random(pieces.length)]!);
      const text = csvLine(values, (v) => `"${v}"`);
      expect(registryFields(text)).toEqual({ fields: values });
      expect(byCsvParse(text)).toEqual(values);
    }
  });

  it("reads any other readable line through csv-parse, and reports an unreadable one", () => {
    // Unquoted values, a doubled quote inside a value, a quote-only value, an empty last value.
    for (const text of ['1,"2",3', '"A ""B"" C","D"', '"""",""', '"A",', 'A', '"","'.repeat(1) + '"'])
      expect(registryFields(text)).toEqual({ fields: byCsvParse(text) });
    expect(registryFields('"A","B')).toEqual({ unreadable: "not readable as CSV (CSV_QUOTE_NOT_CLOSED)" });
    expect(registryFields('"A"B","C"')).toMatchObject({ unreadable: expect.stringMatching(/^not readable as CSV \(CSV_/) });
  });
});

describe("a damaged line", () => {
  it("is reported on its own line, and the lines after it are read", async () => {
    const therapist = (n: number) =>
      registryLine({
        ...individual({ npi: `00000009${String(n).padStart(2, "0")}`, last: "ROW", first: `NUMBER${n}`, street: "1 MAIN ST", city: "NEW YORK", state: "NY", zip: "10001", phone: "5550100000", updated: "01/02/2025" }),
        ...taxonomySlot(1, { code: MASSAGE_THERAPIST_TAXONOMY }),
      });
    // Line 3 is cut inside its street (a value left open across the line break).
    const line2 = therapist(2);
    const damaged = line2.slice(0, line2.indexOf('"1 MAIN') + 3) + "\n";
    const file = path.join(tmp, "damaged.csv");
    fs.writeFileSync(file, [registryHeaderLine(), therapist(1), damaged, therapist(3), therapist(4)].join(""));
    const batches: ReadBatch[] = [];
    for await (const b of readBatches(file, 100, 1024)) batches.push(b);
    expect(batches.flatMap((b) => b.bad)).toEqual([{ line: 3, reason: "not readable as CSV (CSV_QUOTE_NOT_CLOSED)" }]);
    expect(batches.flatMap((b) => b.listings.map((l) => l.npi))).toEqual(["0000000901", "0000000903", "0000000904"]);
    expect(batches.at(-1)!.read).toBe(4);
  });
});
