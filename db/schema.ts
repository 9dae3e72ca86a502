// The whole data model. Migrations in db/migrations are generated from this file by
// drizzle-kit; the cube/earthdistance/pg_trgm extensions come first, from a custom migration.
import { sql } from "drizzle-orm";
import { MODALITIES } from "./reference/modalities";
import type { RegistryFacts } from "./reference/nppes-layout";
import type { StateSource } from "./reference/state-licensing";
import {
  customType,
  bigserial,
  boolean,
  char,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** A point on the earth as the earthdistance extension stores it (a 3-D cube). */
const cube = customType<{ data: string; driverData: string }>({ dataType: () => "cube" });

/**
 * Every value therapists.criteria_score takes: the one list of levels. "Best match" near a place
 * reads each level nearest-first and stops after the page (db/queries/search.ts), each through
 * its own partial GiST index generated below from this list. A new level (say, -1 for listings
 * nobody has claimed) is added here and in a migration for its index.
 */
export const CRITERIA_SCORE_LEVELS = [0, 1, 2, 3, 4, 5, 6] as const;
/** The criteria score of an imported registry listing nobody has claimed (the trigger sets it); it
 * has its own nearest-first index (therapists_earth_unclaimed_idx), so it is not in the list above. */
export const UNCLAIMED_REGISTRY_SCORE = -1;
// A fixed 1-in-16 sample of the rows (by the last byte of the random id), indexed on its own
// so that counts too large to count exactly are estimated from a sixteenth of the rows.
export const SAMPLE_PREDICATE = "(get_byte(uuid_send(id), 15) & 15) = 0";
export const SAMPLE_FACTOR = 16;

/**
 * The search's yes/no filters, one bit each of therapists.filter_bits, a stored generated column
 * over the row's own columns (migration 0022). The search's covering indexes carry this one
 * integer instead of a dozen columns, so that a search tests every such filter on the index
 * entry alone and reads the table only for the page's own rows (db/queries/search.ts). Each
 * entry is the SQL of the condition as the search used to write it; the order fixes the bits, so
 * a change here is a migration (drizzle-kit generates it from the column's expression).
 */
export const FILTER_BITS = {
  licenceChecked: "coalesce(home_license_checked, false)",
  licenceClaimed: "coalesce(home_license_claimed, false)",
  ncbtmbChecked: "ncbtmb_status = 'verified'",
  ncbtmbClaimed: "ncbtmb_status in ('verified', 'self_reported')",
  insurance: "accepts_insurance",
  referrals: "accepts_physician_referrals",
  schoolChecked: "school_check = 'checked'",
  schoolClaimed: "(school_accredited and school_check <> 'unconfirmed')",
  associationChecked: "associations_check = 'checked'",
  associationClaimed: "(cardinality(associations) > 0 and associations_check <> 'unconfirmed')",
  accepting: "accepting_new_clients",
  inClinic: "in_clinic",
  mobile: "mobile",
  sciaticaExtensive: "sciatica_experience = 'extensive'",
  sciaticaSome: "sciatica_experience in ('some', 'extensive')",
  wheelchair: "wheelchair_accessible",
  superbills: "offers_superbills",
  hsaFsa: "accepts_hsa_fsa",
  noModalityStated: "modality_slugs = '{}'::text[]",
} as const;
export type FilterBit = keyof typeof FILTER_BITS;
export const filterBit = (name: FilterBit): number => 1 << Object.keys(FILTER_BITS).indexOf(name);
const filterBitsSql = Object.entries(FILTER_BITS)
  .map(([, condition], i) => `(case when ${condition} then ${1 << i} else 0 end)`)
  .join(" | ");

/**
 * The modalities a listing offers, one bit each of therapists.modality_bits (bit i for the i-th
 * entry of MODALITIES), generated from modality_slugs like filter_bits. A modality added to the
 * vocabulary gets the next bit through a migration; a slug without a bit is searched through
 * modality_slugs itself (searchConditions).
 */
export const MODALITY_BITS: ReadonlyMap<string, number> = new Map(MODALITIES.map((m, i) => [m.slug, 1 << i]));
const modalityBitsSql = [...MODALITY_BITS]
  .map(([slug, bit]) => `(case when '${slug}' = any(modality_slugs) then ${bit} else 0 end)`)
  .join(" | ");

/**
 * What the search's covering indexes carry besides their key (migration 0022; drizzle-kit cannot
 * express INCLUDE, so the migration writes it out and db/schema.ts declares the keys): the id
 * and name a page needs, the earth point (the cube operator class cannot return its GiST key),
 * the state (licence filter in states without a statewide licence), the score, the filter bits
 * and the price range. Filters on anything else (a name, an insurance plan, a language, a
 * gender) read the table, but for a name where every entry of a place or a state is read: the
 * latitude bands' and the state names' indexes carry practice_name too (migration 0030).
 */
export const SEARCH_INDEX_INCLUDE = ["earth", "id", "display_name", "state", "criteria_score", "filter_bits", "modality_bits", "price_min", "price_max"] as const;

/**
 * Bands per degree of latitude: therapists_latitude_band_idx is keyed by the band
 * (floor(latitude x this)) and the longitude, so that a radius is read as one range of
 * longitudes per band (db/queries/radius-bounds.ts). Narrower bands read fewer entries outside
 * the radius and cost one more descent of the B-tree each (a 100-mile radius spans 145 bands, a
 * 10-mile one 15). The search writes the same expression (latitudeBand) so that it matches the index.
 */
export const LATITUDE_BANDS_PER_DEGREE = 50;
export const latitudeBand = (latitude: unknown) => sql`(floor(${latitude} * ${sql.raw(String(LATITUDE_BANDS_PER_DEGREE))})::int)`;

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

// ---------------------------------------------------------------------------
// Accounts (the tables @auth/drizzle-adapter expects, plus a role)

export const userRole = pgEnum("user_role", ["therapist", "admin"]);

export const users = pgTable("users", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").unique(),
  emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
  image: text("image"),
  role: userRole("role").notNull().default("therapist"),
  createdAt: createdAt(),
});

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index("accounts_user_idx").on(t.userId)],
);

