// The public contract of a therapist: one zod schema for what a visitor may see of a published
// profile (GET /api/therapists/[slug], the profile page and the dashboard preview all read it),
// with the six criteria and the licence notes worked out. `PublicProfile` is its z.infer.
import { z } from "zod";
import { confirmationDue, confirmationWords } from "./confirmation";
import { photoSchema, toPhoto } from "@/lib/photos/photo-urls";
import { CRITERION_KEYS, CRITERION_STATUSES, credentialFacts, credentialWords, evaluateCriteria, type CheckStatus } from "@/lib/criteria";

const CHECK_STATUSES = ["self_reported", "checked", "unconfirmed"] as const;

/** Each credential beyond the licence a listing states, and whether it was checked. */
export const credentialsSchema = z
  .array(
    z.object({
      credential: z.enum(["ncbtmb", "school", "associations"]),
      state: z.enum(["checked", "claimed", "unconfirmed"]).describe("claimed: self-reported, not yet checked; unconfirmed: looked up, could not be confirmed"),
      text: z.string().describe('As patients read it, e.g. "NCBTMB board certification (claimed, not yet checked)"'),
    }),
  )
  .describe("Credentials beyond the licence: NCBTMB certification, the school's accreditation, association membership");
import { describeLicense, describeMissingLicense, LICENSE_NOTE_TONES, type LicenseFacts, type StateRule } from "@/lib/licensing/license-note";
import { asRegisteredOn, LICENSE_STATUSES, NCBTMB_STATUSES, PRICE_UNIT, SCIATICA_LEVELS, UNCLAIMED_REGISTRY_LABEL, type NcbtmbStatus, type SciaticaLevel } from "./vocabulary";

/** A listing imported from the national provider registry (NPPES), as patients see it; null for others. */
export const registrySchema = z
  .object({
    npi: z.string().describe("The provider's National Provider Identifier"),
    claimed: z.boolean().describe("Whether the therapist has claimed the listing (then they keep it, and it shows what they wrote)"),
    label: z.string().nullable().describe(`"${UNCLAIMED_REGISTRY_LABEL}" while unclaimed; null once claimed`),
    credential: z.string().nullable().describe('The credential text the provider gave the registry, e.g. "LMT"'),
    updatedOn: z.string().nullable().describe("The registry's last update of the record (YYYY-MM-DD)"),
    text: z.string().describe('"as registered on March 15, 2026"'),
  })
  .nullable();
export type RegistryListing = z.infer<typeof registrySchema>;

/** What a row says about the registry (absent fields: not a registry listing). */
export type RegistrySource = { npi?: string | null; claimed?: boolean; registryUpdatedOn?: string | null; registryCredential?: string | null };

export function toRegistryListing(r: RegistrySource): RegistryListing {
  if (!r.npi) return null;
  const claimed = Boolean(r.claimed);
  return {
    npi: r.npi,
    claimed,
    label: claimed ? null : UNCLAIMED_REGISTRY_LABEL,
    credential: r.registryCredential ?? null,
    updatedOn: r.registryUpdatedOn ?? null,
    text: r.registryUpdatedOn ? asRegisteredOn(r.registryUpdatedOn) : "as registered",
  };
}

const isoDateTime = z.string().describe("ISO 8601 date and time");

export const criterionSchema = z
  .object({
    key: z.enum(CRITERION_KEYS),
    title: z.string(),
    status: z.enum(CRITERION_STATUSES),
    detail: z.string(),
  })
  .meta({ id: "Criterion" });

export const licenseNoteSchema = z
  .object({
    text: z.string().describe('e.g. "LMT, New York - active, checked with the state board on 2026-10-02"'),
    tone: z.enum(LICENSE_NOTE_TONES),
    stateCode: z.string().length(2),
    stateHref: z.string(),
  })
  .meta({ id: "LicenseNote" });

/** A 60-minute session's price range in US dollars, as the therapist states it (either end may be null). */
export const priceSchema = z.object({ per: z.string(), currency: z.literal("USD"), min: z.number().int().nullable(), max: z.number().int().nullable() });

