// The public contract of one search result: one zod schema (GET /api/therapists serves it as
// it is; the results page renders it), `SearchResult` its z.infer, and the function that makes
// one from a search row and the state rules.
import { z } from "zod";
import { countMet, credentialFacts, credentialWords, evaluateCriteria, type CriteriaInput } from "@/lib/criteria";
import { describeLicenses, type StateRule } from "@/lib/licensing/license-note";
import { credentialsSchema, criterionSchema, licenseNoteSchema, priceSchema, registrySchema, toRegistryListing, type RegistrySource } from "./public-profile";
import { NCBTMB_STATUSES, PRICE_UNIT, SCIATICA_LEVELS } from "./vocabulary";

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
    sciaticaExperience: z.enum(SCIATICA_LEVELS),
    ncbtmbStatus: z.enum(NCBTMB_STATUSES),
    licenseNotes: z.array(licenseNoteSchema),
    credentials: credentialsSchema,
    criteria: z.array(criterionSchema).length(6),
    criteriaMet: z.number().int().min(0).max(6),
    acceptingNewClients: z.boolean(),
    inClinic: z.boolean(),
    mobile: z.boolean(),
    isDemo: z.boolean().describe("Fictional demo listing"),
    registry: registrySchema,
    price: priceSchema.describe("A 60-minute session's price as the therapist states it (sort=price orders by min)"),
  })
  .meta({ id: "SearchResult" });

export type SearchResult = z.infer<typeof searchResultSchema>;

/** The profile page's address. */
export const therapistHref = (slug: string) => `/therapists/${slug}`;

export type SearchResultSource = CriteriaInput & {
  slug: string;
  displayName: string;
  practiceName: string | null;
  city: string;
  zip: string;
  distanceMiles: number | null;
  priceMin: number | null;
  priceMax: number | null;
  acceptingNewClients: boolean;
  inClinic: boolean;
  mobile: boolean;
  isDemo: boolean;
} & RegistrySource;

export function toSearchResult(
  r: SearchResultSource,
  rules: ReadonlyMap<string, StateRule>,
  modalityName: (slug: string) => string,
): SearchResult {
  const criteria = evaluateCriteria(r, rules.get(r.state));
  return {
    slug: r.slug,
    url: therapistHref(r.slug),
    displayName: r.displayName,
    practiceName: r.practiceName,
    city: r.city,
    state: r.state,
    zip: r.zip,
    distanceMiles: r.distanceMiles === null ? null : Math.round(r.distanceMiles * 10) / 10,
    modalities: r.modalitySlugs.map((slug) => ({ slug, name: modalityName(slug) })),
    sciaticaExperience: r.sciaticaExperience,
    ncbtmbStatus: r.ncbtmbStatus,
    licenseNotes: describeLicenses(r.state, r.licenses, rules),
    credentials: credentialFacts(r).map((f) => ({ credential: f.credential, state: f.state, text: credentialWords(f) })),
    criteria,
    criteriaMet: countMet(criteria),
    acceptingNewClients: r.acceptingNewClients,
    inClinic: r.inClinic,
    mobile: r.mobile,
    isDemo: r.isDemo,
    registry: toRegistryListing(r),
    price: { per: PRICE_UNIT, currency: "USD", min: r.priceMin, max: r.priceMax },
  };
}
