// The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json. Response schemas
// come from the zod schemas in lib/api/schemas.ts; parameters from lib/search/params.ts.
import { z } from "zod";
import { MODALITIES } from "@/db/reference/modalities";
import { CREDENTIAL_FLAGS, FLAG_LABELS, SELF_REPORTED_LABEL } from "@/lib/search/filters";
import { FLAG_FILTERS, PAGE_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, RADIUS_DEFAULT, SORTS } from "@/lib/search/params";
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

const q = (name: string, description: string, schema: object, extra: object = {}) => ({ name, in: "query", required: false, description, schema, ...extra });

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
            q("location", 'A 5-digit ZIP code, "City, ST", or a state (name or two-letter code)', { type: "string", maxLength: 100 }),
            q("radius", "Miles around the place (ignored for a whole state)", { type: "integer", minimum: 5, maximum: 100, default: RADIUS_DEFAULT }),
            q("modality", "Repeat for several: a therapist must offer every one", { type: "array", items: { type: "string", enum: MODALITIES.map((m) => m.slug) } }, { style: "form", explode: true }),
            q("sciatica", "Sciatica experience: some (or more), or extensive", { type: "string", enum: [...SCIATICA_FILTER_LEVELS] }),
            ...FLAG_FILTERS.map((f) => q(f, `${FLAG_LABELS[f]} (1 on, 0 off)`, { type: "string", enum: ["1", "0", "true", "false", "on", "off"] })),
            q(
              "selfReported",
              `${SELF_REPORTED_LABEL} (1 on, 0 off). By default the credential filters (${CREDENTIAL_FLAGS.join(", ")}) match only checked credentials: a licence checked with the state board and active, NCBTMB certification verified, a school's accreditation or an association membership checked by an administrator. With selfReported=1 they also match credentials the therapist states that are not yet checked; never ones found expired, lapsed or unconfirmed. Example: /api/therapists?location=10001&ncbtmb=1&selfReported=1`,
              { type: "string", enum: ["1", "0", "true", "false", "on", "off"] },
              { example: "1" },
            ),
            q("plan", "A named insurance plan (implies insurance=1)", { type: "string", minLength: 2, maxLength: 60 }),
            q("setting", "In a clinic, or mobile", { type: "string", enum: ["clinic", "mobile"] }),
            q("q", "Therapist or practice name; tolerates typos", { type: "string", minLength: 2, maxLength: 100 }),
            q("sort", "nearest (needs a ZIP or city; the default then), best (most criteria met; the default otherwise), or name", { type: "string", enum: [...SORTS] }),
            q("page", "Page number", { type: "integer", minimum: 1, maximum: PAGE_MAX, default: 1 }),
            q("pageSize", "Results per page", { type: "integer", minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT }),
          ],
          responses: { "200": json(ref("SearchResponse"), "One page of results"), "400": badRequest, "503": unavailable },
        },
      },
      "/api/therapists/{slug}": {
        get: {
          operationId: "getTherapist",
          summary: "One published therapist's profile, with the six criteria and licence notes",
          parameters: [{ name: "slug", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", maxLength: 200 } }],
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
          parameters: [{ name: "code", in: "path", required: true, schema: { type: "string", minLength: 2, maxLength: 2 } }],
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
