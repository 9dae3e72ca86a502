// The reviewed state licensing rules (state-licensing.json), validated on load. The JSON is
// the source of truth; the `state_licensing` table is refreshed from it at every start-up.
// Every fact names the source(s) it rests on (a source's `supports`), or is listed in
// `unknown`; each entry also carries a short change log (`changes`), which stays in the file
// (the table keeps the entry's facts and sources only).
import { z } from "zod";
import { isStateCode, MANDATORY_REGULATIONS, REGULATIONS, US_STATES, type Regulation } from "@/lib/licensing/vocabulary";
import type { stateLicensing } from "../schema";
import data from "./state-licensing.json";

const url = z.url({ protocol: /^https?$/ });
const isoDate = z.iso.date();

/** What a source is. Statute, administrative code and the regulator's own pages are primary. */
export const SOURCE_KINDS = ["statute", "code", "board", "association", "fsmtb", "other"] as const;
export const PRIMARY_SOURCE_KINDS: readonly SourceKind[] = ["statute", "code", "board"];
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The facts of an entry that need a source (or a place in `unknown`). */
export const FACT_FIELDS = [
  "regulation",
  "credentialTitles",
  "board",
  "lookupUrl",
  "minTrainingHours",
  "exams",
  "continuingEducation",
  "localLicensing",
] as const;
export type FactField = (typeof FACT_FIELDS)[number];

export const stateSourceSchema = z
  .object({
    title: z.string().min(3),
    url,
    kind: z.enum(SOURCE_KINDS),
    /** The year the source speaks for (its date, or the rule's effective year); null when it shows none. */
    year: z.number().int().min(1990).max(2100).nullable(),
    /** What the source says, in a line. */
    says: z.string().min(3),
    /** Which facts of the entry this source supports. */
    supports: z.array(z.enum(FACT_FIELDS)),
  })
  .strict();
export type StateSource = z.infer<typeof stateSourceSchema>;

export const stateChangeSchema = z
  .object({
    date: isoDate,
    /** What changed, in plain words a patient can read. */
    change: z.string().min(10),
    /** The source of the change, where one applies. */
    sourceUrl: url.nullable(),
  })
  .strict();
export type StateChange = z.infer<typeof stateChangeSchema>;

const entryShape = {
  code: z.string().regex(/^[A-Z]{2}$/),
  name: z.string().min(2),
  regulation: z.enum(REGULATIONS),
  credentialTitles: z.array(z.string().min(2)),
  board: z.object({ name: z.string().min(3), url }).nullable(),
  lookupUrl: url.nullable(),
  minTrainingHours: z.number().int().min(100).max(1500).nullable(),
  exams: z.array(z.string().min(2)).nullable(),
  continuingEducation: z.string().min(3).nullable(),
  localLicensing: z.string().min(10).nullable(),
  patientNote: z.string().min(40),
  unknown: z.array(z.string()),
  confidence: z.enum(["high", "medium", "low"]),
  sources: z.array(stateSourceSchema).min(1),
  lastReviewed: isoDate,
};

type EntryFacts = { [K in keyof typeof entryShape]: z.infer<(typeof entryShape)[K]> };

/** The facts an entry states (a value, or "none required" for a regulated state's empty exam list). */
export function statedFacts(s: EntryFacts): FactField[] {
  const stated: FactField[] = ["regulation"];
  if (s.credentialTitles.length) stated.push("credentialTitles");
  for (const f of ["board", "lookupUrl", "minTrainingHours", "continuingEducation", "localLicensing"] as const) {
    if (s[f] !== null) stated.push(f);
  }
  if (s.exams !== null && (s.exams.length || s.regulation !== "none")) stated.push("exams");
  return stated;
}

/** Facts the entry states that no source supports and `unknown` does not cover. */
export function factsWithoutSource(s: EntryFacts): FactField[] {
  const supported = new Set(s.sources.flatMap((x) => x.supports));
  return statedFacts(s).filter((f) => !supported.has(f) && !s.unknown.includes(f));
}

export const hasPrimarySource = (s: { sources: readonly { kind: SourceKind }[] }) =>
  s.sources.some((x) => PRIMARY_SOURCE_KINDS.includes(x.kind));