export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// ---------------------------------------------------------------------------
// Reference data, loaded from files in the repo (db/reference)

export const modalities = pgTable("modalities", {
  slug: text("slug").primaryKey(),
  name: text("name").notNull(),
  summary: text("summary").notNull(),
  description: text("description").notNull(),
  whatToExpect: text("what_to_expect").notNull(),
  sortOrder: smallint("sort_order").notNull(),
});

export const stateRegulation = pgEnum("state_regulation", [
  "license",
  "registration",
  "certification",
  "voluntary_certification",
  "none",
]);

// A source of a state entry: its shape is validated in db/reference/state-licensing.ts.
export type { StateSource };

export const stateLicensing = pgTable("state_licensing", {
  code: char("code", { length: 2 }).primaryKey(),
  name: text("name").notNull(),
  regulation: stateRegulation("regulation").notNull(),
  credentialTitles: text("credential_titles").array().notNull(),
  boardName: text("board_name"),
  boardUrl: text("board_url"),
  lookupUrl: text("lookup_url"),
  minTrainingHours: integer("min_training_hours"),
  // null: not established from a source; [] : none (no statewide regulation)
  exams: text("exams").array(),
  continuingEducation: text("continuing_education"),
  localLicensing: text("local_licensing"),
  patientNote: text("patient_note").notNull(),
  unknownFields: text("unknown_fields").array().notNull(),
  confidence: text("confidence").notNull(),
  sources: jsonb("sources").$type<StateSource[]>().notNull(),
  lastReviewed: date("last_reviewed").notNull(),
});

// ---------------------------------------------------------------------------
// Therapists

