// How many lines of a registry file may concern a massage therapist, estimated from samples
// (lib/registry/import-file.ts): it decides whether a first import builds the search indexes at
// the end. Exact for a small file; within 5% for a large one whose candidates are spread unevenly.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MASSAGE_THERAPIST_TAXONOMY } from "@/db/reference/nppes-layout";
import { registryHeaderLine, registryLine, taxonomySlot } from "@/db/seed/registry-rows";
import { estimateCandidateLines } from "@/lib/registry/import-file";

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
