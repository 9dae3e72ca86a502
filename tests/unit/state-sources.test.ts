// Every state entry rests on sources a patient could follow: at least one primary source
// (statute, administrative code or the regulator's own page), a review date, a change log, and
// no fact that no source supports unless the entry lists it as unknown. Plus the review-age
// report, the /licensing summary counted from the data, and the look-up wording.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import data from "@/db/reference/state-licensing.json";
import {
  FACT_FIELDS,
  PRIMARY_SOURCE_KINDS,
  SOURCE_KINDS,
  factsWithoutSource,
  hasPrimarySource,
  isReviewStale,
  loadStateLicensing,
  regulationCounts,
  staleReviews,
  stateChanges,
  stateFileEntrySchema,
  stateFileSchema,
} from "@/db/reference/state-licensing";
import { stateResourceSchema } from "@/lib/licensing/state-api";
import { NO_LOOKUP_ON_FILE, missingLinkText } from "@/lib/licensing/state-facts";
import { regulationSummary } from "@/lib/licensing/state-summary";

const file = stateFileSchema.parse(data);
const byCode = new Map(file.map((s) => [s.code, s]));

describe("sources behind every state entry", () => {
  it("gives every entry a primary source (statute, code or the regulator's own page), with no exception", () => {
    expect(file.filter((s) => !hasPrimarySource(s)).map((s) => s.code)).toEqual([]);
  });

  it("records kind, year, what it says and which facts it supports for every source", () => {
    for (const s of file) {
      for (const src of s.sources) {
        expect(src.says.length, `${s.code} ${src.url}`).toBeGreaterThan(2);
        expect(src.year === null || (src.year >= 1990 && src.year <= new Date().getUTCFullYear()), `${s.code} ${src.url} year`).toBe(true);
        for (const f of src.supports) expect(FACT_FIELDS, `${s.code} ${src.url}`).toContain(f);
      }
    }
  });

  it("leaves no fact without a source: each stated fact is supported or listed as unknown", () => {
    for (const s of file) expect(factsWithoutSource(s), s.code).toEqual([]);
  });

  it("rejects an entry whose fact loses its source, and one with no primary source", () => {
    const ms = byCode.get("MS")!;
    const unsupported = { ...ms, sources: ms.sources.map((x) => ({ ...x, supports: x.supports.filter((f) => f !== "minTrainingHours") })) };
    expect(factsWithoutSource(unsupported)).toEqual(["minTrainingHours"]);
    expect(stateFileEntrySchema.safeParse(unsupported).success).toBe(false);
    // Listing the fact as unknown is the only other way out, and then its value must be null.
    expect(stateFileEntrySchema.safeParse({ ...unsupported, minTrainingHours: null, unknown: [...ms.unknown, "minTrainingHours"] }).success).toBe(true);

    const secondaryOnly = { ...ms, sources: ms.sources.map((x) => ({ ...x, kind: "association" as const })) };
    expect(hasPrimarySource(secondaryOnly)).toBe(false);
    expect(stateFileEntrySchema.safeParse(secondaryOnly).success).toBe(false);
    // A state with no statewide regulation needs one too (for Wyoming, the city's own licence page).
    const wy = byCode.get("WY")!;
    expect(stateFileEntrySchema.safeParse({ ...wy, sources: wy.sources.filter((x) => !PRIMARY_SOURCE_KINDS.includes(x.kind)) }).success).toBe(false);
  });

  it("has a review date and a change log, oldest first, on every entry", () => {
    for (const s of file) {
      expect(s.lastReviewed, s.code).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(s.changes.length, s.code).toBeGreaterThan(0);
      const dates = s.changes.map((c) => c.date);
      expect(dates, s.code).toEqual([...dates].sort());
      expect(stateChanges(s.code.toLowerCase()), s.code).toEqual(s.changes);
    }
    expect(stateChanges("ZZ")).toEqual([]);
  });

  it("publishes the same source kinds in the API as the file uses", () => {
    expect(stateResourceSchema.shape.sources.element.shape.kind.options).toEqual([...SOURCE_KINDS]);
  });

  it("keeps the change log out of what the table stores", () => {
    for (const s of loadStateLicensing()) {
      expect(s).not.toHaveProperty("changes");
    }
  });
});