export const publicProfileSchema = z
  .object({
    slug: z.string(),
    displayName: z.string(),
    practiceName: z.string().nullable(),
    bio: z.string(),
    isDemo: z.boolean(),
    registry: registrySchema,
    contact: z.object({
      phone: z.string().nullable(),
      email: z.string().nullable(),
      website: z.string().nullable(),
      messages: z.boolean().describe("Whether the profile's message form takes messages: the listing has a public e-mail and has not turned the form off"),
    }),
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
    sciatica: z.object({ experience: z.enum(SCIATICA_LEVELS), description: z.string().nullable() }),
    licenses: z.array(
      z.object({
        state: z.string(),
        number: z.string(),
        credentialTitle: z.string(),
        status: z.enum(LICENSE_STATUSES),
        verifiedAt: isoDateTime.nullable().describe("When it was checked with the board; null: self-reported"),
        source: z.string(),
      }),
    ),
    licenseNotes: z.array(licenseNoteSchema.extend({ number: z.string().nullable() })),
    ncbtmb: z.object({
      status: z.enum(NCBTMB_STATUSES),
      number: z.string().nullable(),
      verifiedAt: isoDateTime.nullable(),
      source: z.string().nullable().describe("What an administrator checked it against: the look-up used or the document seen"),
    }),
    school: z.object({
      name: z.string().nullable(),
      accredited: z.boolean().describe("The therapist says the programme is accredited; a fact only when check is checked"),
      check: z.enum(CHECK_STATUSES).describe("self_reported: claimed, not yet checked; checked; unconfirmed: could not be confirmed"),
      checkedAt: isoDateTime.nullable(),
      source: z.string().nullable().describe("What an administrator checked it against"),
    }),
    associations: z.array(z.string()),
    associationsCheck: z.object({ status: z.enum(CHECK_STATUSES), checkedAt: isoDateTime.nullable(), source: z.string().nullable() }),
    credentials: credentialsSchema,
    insurance: z.object({ acceptsInsurance: z.boolean(), plans: z.array(z.string()), offersSuperbills: z.boolean(), acceptsHsaFsa: z.boolean() }),
    acceptsPhysicianReferrals: z.boolean(),
    price: priceSchema,
    hours: z.string().nullable().describe("Opening hours as the therapist writes them"),
    languages: z.array(z.string()),
    gender: z.string().nullable().describe("The therapist's gender in their own words, only if they chose to state it (self-described, not checked)"),
    accessibility: z.object({ wheelchairAccessible: z.boolean(), notes: z.string().nullable() }),
    criteria: z.array(criterionSchema).length(6),
    updatedAt: isoDateTime,
    confirmedCurrent: z
      .object({ at: isoDateTime.nullable(), due: z.boolean(), text: z.string() })
      .describe("When the therapist last confirmed the listing is current (null: never); due after 12 months"),
    photos: z.array(photoSchema).describe("The portrait (first, if any) and up to 4 practice photos, served by this site"),
  })
  .meta({ id: "PublicProfile" });

export type PublicProfile = z.infer<typeof publicProfileSchema>;

/**
 * What toPublicProfile needs: a therapist's row (published or not: the dashboard preview shows
 * an unpublished listing exactly as it would read), its modalities, licences and the rules of
 * the states involved.
 */
export type ProfileSource = {
  slug: string;
  displayName: string;
  practiceName: string | null;
  bio: string;
  isDemo: boolean;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** The owner turned the message form off (absent: on). */
  messagesOff?: boolean;
  addressLine: string | null;
  city: string;
  state: string;
  zip: string;
  latitude: number;
  longitude: number;
  inClinic: boolean;
  mobile: boolean;
  acceptingNewClients: boolean;
  yearsInPractice: number | null;
  modalitySlugs: readonly string[];
  modalities: readonly { slug: string; name: string; summary: string }[];
  sciaticaExperience: SciaticaLevel;
  sciaticaDescription: string | null;
  licenses: readonly (LicenseFacts & { number: string; source: string })[];
  ncbtmbStatus: NcbtmbStatus;
  ncbtmbNumber: string | null;
  ncbtmbVerifiedAt: Date | null;
  ncbtmbCheckSource: string | null;
  schoolName: string | null;
  schoolAccredited: boolean;
  schoolCheck: CheckStatus;
  schoolCheckedAt: Date | null;
  schoolCheckSource: string | null;
  associations: string[];
  associationsCheck: CheckStatus;
  associationsCheckedAt: Date | null;
  associationsCheckSource: string | null;
  acceptsInsurance: boolean;
  insurancePlans: string[];
  offersSuperbills: boolean;
  acceptsHsaFsa: boolean;
  acceptsPhysicianReferrals: boolean;
  priceMin: number | null;
  priceMax: number | null;
  hours: string | null;
  languages: string[];
  gender: string | null;
  wheelchairAccessible: boolean;
  accessibilityNotes: string | null;
  updatedAt: Date;
  /** Absent in sources that do not read it (the dashboard's preview of a new listing). */
  confirmedCurrentAt?: Date | null;
  stateRules: readonly StateRule[];
  /** The listing's photos (db/queries/photos.ts listPhotos), portrait first. */
  photos?: readonly Parameters<typeof toPhoto>[0][];
} & RegistrySource;

