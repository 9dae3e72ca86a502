// The reviewed state file: 51 entries, unique codes, every required field, valid addresses and
// dates, and facts consistent with each state's regulation. Plus the table's sorting/filtering.
import { describe, expect, it } from "vitest";
import data from "@/db/reference/state-licensing.json";
import { loadStateLicensing, stateEntrySchema, stateFileSchema } from "@/db/reference/state-licensing";
import { MANDATORY_REGULATIONS, REGULATION_LABELS, REGULATIONS } from "@/lib/licensing/vocabulary";
import {
  NOT_ESTABLISHED,
  examsText,
  hoursText,
  stateSlug,
  verificationChecklist,
} from "@/lib/licensing/state-facts";
import { filterStates, parseTableParams, sortStates, tableHref } from "@/lib/licensing/state-table";

const states = loadStateLicensing();
const byCode = new Map(states.map((s) => [s.code, s]));
const US_CODES =
  "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY".split(" ");

describe("state licensing file", () => {
  it("parses against the schema: 51 entries with unique codes", () => {
    expect(stateFileSchema.safeParse(data).success).toBe(true);
    expect(states).toHaveLength(51);
    expect(new Set(states.map((s) => s.code)).size).toBe(51);
    expect([...byCode.keys()].sort()).toEqual([...US_CODES].sort());
    expect(new Set(states.map((s) => s.name)).size).toBe(51);
  });

  it("has every required field on every entry", () => {
    for (const s of states) {
      expect(s.name.length, s.code).toBeGreaterThan(1);
      expect(s.patientNote.length, s.code).toBeGreaterThanOrEqual(40);
      expect(s.sources.length, s.code).toBeGreaterThan(0);
      expect(["high", "medium", "low"], s.code).toContain(s.confidence);
      for (const field of s.unknown) {
        expect(["minTrainingHours", "exams", "continuingEducation", "board", "lookupUrl"], `${s.code} unknown ${field}`).toContain(field);
        expect(s[field as keyof typeof s], `${s.code}.${field} is listed as unknown but has a value`).toBeNull();
      }
    }
  });

  it("has valid http(s) addresses and real, not future, review dates", () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const s of states) {
      const urls = [...s.sources.map((x) => x.url), s.board?.url, s.lookupUrl].filter((u): u is string => !!u);
      for (const u of urls) {
        const parsed = new URL(u);
        expect(["http:", "https:"], `${s.code} ${u}`).toContain(parsed.protocol);
        expect(parsed.hostname, `${s.code} ${u}`).toMatch(/\.[a-z]{2,}$/);
      }
      expect(s.lastReviewed, s.code).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Date(`${s.lastReviewed}T00:00:00Z`).toISOString().slice(0, 10), s.code).toBe(s.lastReviewed);
      expect(s.lastReviewed <= today, `${s.code} reviewed in the future`).toBe(true);
      expect(s.lastReviewed >= "2025-01-01", `${s.code} review is stale`).toBe(true);
    }
  });

  it("keeps hours and exams consistent with the regulation", () => {
    for (const s of states) {
      if (s.regulation === "none") {
        expect(s.minTrainingHours, s.code).toBeNull();
        expect(s.exams, s.code).toEqual([]);
        expect(s.credentialTitles, s.code).toEqual([]);
        expect(s.board, s.code).toBeNull();
        expect(s.lookupUrl, s.code).toBeNull();
        expect(s.localLicensing, s.code).toBeTruthy();
      }
      if (MANDATORY_REGULATIONS.includes(s.regulation)) {
        expect(s.credentialTitles.length, s.code).toBeGreaterThan(0);
        if (s.minTrainingHours === null) expect(s.unknown, s.code).toContain("minTrainingHours");
        else expect(s.minTrainingHours, s.code).toBeGreaterThanOrEqual(100);
      }
    }
    // The states the research settled on (docs/state-licensing-review.md).
    expect(states.filter((s) => s.regulation === "none").map((s) => s.code).sort()).toEqual(["KS", "MN", "WY"]);
    expect(byCode.get("VT")!.regulation).toBe("registration");
    expect(byCode.get("CA")!.regulation).toBe("voluntary_certification");
    expect(byCode.get("DC")!.regulation).toBe("license");
  });

  it("rejects an entry with no statewide licence that claims hours, and a mandatory gap not marked unknown", () => {
    const ks = byCode.get("KS")!;
    expect(stateEntrySchema.safeParse({ ...ks, minTrainingHours: 500 }).success).toBe(false);
    expect(stateEntrySchema.safeParse({ ...ks, exams: ["MBLEx"] }).success).toBe(false);
    const ny = byCode.get("NY")!;
    expect(stateEntrySchema.safeParse({ ...ny, minTrainingHours: null }).success).toBe(false);
    expect(stateEntrySchema.safeParse({ ...ny, minTrainingHours: null, unknown: [...ny.unknown, "minTrainingHours"] }).success).toBe(true);
    expect(stateEntrySchema.safeParse({ ...ny, lastReviewed: "2026-13-01" }).success).toBe(false);
    expect(stateEntrySchema.safeParse({ ...ny, sources: [{ title: "Board", url: "javascript:alert(1)" }] }).success).toBe(false);
  });
});

