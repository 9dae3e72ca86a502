// Acceptance 3 of issue 16: the four hour figures an independent table disagreed with are
// settled from primary sources, and docs/state-licensing-review.md lists every figure that
// changed. This keeps the review's "Every figure that changed" table in step with the file: each
// hours row names the value the file now holds, and its source is a primary source in the file
// that supports the hours.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import data from "@/db/reference/state-licensing.json";
import { PRIMARY_SOURCE_KINDS, stateFileSchema } from "@/db/reference/state-licensing";

const file = stateFileSchema.parse(data);
const byCode = new Map(file.map((s) => [s.code, s]));
const review = readFileSync("docs/state-licensing-review.md", "utf8");

type Row = { code: string; field: string; before: string; after: string; source: string };

/** The rows of the "Every figure that changed" table. */
function changedFigures(markdown: string): Row[] {
  const start = markdown.indexOf("\n## Every figure that changed");
  const end = markdown.indexOf("\n## ", start + 1);
  return markdown
    .slice(start, end)
    .split("\n")
    .map((line) => /^\| ([A-Z]{2}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, code, field, before, after, source]) => ({ code: code!, field: field!.trim(), before: before!.trim(), after: after!.trim(), source: source!.trim() }));
}

describe("the review's table of changed figures", () => {
  const rows = changedFigures(review);
  const hours = rows.filter((r) => r.field === "Minimum training hours");

  it("lists the four settled hour figures with their old and new values", () => {
    expect(rows.length).toBeGreaterThan(20);
    const got = Object.fromEntries(hours.map((r) => [r.code, `${r.before} -> ${r.after}`]));
    expect(got).toMatchObject({ MS: "700 -> 550", WV: "500 -> 625", LA: "null -> 500", MO: "null -> 500" });
  });

  it("names, for every hours change, the value the file holds now and a primary source in the file that supports it", () => {
    for (const r of hours) {
      const s = byCode.get(r.code)!;
      expect(String(s.minTrainingHours), r.code).toBe(r.after);
      const source = s.sources.find((x) => x.url === r.source);
      expect(source, `${r.code}: ${r.source} is not among the entry's sources`).toBeDefined();
      expect(PRIMARY_SOURCE_KINDS, r.code).toContain(source!.kind);
      expect(source!.supports, r.code).toContain("minTrainingHours");
      // What the source says gives the figure, or its parts (Mississippi: 500 hours + 50 of clinic).
      const n = Number(r.after);
      const figures = (source!.says.match(/\d+/g) ?? []).map(Number);
      expect(figures.includes(n) || figures.some((a, i) => figures.some((b, j) => i !== j && a + b === n)), `${r.code}: ${source!.says}`).toBe(true);
    }
  });
});
