// The JSON contract of GET /api/states and GET /api/states/[code]: one zod schema per
// response, shared by the route handlers and the tests (and ready for the OpenAPI description).
//   GET /api/states        200 { "states": StateResource[], "count": 51 }
//   GET /api/states/[code] 200 { "state": StateResource }   (code: two letters, any case)
//                          404 { "error": { "code": "not_found", "message": "..." } }
import { z } from "zod";
// Type-only import from db/reference: the Playwright specs load this module, and their loader
// cannot import the reviewed JSON file behind it.
import type { StateEntry } from "@/db/reference/state-licensing";
import { REGULATION_LABELS, REGULATIONS, statePageHref, stateTherapistsHref } from "./vocabulary";

/** A source of the entry: its kind (statute, code and board are primary), the year it speaks for, what it says, and which facts it supports. */
const source = z.object({
  title: z.string(),
  url: z.string(),
  kind: z.enum(["statute", "code", "board", "association", "fsmtb", "other"]),
  year: z.number().int().nullable(),
  says: z.string(),
  supports: z.array(z.string()),
});

export const stateResourceSchema = z.object({
  /** Upper-case two-letter code, e.g. "KS"; "DC" for the District of Columbia. */
  code: z.string().regex(/^[A-Z]{2}$/),
  name: z.string(),
  regulation: z.enum(REGULATIONS),
  /** The regulation in plain words, e.g. "No statewide licence". */
  regulationLabel: z.string(),
  credentialTitles: z.array(z.string()),
  /** null: no statewide regulator, or not established (then "board" is in unknownFields). */
  board: z.object({ name: z.string(), url: z.string() }).nullable(),
  lookupUrl: z.string().nullable(),
  minTrainingHours: z.number().int().nullable(),
  /** null: not established from a source; []: none required. */
  exams: z.array(z.string()).nullable(),
  continuingEducation: z.string().nullable(),
  localLicensing: z.string().nullable(),
  patientNote: z.string(),
  /** Fields left null because the review could not establish them from a source. */
  unknownFields: z.array(z.string()),
  confidence: z.enum(["high", "medium", "low"]),
  sources: z.array(source),
  /** ISO date, YYYY-MM-DD. */
  lastReviewed: z.iso.date(),
  /** Published therapists listed in this state. */
  publishedTherapists: z.number().int().min(0),
  /** Site-relative links: the state's page and a therapist search in the state. */
  links: z.object({ page: z.string(), therapists: z.string() }),
});

export type StateResource = z.infer<typeof stateResourceSchema>;

export const stateListResponseSchema = z.object({ states: z.array(stateResourceSchema), count: z.number().int() });
export const stateResponseSchema = z.object({ state: stateResourceSchema });
export const notFoundResponseSchema = z.object({ error: z.object({ code: z.literal("not_found"), message: z.string() }) });

export function toStateResource({ unknown, ...same }: StateEntry, publishedTherapists: number): StateResource {
  return {
    ...same,
    regulationLabel: REGULATION_LABELS[same.regulation],
    unknownFields: unknown,
    publishedTherapists,
    links: { page: statePageHref(same.code), therapists: stateTherapistsHref(same.code) },
  };
}
