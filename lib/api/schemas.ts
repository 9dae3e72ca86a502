// The JSON API's response shapes as zod schemas: the OpenAPI description is generated from
// them (lib/api/openapi.ts) and the tests check real responses against them.
import { z } from "zod";
import { stateListResponseSchema, stateResponseSchema } from "@/lib/licensing/state-api";

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(["invalid_request", "not_found", "unavailable", "internal_error"]),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional().describe("Each bad parameter and why"),
      suggestions: z.array(z.string()).optional().describe("Places to try instead of an unknown one"),
    }),
  })
  .meta({ id: "Error" });

export const criterionSchema = z
  .object({
    key: z.enum(["referrals", "profile", "insurance", "license", "credentials", "modalities"]),
    title: z.string(),
    status: z.enum(["met", "not_met", "not_applicable"]),
    detail: z.string(),
  })
  .meta({ id: "Criterion" });

export const licenseNoteSchema = z
  .object({
    text: z.string().describe('e.g. "LMT, New York - active, checked with the state board on 2026-10-02"'),
    tone: z.enum(["verified", "self_reported", "problem", "not_required"]),
    stateCode: z.string().length(2),
    stateHref: z.string(),
  })
  .meta({ id: "LicenseNote" });

export const searchResultSchema = z
  .object({
    slug: z.string(),
    url: z.string(),
    displayName: z.string(),
    practiceName: z.string().nullable(),
    city: z.string(),
    state: z.string().length(2),
    zip: z.string(),
    distanceMiles: z.number().nullable().describe("Null when the search has no point (a whole state, or no place)"),
    modalities: z.array(z.object({ slug: z.string(), name: z.string() })),
    sciaticaExperience: z.enum(["none", "some", "extensive"]),
    ncbtmbStatus: z.enum(["not_certified", "self_reported", "verified", "lapsed"]),
    licenseNotes: z.array(licenseNoteSchema),
    criteria: z.array(criterionSchema).length(6),
    criteriaMet: z.number().int().min(0).max(6),
    acceptingNewClients: z.boolean(),
    inClinic: z.boolean(),
    mobile: z.boolean(),
    isDemo: z.boolean().describe("Fictional demo listing"),
  })
  .meta({ id: "SearchResult" });

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
    sort: z.enum(["nearest", "best", "name"]),
    total: z.number().int().describe("Matches: counted exactly up to 1,000, estimated beyond (to two significant figures)"),
    totalIsCapped: z.boolean().describe("True when there are more than 1,000 matches"),
    totalIsEstimate: z.boolean().describe("True when total is an estimate (more than 1,000 matches), shown as \"about 3,400\""),
    page: z.number().int(),
    pageSize: z.number().int(),
    pageCount: z.number().int(),
    links: z.object({ self: z.string(), next: z.string().nullable(), prev: z.string().nullable() }),
    results: z.array(searchResultSchema),
    noResults: z.object({ removals: z.array(changeSchema), suggestion: changeSchema.nullable() }).nullable(),
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

const isoDateTime = z.string().describe("ISO 8601 date and time");

export const therapistProfileResponseSchema = z
  .object({
    therapist: z.object({
      slug: z.string(),
      displayName: z.string(),
      practiceName: z.string().nullable(),
      bio: z.string(),
      isDemo: z.boolean(),
      contact: z.object({ phone: z.string().nullable(), email: z.string().nullable(), website: z.string().nullable() }),
      location: z.object({
        addressLine: z.string().nullable(),
        city: z.string(),
        state: z.string(),
        zip: z.string(),
        latitude: z.number(),
        longitude: z.number(),
        inClinic: z.boolean(),
        mobile: z.boolean(),
      }),
      acceptingNewClients: z.boolean(),
      yearsInPractice: z.number().int().nullable(),
      modalities: z.array(z.object({ slug: z.string(), name: z.string(), summary: z.string() })),
      sciatica: z.object({ experience: z.enum(["none", "some", "extensive"]), description: z.string().nullable() }),
      licenses: z.array(
        z.object({
          state: z.string(),
          number: z.string(),
          credentialTitle: z.string(),
          status: z.enum(["active", "expired", "disciplinary_action", "unknown"]),
          verifiedAt: isoDateTime.nullable().describe("When it was checked with the board; null: self-reported"),
          source: z.string(),
        }),
      ),
      licenseNotes: z.array(licenseNoteSchema.extend({ number: z.string().nullable() })),
      ncbtmb: z.object({ status: z.enum(["not_certified", "self_reported", "verified", "lapsed"]), number: z.string().nullable(), verifiedAt: isoDateTime.nullable() }),
      school: z.object({ name: z.string().nullable(), accredited: z.boolean() }),
      associations: z.array(z.string()),
      insurance: z.object({ acceptsInsurance: z.boolean(), plans: z.array(z.string()), offersSuperbills: z.boolean(), acceptsHsaFsa: z.boolean() }),
      acceptsPhysicianReferrals: z.boolean(),
      price: z.object({ per: z.string(), currency: z.literal("USD"), min: z.number().int().nullable(), max: z.number().int().nullable() }),
      hours: z.string().nullable().describe("Opening hours as the therapist writes them"),
      languages: z.array(z.string()),
      accessibility: z.object({ wheelchairAccessible: z.boolean(), notes: z.string().nullable() }),
      criteria: z.array(criterionSchema).length(6),
      updatedAt: isoDateTime,
    }),
  })
  .meta({ id: "TherapistProfileResponse" });