export const sciaticaExperience = pgEnum("sciatica_experience", ["none", "some", "extensive"]);
export const ncbtmbStatus = pgEnum("ncbtmb_status", ["not_certified", "self_reported", "verified", "lapsed"]);
// An administrator's check of a credential the therapist states (the school's accreditation,
// association membership): self_reported until checked; checked (confirmed against `source`);
// unconfirmed (looked up, could not be confirmed). Only administrators set checked/unconfirmed;
// an owner's edit of what was checked returns it to self_reported (db/queries/listings.ts).
export const credentialCheckStatus = pgEnum("credential_check_status", ["self_reported", "checked", "unconfirmed"]);

export const therapists = pgTable(
  "therapists",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    displayName: text("display_name").notNull(),
    practiceName: text("practice_name"),
    bio: text("bio").notNull().default(""),
    phone: text("phone"),
    email: text("email"),
    website: text("website"),
    addressLine: text("address_line"),
    city: text("city").notNull(),
    state: char("state", { length: 2 }).notNull(),
    zip: char("zip", { length: 5 }).notNull(),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
    inClinic: boolean("in_clinic").notNull().default(true),
    mobile: boolean("mobile").notNull().default(false),
    acceptingNewClients: boolean("accepting_new_clients").notNull().default(true),
    yearsInPractice: smallint("years_in_practice"),
    sciaticaExperience: sciaticaExperience("sciatica_experience").notNull().default("none"),
    sciaticaDescription: text("sciatica_description"),
    acceptsPhysicianReferrals: boolean("accepts_physician_referrals").notNull().default(false),
    acceptsInsurance: boolean("accepts_insurance").notNull().default(false),
    insurancePlans: text("insurance_plans").array().notNull().default(sql`'{}'::text[]`),
    offersSuperbills: boolean("offers_superbills").notNull().default(false),
    acceptsHsaFsa: boolean("accepts_hsa_fsa").notNull().default(false),
    // Price of a 60-minute session, in whole US dollars.
    priceMin: smallint("price_min"),
    priceMax: smallint("price_max"),
    languages: text("languages").array().notNull().default(sql`'{English}'::text[]`),
    wheelchairAccessible: boolean("wheelchair_accessible").notNull().default(false),
    // The therapist's gender in their own words, only if they choose to state it (never
    // required). Search offers as choices only the values therapists have stated.
    gender: text("gender"),
    accessibilityNotes: text("accessibility_notes"),
    schoolName: text("school_name"),
    schoolAccredited: boolean("school_accredited").notNull().default(false),
    schoolCheck: credentialCheckStatus("school_check").notNull().default("self_reported"),
    schoolCheckedAt: timestamp("school_checked_at", { withTimezone: true }),
    schoolCheckedById: text("school_checked_by_id").references(() => users.id, { onDelete: "set null" }),
    // The look-up address used or the document seen.
    schoolCheckSource: text("school_check_source"),
    associations: text("associations").array().notNull().default(sql`'{}'::text[]`),
    associationsCheck: credentialCheckStatus("associations_check").notNull().default("self_reported"),
    associationsCheckedAt: timestamp("associations_checked_at", { withTimezone: true }),
    associationsCheckedById: text("associations_checked_by_id").references(() => users.id, { onDelete: "set null" }),
    associationsCheckSource: text("associations_check_source"),
    ncbtmbStatus: ncbtmbStatus("ncbtmb_status").notNull().default("not_certified"),
    ncbtmbNumber: text("ncbtmb_number"),
    ncbtmbVerifiedAt: timestamp("ncbtmb_verified_at", { withTimezone: true }),
    // What an administrator checked the certification against (the look-up used or the document
    // seen); null while self-reported.
    ncbtmbCheckSource: text("ncbtmb_check_source"),
    // Opening hours as the therapist writes them (free text, shown as text).
    hours: text("hours"),
    // Why an administrator unpublished the listing (null when not moderated).
    moderationNote: text("moderation_note"),
    // An administrator's unpublish locks the listing: while lockedAt is set nobody publishes it
    // until an administrator lifts the lock (liftLock in db/queries/moderation.ts); the reason
    // is moderationNote. A check constraint keeps a locked listing unpublished whatever writes it.
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    lockedById: text("locked_by_id").references(() => users.id, { onDelete: "set null" }),
    // The owner's request that an administrator review a locked listing (null when none waits).
    reviewRequestedAt: timestamp("review_requested_at", { withTimezone: true }),
    reviewRequestNote: text("review_request_note"),
    // The texts patients read (lib/therapists/medical-claims.ts SCREENED_TEXT_FIELDS) as an
    // administrator last approved them, and since when a published change waits for review
    // (null when nothing waits). Written only by the data layer (db/queries/text-review.ts):
    // an owner's save or publication queues a change; only an administrator approves or reverts.
    approvedText: jsonb("approved_text").$type<Record<string, string | string[] | null>>(),
    textReviewRequestedAt: timestamp("text_review_requested_at", { withTimezone: true }),
    // When the owner last confirmed, in one click, that the listing is still current (null:
    // never). Shown on the profile; after 12 months the profile says so and the dashboard asks.
    confirmedCurrentAt: timestamp("confirmed_current_at", { withTimezone: true }),
    // The owner turned the profile's message form off (patients can still call, e-mail or visit
    // the website). Messages are sent only to a listing with a public e-mail and this off.
    messagesOff: boolean("messages_off").notNull().default(false),
    // Denormalised copy of therapist_modalities for the indexed search filter; the data
    // layer writes both in one transaction.
    modalitySlugs: text("modality_slugs").array().notNull().default(sql`'{}'::text[]`),
    // Maintained by database triggers (migration 0004), never written by the app: whether the
    // licence in the therapist's own state is active and checked with the board with nothing
    // against it, and how many of the six selection criteria (lib/criteria.ts) are met. Stored
    // so that "best match" and "licence checked" are indexed at national scale.
    homeLicenseChecked: boolean("home_license_checked").notNull().default(false),
    // The same, counting a self-reported (unchecked) home licence too, for searches that
    // include self-reported credentials. Nothing checked against it (expired, disciplinary).
    homeLicenseClaimed: boolean("home_license_claimed").notNull().default(false),
    criteriaScore: smallint("criteria_score").notNull().default(0),
    // ll_to_earth(latitude, longitude), stored so that searches index and read it directly.
    earth: cube("earth")
      .notNull()
      .generatedAlwaysAs(sql`ll_to_earth(latitude, longitude)`),
    // The yes/no filters and the modalities as bits (FILTER_BITS, MODALITY_BITS above), for the
    // covering search indexes; generated after the triggers have set the derived columns.
    filterBits: integer("filter_bits")
      .notNull()
      .generatedAlwaysAs(sql.raw(filterBitsSql)),
    modalityBits: integer("modality_bits")
      .notNull()
      .generatedAlwaysAs(sql.raw(modalityBitsSql)),
    isDemo: boolean("is_demo").notNull().default(false),
    // The national provider registry (NPPES): the listing's NPI when it was imported
    // (npm run import:registry, db/queries/registry.ts), the registry's facts as last imported
    // (kept beside what the owner edits, for the administrator to compare), the registry's
    // "Last Update Date", and the deactivation that unpublished it (null when none did). An
    // imported listing nobody has claimed ranks below every claimed one (criteria_score -1).
    npi: text("npi"),
    registryFacts: jsonb("registry_facts").$type<RegistryFacts>(),
    registryUpdatedOn: date("registry_updated_on"),
    registryDeactivatedOn: date("registry_deactivated_on"),
    published: boolean("published").notNull().default(false),
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("therapists_modalities_idx").using("gin", t.modalitySlugs),
    index("therapists_name_trgm_idx").using(
      "gin",
      sql`(lower(${t.displayName} || ' ' || coalesce(${t.practiceName}, ''))) gin_trgm_ops`,
    ),
    index("therapists_state_idx").on(t.state),
    index("therapists_owner_idx").on(t.ownerId),
    // Whole-state and national searches, sorted by best match or by name, read these in order.
    // Migrations 0007 and 0008 make these two covering (INCLUDE the filter columns, which drizzle-kit
    // cannot express): a state search tests its filters on the index entries alone. Migration 0030
    // adds practice_name to the names' index: a name search reads a state's entries from it alone.
    index("therapists_state_best_idx")
      .on(t.state, t.criteriaScore.desc(), sql`lower(${t.displayName})`, t.id)
      .where(sql`${t.published}`),
    index("therapists_state_name_idx").on(t.state, sql`lower(${t.displayName})`, t.id).where(sql`${t.published}`),
    // Nearest first (earth <-> centre) and radius searches that cannot use the bands below
    // (earth_box(...) @> earth) read this.
    index("therapists_earth_published_idx").using("gist", t.earth).where(sql`${t.published}`),
    // Every entry within a radius (the exact counts, and searches with few matches, which read
    // every match and sort them): one range of longitudes per band of latitude, about half the
    // time an entry of the GiST index takes. Migration 0029 makes it covering (SEARCH_INDEX_INCLUDE
    // and the latitude, which an index-only scan needs under the band's expression); 0030 adds
    // practice_name, so that a name search tests the name on the entries alone.
    index("therapists_latitude_band_idx").on(latitudeBand(t.latitude), t.longitude).where(sql`${t.published}`),
    ...CRITERIA_SCORE_LEVELS.map((level) =>
      index(`therapists_earth_score${level < 0 ? `_minus${-level}` : level}_idx`)
        .using("gist", t.earth)
        .where(sql`${t.published} and ${t.criteriaScore} = ${sql.raw(String(level))}`),
    ),
    // Imported registry listings nobody has claimed: one level below every claimed listing.
    index("therapists_earth_unclaimed_idx")
      .using("gist", t.earth)
      .where(sql`${t.published} and ${t.criteriaScore} = ${sql.raw(String(UNCLAIMED_REGISTRY_SCORE))}`),
    uniqueIndex("therapists_npi_idx").on(t.npi),
    // The 1-in-16 sample that estimates counts (SAMPLE_PREDICATE): within a radius through the
    // latitude bands like every match (a radius with no box, around a pole or across the 180th
    // meridian, reads the GiST index above instead), within a state by the state. Migrations 0022
    // and 0029 make both covering (the filters' columns too).
    index("therapists_latitude_band_sample_idx").on(latitudeBand(t.latitude), t.longitude).where(sql`${t.published} and ${sql.raw(SAMPLE_PREDICATE)}`),
    index("therapists_state_sample_idx").on(t.state).where(sql`${t.published} and ${sql.raw(SAMPLE_PREDICATE)}`),
    // "Lowest price first" (sort=price) nationally and within a state reads these in order.
    index("therapists_price_idx")
      .on(sql`coalesce(${t.priceMin}, ${t.priceMax})`, sql`lower(${t.displayName})`, t.id)
      .where(sql`${t.published}`),
    index("therapists_state_price_idx")
      .on(t.state, sql`coalesce(${t.priceMin}, ${t.priceMax})`, sql`lower(${t.displayName})`, t.id)
      .where(sql`${t.published}`),
    index("therapists_best_idx").on(t.criteriaScore.desc(), sql`lower(${t.displayName})`, t.id).where(sql`${t.published}`),
    // "By name" near a place with many matches walks names in order and tests the place and the
    // filters on the entries (migration 0023 makes it covering): it stops after the page.
    index("therapists_name_idx").on(sql`lower(${t.displayName})`, t.id).where(sql`${t.published}`),
    check("therapists_locked_unpublished", sql`not (${t.published} and ${t.lockedAt} is not null)`),
    // The administrator's queue of review requests, oldest first.
    index("therapists_review_requested_idx").on(t.reviewRequestedAt).where(sql`${t.reviewRequestedAt} is not null`),
    // The administrator's queue of text changes to review, oldest first.
    index("therapists_text_review_idx").on(t.textReviewRequestedAt).where(sql`${t.textReviewRequestedAt} is not null`),
    // A check is of something stated: nothing checked stands without it.
    check("therapists_school_check_stated", sql`${t.schoolCheck} <> 'checked' or (${t.schoolAccredited} and ${t.schoolName} is not null)`),
    check("therapists_associations_check_stated", sql`${t.associationsCheck} <> 'checked' or cardinality(${t.associations}) > 0`),
  ],
);