function checkEntry(s: EntryFacts, ctx: z.RefinementCtx) {
  const issue = (message: string) => ctx.addIssue({ code: "custom", message: `${s.code}: ${message}` });
  if (!isStateCode(s.code)) issue("not a state code");
  else if (US_STATES[s.code] !== s.name) issue(`the name must be "${US_STATES[s.code]}"`);
  if (s.regulation === "none") {
    if (s.credentialTitles.length) issue("no statewide regulation, yet credential titles");
    if (s.minTrainingHours !== null) issue("no statewide regulation, yet minimum hours");
    if (s.exams === null || s.exams.length) issue("no statewide regulation: exams must be []");
    if (s.board || s.lookupUrl) issue("no statewide regulation, yet a board or look-up");
    if (!s.localLicensing) issue("no statewide regulation: say what local licensing exists");
  }
  if (MANDATORY_REGULATIONS.includes(s.regulation)) {
    if (!s.credentialTitles.length) issue("a mandatory regulation needs a credential title");
    for (const field of ["minTrainingHours", "exams", "continuingEducation", "board", "lookupUrl"] as const) {
      if (s[field] === null && !s.unknown.includes(field)) issue(`${field} is null but not listed in unknown`);
    }
  }
  for (const f of factsWithoutSource(s)) issue(`${f} has no source and is not listed in unknown`);
}

export const stateEntrySchema = z.object(entryShape).strict().superRefine(checkEntry);

export type StateEntry = z.infer<typeof stateEntrySchema>;

/** An entry as the reviewed file holds it: the facts, plus its change log. */
export const stateFileEntrySchema = z
  .object({
    ...entryShape,
    changes: z.array(stateChangeSchema).min(1),
  })
  .strict()
  .superRefine(checkEntry)
  .superRefine((s, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: "custom", message: `${s.code}: ${message}` });
    // Every entry, a no-regulation state included (its local regulator's page counts), cites one.
    if (!hasPrimarySource(s)) issue("no primary source (statute, code or board page)");
    const dates = s.changes.map((c) => c.date);
    if (dates.some((d, i) => i > 0 && d < dates[i - 1]!)) issue("changes must be in date order, oldest first");
  });
export type StateFileEntry = z.infer<typeof stateFileEntrySchema>;

export const stateFileSchema = z
  .array(stateFileEntrySchema)
  .length(51)
  .refine((all) => new Set(all.map((s) => s.code)).size === all.length, "codes must be unique");

type StateRow = typeof stateLicensing.$inferSelect;

// The one mapping between the reviewed file's shape and the table's columns (the table flattens
// the board and names `unknown` unknownFields); every other field has the same name in both.

/** A reviewed entry as a `state_licensing` row. */
export function stateRowOf({ board, unknown, ...same }: StateEntry): StateRow {
  return { ...same, boardName: board?.name ?? null, boardUrl: board?.url ?? null, unknownFields: unknown };
}

/** A `state_licensing` row in the reviewed file's shape. */
export function stateEntryOf({ boardName, boardUrl, unknownFields, confidence, ...same }: StateRow): StateEntry {
  return {
    ...same,
    board: boardName && boardUrl ? { name: boardName, url: boardUrl } : null,
    unknown: unknownFields,
    confidence: confidence as StateEntry["confidence"],
  };
}

let cached: StateFileEntry[] | undefined;

function loadFile(): StateFileEntry[] {
  cached ??= stateFileSchema.parse(data);
  return cached;
}

const ENTRY_KEYS = Object.keys(entryShape) as (keyof StateEntry)[];
let entries: StateEntry[] | undefined;

/** Every entry's facts and sources: what the `state_licensing` table holds (no change log). */
export function loadStateLicensing(): StateEntry[] {
  entries ??= loadFile().map((s) => Object.fromEntries(ENTRY_KEYS.map((k) => [k, s[k]])) as StateEntry);
  return entries;
}

/** A state's change log, oldest first; [] for an unknown code. */
export function stateChanges(code: string): StateChange[] {
  return loadFile().find((s) => s.code === code.toUpperCase())?.changes ?? [];
}

/** A review older than this many months reads "last reviewed over a year ago". */
export const REVIEW_STALE_MONTHS = 12;

/** True when `lastReviewed` (YYYY-MM-DD) is more than 12 months before `today`. */
export function isReviewStale(lastReviewed: string, today: Date = new Date()): boolean {
  const cutoff = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - REVIEW_STALE_MONTHS, today.getUTCDate()));
  return lastReviewed < cutoff.toISOString().slice(0, 10);
}

/** Entries whose review is older than 12 months, oldest first: the re-review list. */
export function staleReviews(states: readonly Pick<StateEntry, "code" | "name" | "lastReviewed">[], today: Date = new Date()) {
  return states.filter((s) => isReviewStale(s.lastReviewed, today)).sort((a, b) => a.lastReviewed.localeCompare(b.lastReviewed));
}

/** How many jurisdictions have each kind of regulation (the /licensing summary). */
export function regulationCounts(states: readonly Pick<StateEntry, "regulation">[]): Record<Regulation, number> {
  const counts = Object.fromEntries(REGULATIONS.map((r) => [r, 0])) as Record<Regulation, number>;
  for (const s of states) counts[s.regulation] += 1;
  return counts;
}
