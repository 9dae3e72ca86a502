// Acceptance 2 of issue 13 on every test database: an administrator's check of each credential
// type (licence, NCBTMB, school accreditation, association membership) shows on the public
// profile with its date and its source, in the API's fields and in the words patients read; an
// owner's change to what was checked takes the check (and its source) away again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createListing, getListingForEdit, setListingPublished, updateListing } from "@/db/queries/listings";
import { checkCredential, checkLicense } from "@/db/queries/moderation";
import { getPublishedTherapistBySlug } from "@/db/queries/therapists";
import { users } from "@/db/schema";
import { associationsWords, schoolWords } from "@/lib/criteria";
import { resolveListingPlace } from "@/lib/geo/zip";
import { toPublicProfile } from "@/lib/therapists/public-profile";
import { formatNcbtmb } from "@/lib/therapists/vocabulary";
import { profileSchema, type ProfileInput } from "@/lib/validation/therapist-profile";
import { testDrivers, type TestStore } from "../helpers/databases";

function listing(overrides: Partial<ProfileInput> = {}) {
  const p = profileSchema.parse({
    displayName: "Cora Checked", practiceName: "", bio: "Deep tissue and myofascial work for sciatica.", phone: "", email: "", website: "",
    addressLine: "", zip: "10001", hours: "", inClinic: true, mobile: false, acceptingNewClients: true, yearsInPractice: "",
    sciaticaExperience: "some", sciaticaDescription: "", acceptsPhysicianReferrals: false, acceptsInsurance: false, insurancePlans: "",
    offersSuperbills: false, acceptsHsaFsa: false, priceMin: "", priceMax: "", languages: "English", wheelchairAccessible: false,
    accessibilityNotes: "", schoolName: "Checked School", schoolAccredited: true, associations: "AMTA", ncbtmbStatus: "self_reported",
    ncbtmbNumber: "NC-9", modalitySlugs: ["swedish"], licenses: [{ state: "NY", number: "LIC-9", credentialTitle: "LMT" }],
    ...overrides,
  } satisfies ProfileInput);
  const where = resolveListingPlace(p.zip);
  if (!where.ok) throw new Error("unknown ZIP");
  return { profile: p, place: where.place };
}

describe.each(testDrivers)("checks shown with date and source on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;
  let owner: string;
  let admin: string;
  let id: string;
  let slug: string;

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    owner = (await database.db.insert(users).values({ email: "cora@example.org" }).returning({ id: users.id }))[0]!.id;
    admin = (await database.db.insert(users).values({ email: "admin@example.org", role: "admin" }).returning({ id: users.id }))[0]!.id;
    const created = await createListing(database.db, { userId: owner, ...listing() });
    if (!created.ok) throw new Error("not created");
    ({ id, slug } = created);
    expect((await setListingPublished(database.db, { id, userId: owner, published: true })).ok).toBe(true);
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  const profile = async () => toPublicProfile((await getPublishedTherapistBySlug(database.db, { slug }))!);
  const check = (credential: "ncbtmb" | "school" | "associations", stated: string, source: string) =>
    checkCredential(database.db, { adminId: admin, therapistId: id, credential, result: "checked", stated, source, note: "", checkedOn: "2026-11-03" });

  it("before any check: no date, no source, claimed words", async () => {
    const p = await profile();
    expect([p.ncbtmb.source, p.school.source, p.associationsCheck.source]).toEqual([null, null, null]);
    // A fixed today: these checks read the same whenever the suite runs (not yet stale).
    const today = new Date("2026-12-01T12:00:00Z");
    expect(formatNcbtmb(p.ncbtmb, today)).toBe("Board certified (number NC-9), claimed, not yet checked.");
  });

  it("each credential type's check shows its date and source", async () => {
    const [lic] = (await getListingForEdit(database.db, { id, userId: owner }))!.licenses;
    expect((await checkLicense(database.db, { adminId: admin, licenseId: lic!.id, status: "active", note: "", checkedOn: "2026-11-02" })).ok).toBe(true);
    expect((await check("ncbtmb", "NC-9", "NCBTMB certificate seen (test)")).ok).toBe(true);
    expect((await check("school", "Checked School", "COMTA list (test)")).ok).toBe(true);
    expect((await check("associations", "AMTA", "AMTA membership card seen (test)")).ok).toBe(true);
    const p = await profile();
    expect(p.licenses[0]).toMatchObject({ status: "active", verifiedAt: "2026-11-02T12:00:00.000Z", source: "state board look-up" });
    expect(p.licenseNotes[0]!.text).toMatch(/checked with .+ on 2026-11-02$/);
    expect(p.ncbtmb).toEqual({ status: "verified", number: "NC-9", verifiedAt: "2026-11-03T12:00:00.000Z", source: "NCBTMB certificate seen (test)" });
    expect(p.school).toMatchObject({ check: "checked", checkedAt: "2026-11-03T12:00:00.000Z", source: "COMTA list (test)" });
    expect(p.associationsCheck).toEqual({ status: "checked", checkedAt: "2026-11-03T12:00:00.000Z", source: "AMTA membership card seen (test)" });
    // A fixed today: these checks read the same whenever the suite runs (not yet stale).
    const today = new Date("2026-12-01T12:00:00Z");
    expect(formatNcbtmb(p.ncbtmb, today)).toBe("Board certified (number NC-9), verified with NCBTMB on November 3, 2026 (source: NCBTMB certificate seen (test)).");
    expect(schoolWords(p.school, today)).toBe("Checked School, a nationally accredited programme (checked on November 3, 2026, source: COMTA list (test))");
    expect(associationsWords(p.associations, p.associationsCheck, today)).toBe("AMTA (membership checked on November 3, 2026, source: AMTA membership card seen (test))");
  });

  it("an owner's new certificate number takes the check and its source away", async () => {
    const current = (await getListingForEdit(database.db, { id, userId: owner }))!.therapist;
    const saved = await updateListing(database.db, { id, userId: owner, version: current.version, ...listing({ ncbtmbNumber: "NC-10" }) });
    expect(saved.ok).toBe(true);
    const p = await profile();
    expect(p.ncbtmb).toEqual({ status: "self_reported", number: "NC-10", verifiedAt: null, source: null });
    expect(p.school.source).toBe("COMTA list (test)");
  });
});