describe("the figures settled from primary sources", () => {
  const primaryFor = (code: string, field: (typeof FACT_FIELDS)[number]) =>
    byCode.get(code)!.sources.filter((x) => PRIMARY_SOURCE_KINDS.includes(x.kind) && x.supports.includes(field));

  it("Mississippi 550 hours (500 + 50 clinic), West Virginia 625, Louisiana 500, Missouri 500, each from a statute or rule", () => {
    expect(byCode.get("MS")!.minTrainingHours).toBe(550);
    expect(byCode.get("WV")!.minTrainingHours).toBe(625);
    expect(byCode.get("LA")!.minTrainingHours).toBe(500);
    expect(byCode.get("MO")!.minTrainingHours).toBe(500);
    for (const code of ["MS", "WV", "LA", "MO"]) expect(primaryFor(code, "minTrainingHours").length, code).toBeGreaterThan(0);
    for (const code of ["MS", "WV", "LA", "MO"]) expect(byCode.get(code)!.changes.some((c) => /hours/.test(c.change)), code).toBe(true);
  });

  it("New York cites Education Law Article 155 and the NYSED Office of the Professions", () => {
    const ny = byCode.get("NY")!;
    expect(ny.sources.some((x) => x.kind === "statute" && /Education Law 78/.test(x.title))).toBe(true);
    expect(ny.sources.some((x) => x.kind === "board" && /nysed\.gov/.test(x.url))).toBe(true);
  });
});

describe("review age", () => {
  const today = new Date("2026-11-30T12:00:00Z");

  it("calls a review stale only when it is more than 12 months old", () => {
    expect(isReviewStale("2026-11-25", today)).toBe(false);
    expect(isReviewStale("2025-11-30", today)).toBe(false);
    expect(isReviewStale("2025-11-29", today)).toBe(true);
    expect(isReviewStale("2019-06-01", today)).toBe(true);
  });

  it("reports stale entries oldest first", () => {
    const states = [
      { code: "AA", name: "A", lastReviewed: "2025-06-01" },
      { code: "BB", name: "B", lastReviewed: "2026-11-01" },
      { code: "CC", name: "C", lastReviewed: "2024-01-01" },
    ];
    expect(staleReviews(states, today).map((s) => s.code)).toEqual(["CC", "AA"]);
    expect(staleReviews(file, today)).toEqual([]);
  });
});

describe("wording", () => {
  it("counts the /licensing summary from the data: one state only registers", () => {
    const counts = regulationCounts(file);
    expect(counts.registration).toBe(1);
    const text = regulationSummary(file);
    expect(text).toContain(`${counts.license} require a state licence`);
    expect(text).toContain("1 only registers therapists (Vermont)");
    expect(text).toContain("1 has a voluntary state-level certification (California)");
    expect(text).toContain("3 have no statewide licence (Kansas, Minnesota and Wyoming)");
    expect(text).not.toMatch(/a few/);
  });

  it("says 'no look-up address on file', never that a board publishes no look-up", () => {
    const withoutLookup = file.find((s) => s.regulation === "license" && s.lookupUrl === null)!;
    expect(missingLinkText(withoutLookup, "lookupUrl")).toBe(NO_LOOKUP_ON_FILE);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(tsx?|json)$/.test(name) && /publishes no (online )?look-?up|no online look-?up (is )?published/i.test(readFileSync(path, "utf8"))) offenders.push(path);
      }
    };
    for (const dir of ["app", "components", "lib", "db/reference"]) walk(dir);
    expect(offenders).toEqual([]);
  });
});