export const therapistModalities = pgTable(
  "therapist_modalities",
  {
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id, { onDelete: "cascade" }),
    modalitySlug: text("modality_slug")
      .notNull()
      .references(() => modalities.slug),
  },
  // No index on modality_slug: nothing reads these rows by modality (searches and the modality
  // pages read therapists.modality_slugs and its bits), and modalities are never deleted, so
  // the foreign key never looks rows up by it (migration 0027 dropped the index).
  (t) => [primaryKey({ columns: [t.therapistId, t.modalitySlug] })],
);

export const licenseStatus = pgEnum("license_status", ["active", "expired", "disciplinary_action", "unknown"]);

export const licenses = pgTable(
  "licenses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id, { onDelete: "cascade" }),
    state: char("state", { length: 2 }).notNull(),
    number: text("number").notNull(),
    credentialTitle: text("credential_title").notNull(),
    status: licenseStatus("status").notNull().default("unknown"),
    // null: self-reported, not yet checked against the state board.
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    verifiedById: text("verified_by_id").references(() => users.id, { onDelete: "set null" }),
    // Where the status came from: "self-reported", "state board look-up", "demo data".
    source: text("source").notNull().default("self-reported"),
    note: text("note"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("licenses_therapist_idx").on(t.therapistId),
    uniqueIndex("licenses_therapist_state_number_idx").on(t.therapistId, t.state, t.number),
    index("licenses_unverified_idx").on(t.createdAt).where(sql`${t.verifiedAt} is null`),
  ],
);

