// Acceptance 2 of issue 16: every jurisdiction that licenses, registers or certifies either has
// a look-up address (with the page it was seen on among its sources) or the review notes say,
// for that state, why none is on file. The convention is in docs/state-licensing-review.md
// ("Look-up note convention"): each state's bullet under "Per-state notes" holds exactly one
// `**Look-up address: <address>** (seen: <page>)` or `**Look-up address: none on file** - <why>`.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import data from "@/db/reference/state-licensing.json";
import { stateFileSchema, type StateFileEntry } from "@/db/reference/state-licensing";

const file = stateFileSchema.parse(data);
const review = readFileSync("docs/state-licensing-review.md", "utf8");

/** Every regulation but "none": licence, registration, certification and voluntary certification. */
const certifies = (s: Pick<StateFileEntry, "regulation">) => s.regulation !== "none";

/** The per-state bullets of the review notes, by state code (a code seen twice maps to all its bullets). */
function perStateNotes(markdown: string): Map<string, string[]> {
  const start = markdown.indexOf("\n## Per-state notes");
  if (start < 0) return new Map();
  const next = markdown.indexOf("\n## ", start + 1);
  const section = markdown.slice(start, next < 0 ? undefined : next);
  const notes = new Map<string, string[]>();
  for (const line of section.split("\n")) {
    const m = /^- \*\*([A-Z]{2})\*\* /.exec(line);
    if (m) notes.set(m[1]!, [...(notes.get(m[1]!) ?? []), line]);
  }
  return notes;
}

const NONE = "none on file";
const MARKER = /\*\*Look-up address: ([^*]+)\*\*/g;

/** What is wrong with one state's look-up note; [] when it follows the convention. */
function lookupNoteProblems(s: StateFileEntry, bullets: readonly string[] | undefined): string[] {
  if (!certifies(s)) return [];
  if (!bullets?.length) return ["no per-state note"];
  if (bullets.length > 1) return ["more than one per-state note"];
  const note = bullets[0]!;
  const markers = [...note.matchAll(MARKER)];
  if (markers.length !== 1) return [`${markers.length} "Look-up address:" markers, expected exactly 1`];
  const [marker] = markers;
  const stated = marker![1]!.trim();
  const after = note.slice(marker!.index! + marker![0].length);
  if (s.lookupUrl === null) {
    if (stated !== NONE) return [`the note gives ${stated} but the file has no look-up address`];
    // The reason is the sentence right after the marker: at least a few words, not an empty one.
    return /^ - [^.]{20,}\./.test(after) ? [] : ["no reason given after 'none on file'"];
  }
  if (stated !== s.lookupUrl) return [`the note gives "${stated}" but the file has ${s.lookupUrl}`];
  const seen = /^ \(seen: (\S+?)\)(\.|\s|$)/.exec(after)?.[1];
  if (!seen) return ["the look-up address does not say where it was seen"];
  const source = s.sources.find((x) => x.url === seen);
  if (!source) return [`the page it was seen on (${seen}) is not among the entry's sources`];
  return source.supports.includes("lookupUrl") ? [] : [`the source ${seen} does not support lookupUrl`];
}

describe("a look-up address, or the reason there is none, for every certifying jurisdiction", () => {
  const notes = perStateNotes(review);

  it("covers licence, registration and certification states, the voluntary one included", () => {
    expect(file.filter(certifies).length).toBe(48);
    expect(file.filter(certifies).map((s) => s.regulation)).toContain("registration");
    expect(file.filter(certifies).map((s) => s.regulation)).toContain("voluntary_certification");
  });

  it("has, for each such state, its look-up address with the page it was seen on, or a per-state reason", () => {
    const problems = file.flatMap((s) => lookupNoteProblems(s, notes.get(s.code)).map((p) => `${s.code}: ${p}`));
    expect(problems).toEqual([]);
    // Both halves of the convention are in use, so the check is not vacuous either way.
    expect(file.filter((s) => certifies(s) && s.lookupUrl).length).toBeGreaterThan(0);
    expect(file.filter((s) => certifies(s) && !s.lookupUrl).length).toBeGreaterThan(0);
  });

  it("names only real states in the per-state notes", () => {
    const codes = new Set(file.map((s) => s.code));
    expect([...notes.keys()].filter((c) => !codes.has(c))).toEqual([]);
  });

  it("fails a state whose note is missing, gives no reason, or disagrees with the file", () => {
    // New York without a look-up address (the file has one since 2026-12-01; the checks below are about a null one).
    const ny = { ...file.find((s) => s.code === "NY")!, lookupUrl: null };
    const nj = file.find((s) => s.code === "NJ")!;
    expect(lookupNoteProblems(ny, undefined)).toEqual(["no per-state note"]);
    expect(lookupNoteProblems(ny, ["- **NY** 1,000 h. Sources: 5 primary."])).toEqual(['0 "Look-up address:" markers, expected exactly 1']);
    expect(lookupNoteProblems(ny, ["- **NY** x. **Look-up address: none on file** - none."])).toEqual(["no reason given after 'none on file'"]);
    expect(lookupNoteProblems(ny, ["- **NY** x. **Look-up address: https://example.org/** (seen: https://example.org/a)."])).toHaveLength(1);
    // A look-up address must name a page among the entry's sources that supports it.
    const njNote = notes.get("NJ")!;
    expect(lookupNoteProblems(nj, njNote)).toEqual([]);
    expect(lookupNoteProblems(nj, njNote.map((l) => l.replace("(seen: https://www.firecrawl.dev/", "(seen: https://elsewhere.example/")))).toHaveLength(1);
    expect(lookupNoteProblems({ ...nj, lookupUrl: null }, njNote)).toHaveLength(1);
    // A state with no statewide regulation needs no look-up note.
    expect(lookupNoteProblems(file.find((s) => s.code === "KS")!, undefined)).toEqual([]);
  });
});
