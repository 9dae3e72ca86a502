// Only checked credentials count (issue 13). A hand-made fixture of listings at one point in
// New York, one per credential situation, with the right answer for each filter written down:
// by default a filter matches checked credentials only; with includeSelfReported it also
// matches self-reported ones, never expired, lapsed or unconfirmed ones. The criteria say
// "claimed" for a self-reported credential and count only checked ones, in JavaScript
// (lib/criteria.ts) and in the stored best-match score alike.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createListing, setListingPublished, updateListing } from "@/db/queries/listings";
import { checkCredential, listCredentialsToCheck } from "@/db/queries/moderation";
import { searchTherapists, type SearchCriteria } from "@/db/queries/search";
import { listStateRules } from "@/db/queries/states";
import { licenses, therapists, users, type NewLicense, type NewTherapist } from "@/db/schema";
import { resolveListingPlace } from "@/lib/geo/zip";
import { profileSchema, type ProfileInput } from "@/lib/validation/therapist-profile";
import { countMet, evaluateCriteria } from "@/lib/criteria";
import { testDrivers, type TestStore } from "../helpers/databases";

const AT = { latitude: 40.7484, longitude: -73.9967, state: "NY", zip: "10001", city: "New York" };
const CHECKED_ON = new Date("2026-10-02T12:00:00Z");

// slug -> the listing's credential facts (everything else is the same, nothing else met).
const LISTINGS: Record<string, Partial<NewTherapist>> = {
  "lic-checked": {},
  "lic-self": {},
  "lic-unconfirmed": {},
  "lic-expired": {},
  "ncbtmb-verified": { ncbtmbStatus: "verified", ncbtmbNumber: "100", ncbtmbVerifiedAt: CHECKED_ON },
  "ncbtmb-self": { ncbtmbStatus: "self_reported", ncbtmbNumber: "200" },
  "ncbtmb-lapsed": { ncbtmbStatus: "lapsed", ncbtmbNumber: "300" },
  "school-checked": { schoolName: "Fictional School", schoolAccredited: true, schoolCheck: "checked", schoolCheckedAt: CHECKED_ON, schoolCheckSource: "demo (fictional)" },
  "school-self": { schoolName: "Fictional School", schoolAccredited: true },
  "school-unnamed": { schoolAccredited: true },
  "school-unconfirmed": { schoolName: "Fictional School", schoolAccredited: true, schoolCheck: "unconfirmed", schoolCheckedAt: CHECKED_ON },
  "assoc-checked": { associations: ["AMTA"], associationsCheck: "checked", associationsCheckedAt: CHECKED_ON, associationsCheckSource: "demo (fictional)" },
  "assoc-self": { associations: ["ABMP"] },
  "assoc-unconfirmed": { associations: ["AMTA"], associationsCheck: "unconfirmed", associationsCheckedAt: CHECKED_ON },
  nothing: {},
};
const LICENCES: Record<string, Pick<NewLicense, "status" | "verifiedAt">> = {
  "lic-checked": { status: "active", verifiedAt: CHECKED_ON },
  "lic-self": { status: "unknown", verifiedAt: null },
  "lic-unconfirmed": { status: "unknown", verifiedAt: CHECKED_ON },
  "lic-expired": { status: "expired", verifiedAt: CHECKED_ON },
};

type Flag = "licensed" | "ncbtmb" | "accredited" | "association";
// The right answers.
const EXPECTED: Record<Flag, { checked: string[]; withSelfReported: string[] }> = {
  licensed: { checked: ["lic-checked"], withSelfReported: ["lic-checked", "lic-self"] },
  ncbtmb: { checked: ["ncbtmb-verified"], withSelfReported: ["ncbtmb-self", "ncbtmb-verified"] },
  accredited: { checked: ["school-checked"], withSelfReported: ["school-checked", "school-self", "school-unnamed"] },
  association: { checked: ["assoc-checked"], withSelfReported: ["assoc-checked", "assoc-self"] },
};

// The credentials criterion for each listing; the licence criterion likewise.
const CREDENTIALS: Record<string, "met" | "claimed" | "not_met"> = {
  "ncbtmb-verified": "met",
  "ncbtmb-self": "claimed",
  "ncbtmb-lapsed": "not_met",
  "school-checked": "met",
  "school-self": "claimed",
  "school-unnamed": "claimed",
  "school-unconfirmed": "not_met",
  "assoc-checked": "met",
  "assoc-self": "claimed",
  "assoc-unconfirmed": "not_met",
};
const LICENCE: Record<string, "met" | "claimed" | "not_met"> = {
  "lic-checked": "met",
  "lic-self": "claimed",
  "lic-unconfirmed": "not_met",
  "lic-expired": "not_met",
};