// Proof a therapist attaches to a credential claim (a licence card, certificate or diploma):
// PDF, PNG or JPEG up to 5 MB, its type checked by content (lib/proofs/file-check.ts). Stored in
// the database so several app servers share it; read only by the listing's owner and
// administrators (app/proofs/[id]/route.ts). A licence's proofs go with the licence; the others
// with the listing. An administrator's check deletes the proof unless they keep it.
export const proofCredential = pgEnum("proof_credential", ["license", "ncbtmb", "school", "associations"]);
export const PROOF_MAX_BYTES = 5 * 1024 * 1024;

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export const credentialProofs = pgTable(
  "credential_proofs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id, { onDelete: "cascade" }),
    credential: proofCredential("credential").notNull(),
    // Set for (and only for) a licence's proof.
    licenseId: uuid("license_id").references(() => licenses.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    data: bytea("data").notNull(),
    uploadedById: text("uploaded_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("credential_proofs_therapist_idx").on(t.therapistId, t.credential),
    index("credential_proofs_license_idx").on(t.licenseId),
    check("credential_proofs_license_kind", sql`(${t.credential} = 'license') = (${t.licenseId} is not null)`),
    check("credential_proofs_type", sql`${t.mimeType} in ('application/pdf', 'image/png', 'image/jpeg')`),
    check("credential_proofs_size", sql`${t.byteSize} between 1 and ${sql.raw(String(PROOF_MAX_BYTES))} and octet_length(${t.data}) = ${t.byteSize}`),
  ],
);

// Append-only: every change to a profile, who made it, and the old and new values.
export type FieldChange = { old: unknown; new: unknown };

export const profileRevisions = pgTable(
  "profile_revisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull(),
    changes: jsonb("changes").$type<Record<string, FieldChange>>().notNull(),
    reason: text("reason"),
    createdAt: createdAt(),
  },
  (t) => [index("profile_revisions_therapist_idx").on(t.therapistId, t.createdAt)],
);