describe("state facts as shown", () => {
  it("has a plain-words label for every regulation (the API's enum comes from these keys)", () => {
    expect(Object.keys(REGULATION_LABELS).sort()).toEqual([...REGULATIONS].sort());
  });

  it("says a gap is a gap, and none is none", () => {
    expect(hoursText(byCode.get("FL")!)).toBe(NOT_ESTABLISHED);
    expect(hoursText(byCode.get("KS")!)).toBe("None: no statewide licence");
    expect(hoursText(byCode.get("NY")!)).toBe("1,000 hours");
    expect(examsText(byCode.get("KS")!)).toBe("None: no statewide licence");
    expect(examsText(byCode.get("TX")!)).toBe("MBLEx; Texas massage therapist examination");
  });

  it("slugs full names for the redirects", () => {
    expect(stateSlug("New York")).toBe("new-york");
    expect(stateSlug("District of Columbia")).toBe("district-of-columbia");
    expect(new Set(states.map((s) => stateSlug(s.name))).size).toBe(51);
  });

  it("checks a local licence where there is no statewide licence, and active + no discipline where there is", () => {
    const ks = verificationChecklist(byCode.get("KS")!).map((i) => i.text).join(" ");
    expect(ks).toMatch(/city or county/);
    expect(ks).toMatch(/NCBTMB/);
    expect(ks).toMatch(/AMTA or ABMP/);
    const ny = verificationChecklist(byCode.get("NY")!).map((i) => i.text).join(" ");
    expect(ny).toMatch(/active/);
    expect(ny).toMatch(/no disciplinary action/);
  });
});

describe("licensing table parameters", () => {
  it("reads sort, direction and filter, and names unrecognised values", () => {
    expect(parseTableParams({})).toEqual({ sort: "state", dir: "asc", noStatewide: false, invalid: [] });
    expect(parseTableParams({ sort: "hours", dir: "desc", filter: "no-statewide" })).toEqual({ sort: "hours", dir: "desc", noStatewide: true, invalid: [] });
    expect(parseTableParams({ sort: "bogus", dir: ["up", "x"] })).toEqual({ sort: "state", dir: "asc", noStatewide: false, invalid: ["sort", "dir"] });
    expect(tableHref({ sort: "state", dir: "asc", noStatewide: false })).toBe("/licensing");
    expect(tableHref({ sort: "hours", dir: "desc", noStatewide: true })).toBe("/licensing?sort=hours&dir=desc&filter=no-statewide");
  });

  it("sorts by hours with unknown hours last in both directions, and filters to no statewide licence", () => {
    const asc = sortStates(states, "hours", "asc");
    const desc = sortStates(states, "hours", "desc");
    for (const list of [asc, desc]) {
      const firstNull = list.findIndex((s) => s.minTrainingHours === null);
      expect(list.slice(firstNull).every((s) => s.minTrainingHours === null)).toBe(true);
    }
    expect(asc[0]!.minTrainingHours).toBe(500);
    expect(desc[0]!.minTrainingHours).toBe(1000);
    expect(sortStates(states, "regulation", "desc")[0]!.regulation).toBe("none");
    expect(sortStates(states, "state", "desc")[0]!.name).toBe("Wyoming");
    expect(filterStates(states, true).map((s) => s.code).sort()).toEqual(["KS", "MN", "WY"]);
    expect(filterStates(states, false)).toHaveLength(51);
  });
});
