// The JSON API's response shapes as zod schemas: the OpenAPI description is generated from
// them (lib/api/openapi.ts) and the tests check real responses against them.
import { z } from "zod";
import { stateListResponseSchema, stateResponseSchema } from "@/lib/licensing/state-api";
import { SORTS } from "@/lib/search/params";
import { publicProfileSchema } from "@/lib/therapists/public-profile";
import { searchResultSchema } from "@/lib/therapists/search-result";
import { ERROR_CODES } from "./errors";

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional().describe("Each bad parameter and why"),
      suggestions: z.array(z.string()).optional().describe("Places to try instead of an unknown one"),
    }),
  })
  .meta({ id: "Error" });

// A therapist's response schemas live with the rest of the therapist's vocabulary.
export { criterionSchema, licenseNoteSchema, publicProfileSchema } from "@/lib/therapists/public-profile";
export { searchResultSchema } from "@/lib/therapists/search-result";
export { photoSchema } from "@/lib/photos/photo-urls";

const changeSchema = z.object({ label: z.string(), count: z.number().int(), countIsCapped: z.boolean(), query: z.string() });

export const searchResponseSchema = z
  .object({
    query: z.record(z.string(), z.unknown()).describe("The parameters as understood, defaults filled in"),
    location: z
      .union([
        z.object({ kind: z.literal("point"), label: z.string(), latitude: z.number(), longitude: z.number(), state: z.string(), zip: z.string().optional() }),
        z.object({ kind: z.literal("state"), label: z.string(), state: z.string() }),
      ])
      .nullable(),
    sort: z.enum(SORTS),
    total: z.number().int().describe("Matches: counted exactly up to 1,000, estimated beyond (to two significant figures)"),
    totalIsCapped: z.boolean().describe("True when there are more than 1,000 matches"),
    totalIsEstimate: z.boolean().describe("True when total is an estimate (more than 1,000 matches), shown as \"about 3,400\""),
    page: z.number().int(),
    pageSize: z.number().int(),
    pageCount: z.number().int(),
    links: z.object({ self: z.string(), next: z.string().nullable(), prev: z.string().nullable() }),
    results: z.array(searchResultSchema),
    noResults: z
      .object({
        removals: z.array(changeSchema).describe("Each filter's removal and how many it would find, most first"),
        suggestion: changeSchema.nullable().describe("The one change to offer: a wider radius that finds someone, else the most helpful removal"),
        nearest: z
          .array(searchResultSchema)
          .describe(
            "When no one is within even the largest radius (100 miles) of a ZIP code or city: the nearest therapists matching every other filter, nearest first, each with distanceMiles; empty otherwise",
          ),
        wholeState: changeSchema.nullable().describe("Then too: the same search across the whole state of the place, when that finds someone"),
      })
      .nullable()
      .describe("Only when nothing matched: what to do next"),
  })
  .meta({ id: "SearchResponse" });

export const healthSchema = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    driver: z.enum(["pglite", "postgres"]),
    database: z.enum(["answered", "did not answer"]),
    latencyMs: z.number().optional(),
    reason: z.string().optional(),
  })
  .meta({ id: "Health" });

// GET /api/states and /api/states/{code}: the contract lives with the licensing code.
export const stateListResponse = stateListResponseSchema.meta({ id: "StateListResponse" });
export const stateResponse = stateResponseSchema.meta({ id: "StateResponse" });

export const modalityListResponseSchema = z
  .object({
    modalities: z.array(z.object({ slug: z.string(), name: z.string(), summary: z.string(), description: z.string(), whatToExpect: z.string() })),
  })
  .meta({ id: "ModalityListResponse" });

export const therapistProfileResponseSchema = z.object({ therapist: publicProfileSchema }).meta({ id: "TherapistProfileResponse" });