describe.each(testDrivers)("checked credentials on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    for (const [slug, facts] of Object.entries(LISTINGS)) {
      const [row] = await database.db
        .insert(therapists)
        .values({ slug, displayName: slug, bio: "", ...AT, published: true, isDemo: true, ...facts })
        .returning({ id: therapists.id });
      const lic = LICENCES[slug];
      if (lic) await database.db.insert(licenses).values({ therapistId: row!.id, state: "NY", number: `N-${slug}`, credentialTitle: "LMT", ...lic });
    }
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  const search = async (c: Partial<SearchCriteria>) =>
    (await searchTherapists(database.db, { near: { latitude: AT.latitude, longitude: AT.longitude, radiusMiles: 5 }, sort: "best", limit: 50, offset: 0, ...c })).rows
      .map((r) => r.slug)
      .sort();

  for (const flag of Object.keys(EXPECTED) as Flag[]) {
    it(`"${flag}" matches checked credentials only by default`, async () => {
      expect(await search({ [flag]: true })).toEqual(EXPECTED[flag].checked);
      expect(await search({ [flag]: true, sort: "name" })).toEqual(EXPECTED[flag].checked);
      expect(await search({ [flag]: true, near: undefined, state: "NY", sort: "name" })).toEqual(EXPECTED[flag].checked);
    });
    it(`"${flag}" with include-self-reported also matches self-reported ones, never unconfirmed or expired`, async () => {
      expect(await search({ [flag]: true, includeSelfReported: true })).toEqual(EXPECTED[flag].withSelfReported);
      expect(await search({ [flag]: true, includeSelfReported: true, near: undefined, state: "NY", sort: "best" })).toEqual(EXPECTED[flag].withSelfReported);
    });
  }

  it("the criteria say met, claimed or not met, and count only met ones, as the stored score does", async () => {
    const rules = new Map((await listStateRules(database.db)).map((r) => [r.code, r]));
    const { rows } = await searchTherapists(database.db, { state: "NY", sort: "name", limit: 50, offset: 0 });
    expect(rows).toHaveLength(Object.keys(LISTINGS).length);
    for (const r of rows) {
      const criteria = evaluateCriteria(r, rules.get(r.state));
      const credentials = criteria.find((x) => x.key === "credentials")!;
      const licence = criteria.find((x) => x.key === "license")!;
      expect(credentials.status, r.slug).toBe(CREDENTIALS[r.slug] ?? "not_met");
      expect(licence.status, r.slug).toBe(LICENCE[r.slug] ?? "not_met");
      if (credentials.status === "claimed") expect(credentials.detail, r.slug).toMatch(/claimed, not yet checked/i);
      expect(r.score, r.slug).toBe(countMet(criteria));
    }
  });

  it("best match ranks a checked credential above a claimed one", async () => {
    const ids = (await searchTherapists(database.db, { state: "NY", sort: "best", limit: 50, offset: 0 })).rows.map((r) => r.slug);
    for (const [checked, claimed] of [["ncbtmb-verified", "ncbtmb-self"], ["school-checked", "school-self"], ["assoc-checked", "assoc-self"], ["lic-checked", "lic-self"]] as const)
      expect(ids.indexOf(checked), `${checked} before ${claimed}`).toBeLessThan(ids.indexOf(claimed));
  });

  it("refuses a check of something not stated", async () => {
    await expect(
      database.db.execute(sql`update therapists set school_accredited = false where slug = 'school-checked'`),
    ).rejects.toThrow();
    await expect(database.db.execute(sql`update therapists set associations = '{}' where slug = 'assoc-checked'`)).rejects.toThrow();
  });
});

function listing(overrides: Partial<ProfileInput> = {}) {
  const p = profileSchema.parse({
    displayName: "Ada Check", practiceName: "", bio: "Ten years of deep tissue work with sciatica.", phone: "", email: "", website: "",
    addressLine: "", zip: "10001", hours: "", inClinic: true, mobile: false, acceptingNewClients: true, yearsInPractice: "",
    sciaticaExperience: "some", sciaticaDescription: "", acceptsPhysicianReferrals: false, acceptsInsurance: false, insurancePlans: "",
    offersSuperbills: false, acceptsHsaFsa: false, priceMin: "", priceMax: "", languages: "English", wheelchairAccessible: false,
    accessibilityNotes: "", schoolName: "Test School", schoolAccredited: true, associations: "AMTA, ABMP", ncbtmbStatus: "self_reported",
    ncbtmbNumber: "NC-1", modalitySlugs: ["swedish"], licenses: [],
    // Not a form field: an owner cannot mark their own credential checked.
    schoolCheck: "checked",
    ...overrides,
  } as ProfileInput);
  const where = resolveListingPlace(p.zip);
  if (!where.ok) throw new Error("unknown ZIP");
  return { profile: p, place: where.place };
}

