// The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json. Response schemas
// come from the zod schemas in lib/api/schemas.ts; parameters from lib/search/params.ts.
import { z } from "zod";
import { MODALITIES } from "@/db/reference/modalities";
import { CREDENTIAL_FLAGS, FLAG_LABELS, MODALITY_NOT_STATED_LABEL, PRACTICE_FLAG_LABELS, SELF_REPORTED_LABEL } from "@/lib/search/filters";
import { FLAG_FILTERS, PAGE_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, PRACTICE_FLAGS, PRICE_LIMIT, RADIUS_DEFAULT, SORTS } from "@/lib/search/params";
import { SCIATICA_FILTER_LEVELS } from "@/lib/therapists/vocabulary";
import * as schemas from "./schemas";

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: object, description: string) => ({ description, content: { "application/json": { schema } } });
const badRequest = json(ref("Error"), "Invalid parameters: `error.fields` names each bad parameter and why");
const notFound = json(ref("Error"), "No such resource");
const unavailable = {
  ...json(ref("Error"), "The database is busy or cannot be reached; try again after `Retry-After` seconds"),
  headers: { "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer", minimum: 1 } } },
};

function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const s of Object.values(schemas)) {
    const id = (s.meta() as { id?: string } | undefined)?.id;
    if (id) registry.add(s, { id });
  }
  const out = z.toJSONSchema(registry, { target: "draft-2020-12", uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" });
  return Object.fromEntries(
    // Each schema stands inside the document, so it carries no $schema or $id of its own.
    Object.entries(out.schemas).map(([id, s]) => [id, Object.fromEntries(Object.entries(s).filter(([k]) => k !== "$schema" && k !== "$id"))]),
  );
}

// Every query parameter carries an example (a test checks each one parses and answers 200).
const q = (name: string, description: string, schema: object, example: string | number | string[], extra: object = {}) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
  example,
  ...extra,
});
const flagSchema = { type: "string", enum: ["1", "0", "true", "false", "on", "off"] };
/** Something only the therapist states; nobody checks it. */
const STATED = "As the therapist states it (self-described, not checked).";

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Therapist Finder API",
      version: "1.0.0",
      description:
        "Massage therapists for people with sciatica, and each US state's massage licensing rules. Information, not medical advice. Demo listings are fictional (`isDemo`). Bad input answers 400 with per-parameter errors; unknown resources 404.",
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/therapists": {
        get: {
          operationId: "searchTherapists",
          summary: "Search therapists (the same search as the /therapists page)",
          description: "Unknown parameters and repeated single-valued parameters are errors (400).",
          parameters: [
            q("location", 'A 5-digit ZIP code, "City, ST", or a state (name or two-letter code)', { type: "string", maxLength: 100 }, "10001"),
            q("radius", "Miles around the place (ignored for a whole state)", { type: "integer", minimum: 5, maximum: 100, default: RADIUS_DEFAULT }, 50),
            q("modality", "Repeat for several: a therapist must offer every one", { type: "array", items: { type: "string", enum: MODALITIES.map((m) => m.slug) } }, ["deep-tissue", "swedish"], { style: "form", explode: true }),
            q(
              "modalityNotStated",
              `${MODALITY_NOT_STATED_LABEL} (1 on, 0 off). With modality filters, listings that state no modality (listings imported from the national provider registry, not yet claimed) match too. Example: /api/therapists?location=10001&modality=swedish&modalityNotStated=1`,
              flagSchema,
              "1",
            ),
            q("sciatica", "Sciatica experience: some (or more), or extensive", { type: "string", enum: [...SCIATICA_FILTER_LEVELS] }, "extensive"),
            ...FLAG_FILTERS.map((f) => q(f, `${FLAG_LABELS[f]} (1 on, 0 off)`, flagSchema, "1")),
            q(
              "selfReported",
              `${SELF_REPORTED_LABEL} (1 on, 0 off). By default the credential filters (${CREDENTIAL_FLAGS.join(", ")}) match only checked credentials: a licence checked with the state board and active, NCBTMB certification verified, a school's accreditation or an association membership checked by an administrator. With selfReported=1 they also match credentials the therapist states that are not yet checked; never ones found expired, lapsed or unconfirmed. Example: /api/therapists?location=10001&ncbtmb=1&selfReported=1`,
              flagSchema,
              "1",
            ),
            q("plan", "A named insurance plan (implies insurance=1)", { type: "string", minLength: 2, maxLength: 60 }, "Aetna"),
            q("setting", "In a clinic, or mobile", { type: "string", enum: ["clinic", "mobile"] }, "clinic"),
            q("q", "Therapist or practice name; tolerates typos", { type: "string", minLength: 2, maxLength: 100 }, "Rivera"),
            q(
              "minPrice",
              `Lowest price of a 60-minute session, in whole US dollars: therapists with a session at or above it (their highest stated price). Therapists who state no price are left out. ${STATED}`,
              { type: "integer", minimum: 0, maximum: PRICE_LIMIT },
              60,
            ),
            q(
              "maxPrice",
              `Highest price of a 60-minute session, in whole US dollars: therapists with a session at or below it (their lowest stated price). Not below minPrice (400). Therapists who state no price are left out. ${STATED}`,
              { type: "integer", minimum: 0, maximum: PRICE_LIMIT },
              100,
            ),
            q("language", `A language the therapist speaks (any case), for example Spanish. ${STATED}`, { type: "string", minLength: 2, maxLength: 40 }, "Spanish"),
            q(
              "gender",
              `The therapist's gender as they describe it (any case). An optional profile field: therapists who did not state one never match. The search page offers only the values therapists have stated. ${STATED}`,
              { type: "string", minLength: 1, maxLength: 40 },
              "woman",
            ),
            ...PRACTICE_FLAGS.map((f) => q(f, `${PRACTICE_FLAG_LABELS[f]} (1 on, 0 off). ${STATED}`, flagSchema, "1")),
            q(
              "sort",
              "nearest: closest first; it needs a place stated as a ZIP code or a city (a whole state or no location answers 400), and is then the default. best: most criteria met (the default otherwise). name: alphabetical. price: lowest stated price first (therapists with no stated price last).",
              { type: "string", enum: [...SORTS] },
              "price",
            ),
            q("page", "Page number", { type: "integer", minimum: 1, maximum: PAGE_MAX, default: 1 }, 2),
            q("pageSize", "Results per page", { type: "integer", minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT }, 10),
          ],
          responses: { "200": json(ref("SearchResponse"), "One page of results"), "400": badRequest, "503": unavailable },
        },
      },
      "/api/therapists/{slug}": {
        get: {
          operationId: "getTherapist",
          summary: "One published therapist's profile, with the six criteria and licence notes",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength: 200 }, example: "avery-alder-portland-or" }],
          responses: { "200": json(ref("TherapistProfileResponse"), "The profile"), "400": badRequest, "404": notFound, "503": unavailable },
        },
      },
      "/api/modalities": {
        get: {
          operationId: "listModalities",
          summary: "The modalities, in plain language",
          responses: { "200": json(ref("ModalityListResponse"), "Every modality"), "503": unavailable },
        },
      },
      "/api/states": {
        get: {
          operationId: "listStates",
          summary: "Massage licensing rules of the 50 states and DC, sourced and dated",
          responses: { "200": json(ref("StateListResponse"), "All 51 entries"), "503": unavailable },
        },
      },
      "/api/states/{code}": {
        get: {
          operationId: "getState",
          summary: "One state's licensing rules (two-letter code, any case)",
          parameters: [{ name: "code", in: "path", required: true, schema: { type: "string", minLength: 2, maxLength: 2 }, example: "KS" }],
          responses: { "200": json(ref("StateResponse"), "The state's entry"), "404": notFound, "503": unavailable },
        },
      },
      "/api/health": {
        get: {
          operationId: "health",
          summary: "Which database driver is in use and whether it answered",
          responses: { "200": json(ref("Health"), "The database answered"), "503": json(ref("Health"), "The database did not answer; `reason` says why") },
        },
      },
    },
    components: { schemas: componentSchemas() },
  };
}