// A therapist asks to take over an existing listing. Approved by an administrator, or at once
// when the account's e-mail is the listing's public e-mail.
export const claimStatus = pgEnum("claim_status", ["pending", "approved", "refused"]);
// How a claimant proves the listing is theirs (db/queries/claims.ts): the account's e-mail is
// the listing's public e-mail; a link sent to that public e-mail was opened by the claimant; a
// licence number that matches one on the listing (for an administrator to check); or a note for
// the administrator.
export const claimProof = pgEnum("claim_proof", ["account_email", "email_link", "licence", "note"]);

export const listingClaims = pgTable(
  "listing_claims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: claimStatus("status").notNull().default("pending"),
    message: text("message"),
    proof: claimProof("proof"),
    // The licence number the claimant gave (proof "licence"), as typed.
    licenceNumber: text("licence_number"),
    // Proof "email_link": where the link went, the SHA-256 of its token, and when it was opened.
    emailSentTo: text("email_sent_to"),
    emailTokenHash: text("email_token_hash"),
    emailConfirmedAt: timestamp("email_confirmed_at", { withTimezone: true }),
    // Proof "licence": the file the claimant sent with the number (checked as credential proofs
    // are, lib/proofs/file-check.ts), for the administrator only; erased when the claim is decided.
    proofFile: bytea("proof_file"),
    proofFileName: text("proof_file_name"),
    proofMimeType: text("proof_mime_type"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedById: text("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decisionNote: text("decision_note"),
    createdAt: createdAt(),
  },
  (t) => [
    index("listing_claims_status_idx").on(t.status, t.createdAt),
    // One open claim per account and listing.
    uniqueIndex("listing_claims_open_idx").on(t.therapistId, t.userId).where(sql`${t.status} = 'pending'`),
    check(
      "listing_claims_proof_file",
      sql`${t.proofFile} is null or (${t.proofMimeType} in ('application/pdf', 'image/png', 'image/jpeg') and octet_length(${t.proofFile}) between 1 and 5242880 and ${t.proofFileName} is not null)`,
    ),
  ],
);

// A practitioner asks that their imported registry listing be removed, with the claim's proof
// (the NPI and a licence number on the listing, plus a file or a note). An administrator
// decides; an approved removal unpublishes the listing and keeps its NPI out of later imports.
export const registryRemovals = pgTable(
  "registry_removals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    npi: text("npi").notNull(),
    therapistId: uuid("therapist_id").references(() => therapists.id, { onDelete: "set null" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    licenceNumber: text("licence_number").notNull(),
    message: text("message"),
    status: claimStatus("status").notNull().default("pending"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedById: text("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("registry_removals_status_idx").on(t.status, t.createdAt),
    uniqueIndex("registry_removals_approved_idx").on(t.npi).where(sql`${t.status} = 'approved'`),
  ],
);

// "Report incorrect information": anyone, signed in or not, tells the administrators what is
// wrong on a profile. The reporter's e-mail (optional, for follow-up) is shown to administrators
// only, never publicly or to the therapist, and is erased when the report is closed.
export const reportOutcome = pgEnum("report_outcome", ["changed", "no_change"]);

export const listingReports = pgTable(
  "listing_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id, { onDelete: "cascade" }),
    kinds: text("kinds").array().notNull().default(sql`'{}'::text[]`),
    details: text("details").notNull().default(""),
    reporterEmail: text("reporter_email"),
    createdAt: createdAt(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedById: text("closed_by_id").references(() => users.id, { onDelete: "set null" }),
    outcome: reportOutcome("outcome"),
    closeNote: text("close_note"),
  },
  (t) => [index("listing_reports_open_idx").on(t.createdAt).where(sql`${t.closedAt} is null`)],
);

// Fixed-window counters (sign-in requests per address and per e-mail), in the database so
// that the limit holds across several app servers.
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }).notNull(),
    count: integer("count").notNull().default(0),
    // When the window ends. Rows are cleared by this, never by the clearing caller's own window
    // length: keys have windows from 15 minutes to a day.
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limits_expires_idx").on(t.expiresAt)],
);

// Demo mode only (no SMTP configured): sign-in e-mails are kept here and shown at /dev/outbox.
// The demo stands in for the recipients' mailboxes: a patient's message to a therapist is kept
// with its reply-to address and text, as the therapist would receive it.
export const devOutbox = pgTable("dev_outbox", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  url: text("url").notNull(),
  replyTo: text("reply_to"),
  body: text("body"),
  createdAt: createdAt(),
});

