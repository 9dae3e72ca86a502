// The reviewed state licensing rules (state-licensing.json), validated on load. The JSON is
// the source of truth; the `state_licensing` table is refreshed from it at every start-up.
import { z } from "zod";
import { isStateCode, MANDATORY_REGULATIONS, REGULATIONS, US_STATES } from "@/lib/licensing/vocabulary";
import type { stateLicensing } from "../schema";
import data from "./state-licensing.json";

const url = z.url({ protocol: /^https?$/ });
const isoDate = z.iso.date();


export const stateEntrySchema = z
  .object({
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
    sources: z.array(z.object({ title: z.string().min(3), url })).min(1),
    lastReviewed: isoDate,
  })
  .strict()
  .superRefine((s, ctx) => {
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
  });

export type StateEntry = z.infer<typeof stateEntrySchema>;

export const stateFileSchema = z
  .array(stateEntrySchema)
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

let cached: StateEntry[] | undefined;

export function loadStateLicensing(): StateEntry[] {
  cached ??= stateFileSchema.parse(data);
  return cached;
}