export function toPublicProfile(p: ProfileSource): PublicProfile {
  const rules = new Map<string, StateRule>(p.stateRules.map((r) => [r.code, r]));
  const criteria = evaluateCriteria(p, rules.get(p.state));
  // As describeLicenses orders them (practice state first, a note for a missing practice-state
  // licence on top), each carrying its licence number so a patient can look it up. Sorted here,
  // whatever order the caller read them in, so the preview and the public page agree.
  const home = rules.get(p.state);
  const byState = [...p.licenses].sort((a, b) => a.state.localeCompare(b.state) || a.number.localeCompare(b.number));
  const sorted = [...byState].sort((a, b) => Number(b.state === p.state) - Number(a.state === p.state));
  const licenseNotes: PublicProfile["licenseNotes"] = [
    ...(home && !p.licenses.some((l) => l.state === p.state) ? [{ ...describeMissingLicense(home), number: null }] : []),
    ...sorted.flatMap((l) => {
      const rule = rules.get(l.state);
      return rule ? [{ ...describeLicense(l, rule), number: l.number }] : [];
    }),
  ];
  return {
    slug: p.slug,
    displayName: p.displayName,
    practiceName: p.practiceName,
    bio: p.bio,
    isDemo: p.isDemo,
    registry: toRegistryListing(p),
    contact: { phone: p.phone, email: p.email, website: p.website, messages: !!p.email && !p.messagesOff },
    location: {
      addressLine: p.addressLine,
      city: p.city,
      state: p.state,
      zip: p.zip,
      latitude: p.latitude,
      longitude: p.longitude,
      inClinic: p.inClinic,
      mobile: p.mobile,
    },
    acceptingNewClients: p.acceptingNewClients,
    yearsInPractice: p.yearsInPractice,
    modalities: p.modalities.map((m) => ({ slug: m.slug, name: m.name, summary: m.summary })),
    sciatica: { experience: p.sciaticaExperience, description: p.sciaticaDescription },
    licenses: byState.map((l) => ({
      state: l.state,
      number: l.number,
      credentialTitle: l.credentialTitle,
      status: l.status,
      verifiedAt: l.verifiedAt?.toISOString() ?? null,
      source: l.source,
    })),
    licenseNotes,
    // A source is shown only with a check (an owner's edit resets the check; the source goes with it).
    ncbtmb: {
      status: p.ncbtmbStatus,
      number: p.ncbtmbNumber,
      verifiedAt: p.ncbtmbVerifiedAt?.toISOString() ?? null,
      source: p.ncbtmbStatus === "verified" || p.ncbtmbStatus === "lapsed" ? p.ncbtmbCheckSource : null,
    },
    school: {
      name: p.schoolName,
      accredited: p.schoolAccredited,
      check: p.schoolCheck,
      checkedAt: p.schoolCheckedAt?.toISOString() ?? null,
      source: p.schoolCheck === "self_reported" ? null : p.schoolCheckSource,
    },
    associations: p.associations,
    associationsCheck: {
      status: p.associationsCheck,
      checkedAt: p.associationsCheckedAt?.toISOString() ?? null,
      source: p.associationsCheck === "self_reported" ? null : p.associationsCheckSource,
    },
    credentials: credentialFacts(p).map((f) => ({ credential: f.credential, state: f.state, text: credentialWords(f) })),
    insurance: {
      acceptsInsurance: p.acceptsInsurance,
      plans: p.insurancePlans,
      offersSuperbills: p.offersSuperbills,
      acceptsHsaFsa: p.acceptsHsaFsa,
    },
    acceptsPhysicianReferrals: p.acceptsPhysicianReferrals,
    price: { per: PRICE_UNIT, currency: "USD", min: p.priceMin, max: p.priceMax },
    hours: p.hours,
    languages: p.languages,
    gender: p.gender,
    accessibility: { wheelchairAccessible: p.wheelchairAccessible, notes: p.accessibilityNotes },
    criteria,
    updatedAt: p.updatedAt.toISOString(),
    confirmedCurrent: {
      at: p.confirmedCurrentAt ? p.confirmedCurrentAt.toISOString() : null,
      due: confirmationDue(p.confirmedCurrentAt ?? null),
      text: confirmationWords(p.confirmedCurrentAt ?? null),
    },
    photos: (p.photos ?? []).map(toPhoto),
  };
}