// A patient's message to a therapist through the profile's form (lib/contact), kept only until
// it is delivered by e-mail (then deleted), or at most 7 days while delivery keeps failing
// (then purged). The listing keeps only a count (listing_weekly_counts). No health details
// are asked for; the form says not to include any.
export const contactMessages = pgTable(
  "contact_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id, { onDelete: "cascade" }),
    senderName: text("sender_name").notNull(),
    senderEmail: text("sender_email"),
    senderPhone: text("sender_phone"),
    lookingFor: text("looking_for").notNull(),
    preferredTimes: text("preferred_times"),
    attempts: smallint("attempts").notNull().default(0),
    lastError: text("last_error"),
    // When the next delivery attempt is due (after a failure, with a growing wait).
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    index("contact_messages_due_idx").on(t.nextAttemptAt),
    index("contact_messages_created_idx").on(t.createdAt),
    check("contact_messages_reply_way", sql`${t.senderEmail} is not null or ${t.senderPhone} is not null`),
  ],
);

// How often a listing's public profile was shown and how many messages were sent through its
// form, per week (the week starts on Monday, UTC). One counter row per listing and week: no
// visitor, address or cookie is recorded, only the totals.
export const listingWeeklyCounts = pgTable(
  "listing_weekly_counts",
  {
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id, { onDelete: "cascade" }),
    weekStart: date("week_start", { mode: "string" }).notNull(),
    views: integer("views").notNull().default(0),
    messages: integer("messages").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.therapistId, t.weekStart] })],
);