describe.each(testDrivers)("administrators' checks and owners' edits on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;
  let owner: string;
  let admin: string;
  let id: string;
  let version: number;

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    owner = (await database.db.insert(users).values({ email: "owner@example.org" }).returning({ id: users.id }))[0]!.id;
    admin = (await database.db.insert(users).values({ email: "admin@example.org", role: "admin" }).returning({ id: users.id }))[0]!.id;
    const created = await createListing(database.db, { userId: owner, ...listing() });
    if (!created.ok) throw new Error("not created");
    id = created.id;
    const published = await setListingPublished(database.db, { id, userId: owner, published: true, version: 1 });
    if (!published.ok) throw new Error("not published");
    version = published.version;
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  const row = async () => (await database.db.select().from(therapists).where(eq(therapists.id, id)))[0]!;
  const found = async (c: Partial<SearchCriteria>) =>
    (await searchTherapists(database.db, { state: "NY", sort: "best", limit: 50, offset: 0, ...c })).rows.map((r) => r.id).includes(id);
  const check = (credential: "ncbtmb" | "school" | "associations", stated: string, result: "checked" | "unconfirmed" = "checked") =>
    checkCredential(database.db, { adminId: admin, therapistId: id, credential, result, stated, source: "https://example.org/lookup (test)", note: "", checkedOn: "2026-11-01" });

  it("starts self-reported whatever the owner sends, and waits in the administrators' queue", async () => {
    const r = await row();
    expect([r.schoolCheck, r.associationsCheck, r.ncbtmbStatus]).toEqual(["self_reported", "self_reported", "self_reported"]);
    const queued = (await listCredentialsToCheck(database.db)).find((q) => q.id === id)!;
    expect([queued.needsNcbtmb, queued.needsSchool, queued.needsAssociations]).toEqual([true, true, true]);
    expect(await found({ accredited: true })).toBe(false);
    expect(await found({ accredited: true, includeSelfReported: true })).toBe(true);
  });

  it("records a check in one transaction with a revision; refuses one of something the owner has since changed", async () => {
    expect(await check("school", "Another School")).toEqual({ ok: false, reason: "changed" });
    const before = await row();
    const done = await check("school", "Test School");
    expect(done.ok).toBe(true);
    // What the owner's e-mail will say once the check has committed (app/admin/actions.ts).
    expect(done).toMatchObject({
      notice: { ownerEmail: "owner@example.org", therapistId: id, what: "the accreditation of Test School", result: "confirmed", against: "https://example.org/lookup (test)", checkedOn: "2026-11-01" },
    });
    const r = await row();
    expect(r.schoolCheck).toBe("checked");
    expect(r.schoolCheckedById).toBe(admin);
    expect(r.schoolCheckSource).toContain("https://example.org/lookup");
    expect(r.criteriaScore).toBe(before.criteriaScore + 1);
    expect(await found({ accredited: true })).toBe(true);
    expect((await check("associations", "AMTA, ABMP")).ok).toBe(true);
    expect((await check("ncbtmb", "NC-1")).ok).toBe(true);
    const after = await row();
    expect(after.ncbtmbStatus).toBe("verified");
    expect(await found({ ncbtmb: true })).toBe(true);
    expect(await found({ association: true })).toBe(true);
    version = after.version;
  });

  it("keeps the checks through an edit that leaves them alone, and resets the one whose subject changed", async () => {
    const kept = await updateListing(database.db, { id, userId: owner, version, ...listing({ bio: "Now fifteen years of deep tissue work with sciatica.", associations: "ABMP, AMTA", ncbtmbStatus: "self_reported", ncbtmbNumber: "NC-1" }) });
    expect(kept.ok).toBe(true);
    let r = await row();
    expect([r.schoolCheck, r.associationsCheck, r.ncbtmbStatus]).toEqual(["checked", "checked", "verified"]);
    const changed = await updateListing(database.db, { id, userId: owner, version: r.version, ...listing({ schoolName: "Other School", associations: "ABMP, AMTA, AOBTA" }) });
    expect(changed.ok).toBe(true);
    r = await row();
    expect([r.schoolCheck, r.schoolCheckedAt, r.schoolCheckSource]).toEqual(["self_reported", null, null]);
    expect(r.associationsCheck).toBe("self_reported");
    expect(r.ncbtmbStatus).toBe("verified");
    expect(await found({ accredited: true })).toBe(false);
    expect(await found({ association: true })).toBe(false);
    expect(await found({ accredited: true, includeSelfReported: true })).toBe(true);
  });

  it("refuses a check of a credential the listing does not state", async () => {
    const r = await row();
    await updateListing(database.db, { id, userId: owner, version: r.version, ...listing({ schoolName: "Other School", schoolAccredited: false, associations: "" }) });
    expect(await check("school", "Other School")).toEqual({ ok: false, reason: "not_stated" });
    expect(await check("associations", "")).toEqual({ ok: false, reason: "not_stated" });
  });
});