// Small facts about the database itself, e.g. when the demo data was seeded.
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: updatedAt(),
});

export type Therapist = typeof therapists.$inferSelect;
export type NewTherapist = typeof therapists.$inferInsert;
export type License = typeof licenses.$inferSelect;
export type NewLicense = typeof licenses.$inferInsert;
export type Modality = typeof modalities.$inferSelect;
export type StateLicensing = typeof stateLicensing.$inferSelect;
export type ListingClaim = typeof listingClaims.$inferSelect;
export type ListingReport = typeof listingReports.$inferSelect;
export type ProfileRevision = typeof profileRevisions.$inferSelect;
export type RegistryRemoval = typeof registryRemovals.$inferSelect;
export type CredentialProof = typeof credentialProofs.$inferSelect;
export type ContactMessage = typeof contactMessages.$inferSelect;

// Photos a therapist shows patients: one portrait and up to 4 practice photos, each with the
// alt text the therapist wrote. The upload itself is never kept: lib/photos/process.ts decodes
// it, re-encodes it at each width (metadata, location included, dropped) and only those
// variants are stored, in the database so that several app servers share them.
export const photoKind = pgEnum("photo_kind", ["portrait", "practice"]);

export const therapistPhotos = pgTable(
  "therapist_photos",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => therapists.id, { onDelete: "cascade" }),
    kind: photoKind("kind").notNull(),
    alt: text("alt").notNull(),
    /** Size of the largest stored variant, for the page's width and height attributes. */
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    uploadedById: text("uploaded_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("therapist_photos_therapist_idx").on(t.therapistId, t.kind, t.createdAt),
    uniqueIndex("therapist_photos_one_portrait").on(t.therapistId).where(sql`${t.kind} = 'portrait'`),
    check("therapist_photos_alt", sql`char_length(${t.alt}) between 3 and 200`),
  ],
);

export const photoVariants = pgTable(
  "photo_variants",
  {
    photoId: uuid("photo_id")
      .notNull()
      .references(() => therapistPhotos.id, { onDelete: "cascade" }),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.photoId, t.width] }), check("photo_variants_size", sql`octet_length(${t.data}) between 1 and 2000000`)],
);
