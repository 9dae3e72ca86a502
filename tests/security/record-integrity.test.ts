// Finding 3 (issue 12) on every test database: an administrator's findings survive the owner's
// edits. A licence is its state and number: a new title keeps its check, removing it and adding
// it back restores the check, a new number is a new unchecked licence while the old check stays
// in the history. NCBTMB "verified" / "lapsed" survive an unchanged save. One account creates
// a bounded number of listings, even all at once. Unpublished listings stay out of the claim
// search (finding 6).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { grantAdmin } from "@/db/queries/accounts";
import { claimListing, findUnclaimedListings } from "@/db/queries/claims";
import { createListing, MAX_LISTINGS_PER_ACCOUNT, updateListing } from "@/db/queries/listings";
import { checkLicense } from "@/db/queries/moderation";
import { listRevisions } from "@/db/queries/revisions";
import { licenses, therapists, users } from "@/db/schema";
import { profileSchema, type ProfileInput } from "@/lib/validation/therapist-profile";
import { testDrivers, type TestStore } from "../helpers/databases";
import { buildTherapist } from "@/db/seed/factories";
import { resolveListingPlace } from "@/lib/geo/zip";

function profile(overrides: Partial<ProfileInput> = {}) {
  return profileSchema.parse({
    displayName: "Rita Integrity", practiceName: "", bio: "Deep tissue.", phone: "", email: "", website: "", addressLine: "", zip: "10001",
    hours: "", inClinic: true, mobile: false, acceptingNewClients: true, yearsInPractice: "", sciaticaExperience: "some",
    sciaticaDescription: "", acceptsPhysicianReferrals: false, acceptsInsurance: false, insurancePlans: "", offersSuperbills: false,
    acceptsHsaFsa: false, priceMin: "", priceMax: "", languages: "", wheelchairAccessible: false, accessibilityNotes: "", schoolName: "",
    schoolAccredited: false, associations: "", ncbtmbStatus: "not_certified", ncbtmbNumber: "", modalitySlugs: ["swedish"],
    licenses: [{ state: "NY", number: "LIC-100", credentialTitle: "LMT" }],
    ...overrides,
  } satisfies ProfileInput);
}

/** A profile and its place, resolved from its ZIP code as the server actions do. */
function listing(overrides: Partial<ProfileInput> = {}) {
  const p = profile(overrides);
  const where = resolveListingPlace(p.zip);
  if (!where.ok) throw new Error(`test profile with an unknown ZIP ${p.zip}`);
  return { profile: p, place: where.place };
}

describe.each(testDrivers)("record integrity on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;
  let admin: string;
  let n = 0;

  const newAccount = async () => {
    n += 1;
    const [row] = await database.db.insert(users).values({ email: `owner-${n}@example.org` }).returning({ id: users.id });
    return row!.id;
  };
  const licenceRows = (therapistId: string) => database.db.select().from(licenses).where(eq(licenses.therapistId, therapistId));
  const versionOf = async (id: string) => (await database.db.select({ v: therapists.version }).from(therapists).where(eq(therapists.id, id)))[0]!.v;

  /** A listing with one NY licence LIC-100 that an administrator found under disciplinary action. */
  async function checkedListing() {
    const owner = await newAccount();
    const created = await createListing(database.db, { userId: owner, ...listing() });
    if (!created.ok) throw new Error(`create failed: ${created.reason}`);
    const [lic] = await licenceRows(created.id);
    const checked = await checkLicense(database.db, { adminId: admin, licenseId: lic!.id, status: "disciplinary_action", note: "Board shows a 2025 order", checkedOn: "2026-11-02" });
    expect(checked.ok).toBe(true);
    return { owner, id: created.id };
  }

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    admin = (await grantAdmin(database.db, { email: "admin@example.org" })).id;
  });

  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  it("a new credential title (or spacing of the number) keeps the administrator's check", async () => {
    const { owner, id } = await checkedListing();
    const saved = await updateListing(database.db, { id, userId: owner, version: await versionOf(id), ...listing({ licenses: [{ state: "NY", number: "lic-100", credentialTitle: "LMT." }] }) });
    expect(saved.ok).toBe(true);
    const [lic] = await licenceRows(id);
    expect(lic).toMatchObject({ credentialTitle: "LMT.", number: "lic-100", status: "disciplinary_action", verifiedById: admin, source: "state board look-up", note: "Board shows a 2025 order" });
    expect(lic!.verifiedAt?.toISOString().slice(0, 10)).toBe("2026-11-02");
  });

  it("removing a checked licence and adding it back restores its check", async () => {
    const { owner, id } = await checkedListing();
    const removed = await updateListing(database.db, { id, userId: owner, version: await versionOf(id), ...listing({ licenses: [] }) });
    expect(removed.ok).toBe(true);
    expect(await licenceRows(id)).toHaveLength(0);
    const back = await updateListing(database.db, { id, userId: owner, version: await versionOf(id), ...listing({ licenses: [{ state: "NY", number: "LIC-100", credentialTitle: "LMT" }] }) });
    expect(back.ok).toBe(true);
    const [lic] = await licenceRows(id);
    expect(lic).toMatchObject({ status: "disciplinary_action", verifiedById: admin, note: "Board shows a 2025 order" });
    expect(lic!.verifiedAt?.toISOString().slice(0, 10)).toBe("2026-11-02");
  });

  it("a new number or state is a new, unchecked licence; the old check stays in the history", async () => {
    const { owner, id } = await checkedListing();
    const saved = await updateListing(database.db, { id, userId: owner, version: await versionOf(id), ...listing({ licenses: [{ state: "NY", number: "LIC-200", credentialTitle: "LMT" }] }) });
    expect(saved.ok).toBe(true);
    const [lic] = await licenceRows(id);
    expect(lic).toMatchObject({ number: "LIC-200", status: "unknown", verifiedAt: null, verifiedById: null, source: "self-reported" });
    const history = await listRevisions(database.db, { id, userId: owner });
    const removal = history!.find((r) => r.changes.removedLicenceChecks);
    expect(removal!.changes.removedLicenceChecks!.old).toEqual([
      expect.objectContaining({ state: "NY", number: "LIC-100", status: "disciplinary_action", verifiedById: admin, note: "Board shows a 2025 order" }),
    ]);
    const moved = await updateListing(database.db, { id, userId: owner, version: await versionOf(id), ...listing({ licenses: [{ state: "NJ", number: "LIC-100", credentialTitle: "LMT" }] }) });
    expect(moved.ok).toBe(true);
    expect((await licenceRows(id))[0]).toMatchObject({ state: "NJ", status: "unknown", verifiedAt: null });
  });

  it("NCBTMB 'verified' and 'lapsed' survive the owner's unchanged save; a new number is self-reported again", async () => {
    for (const finding of ["verified", "lapsed"] as const) {
      const owner = await newAccount();
      const created = await createListing(database.db, { userId: owner, ...listing({ ncbtmbStatus: "self_reported", ncbtmbNumber: "NC-77" }) });
      if (!created.ok) throw new Error("create failed");
      const verifiedAt = new Date("2026-10-01T12:00:00Z");
      await database.db.update(therapists).set({ ncbtmbStatus: finding, ncbtmbVerifiedAt: verifiedAt }).where(eq(therapists.id, created.id));
      // The edit form shows "certified" for both; saving it unchanged must keep the finding.
      const same = await updateListing(database.db, { id: created.id, userId: owner, version: 1, ...listing({ ncbtmbStatus: "self_reported", ncbtmbNumber: "NC-77", bio: "Edited bio." }) });
      expect(same.ok).toBe(true);
      const [kept] = await database.db.select().from(therapists).where(eq(therapists.id, created.id));
      expect(kept).toMatchObject({ ncbtmbStatus: finding, ncbtmbVerifiedAt: verifiedAt, bio: "Edited bio." });
      const other = await updateListing(database.db, { id: created.id, userId: owner, version: kept!.version, ...listing({ ncbtmbStatus: "self_reported", ncbtmbNumber: "NC-78" }) });
      expect(other.ok).toBe(true);
      const [changed] = await database.db.select().from(therapists).where(eq(therapists.id, created.id));
      expect(changed).toMatchObject({ ncbtmbStatus: "self_reported", ncbtmbNumber: "NC-78", ncbtmbVerifiedAt: null });
      const history = await listRevisions(database.db, { id: created.id, userId: owner });
      expect(history![0]!.changes.ncbtmbStatus).toEqual({ old: finding, new: "self_reported" });
    }
  });

  it(`one account creates at most ${MAX_LISTINGS_PER_ACCOUNT} listings, even when it asks for 12 at once`, async () => {
    const owner = await newAccount();
    const results = await Promise.all(Array.from({ length: 12 }, () => createListing(database.db, { userId: owner, ...listing() })));
    expect(results.filter((r) => r.ok)).toHaveLength(MAX_LISTINGS_PER_ACCOUNT);
    expect(results.filter((r) => !r.ok && r.reason === "limit")).toHaveLength(12 - MAX_LISTINGS_PER_ACCOUNT);
    const owned = await database.db.select({ id: therapists.id }).from(therapists).where(eq(therapists.ownerId, owner));
    expect(owned).toHaveLength(MAX_LISTINGS_PER_ACCOUNT);
  });

  it("an unpublished listing without an owner is neither found nor claimable by other accounts", async () => {
    const hidden = buildTherapist({ displayName: "Zebulon Hiddenlisting", published: false, isDemo: false, email: "zeb@example.org" });
    const shown = buildTherapist({ displayName: "Zebulon Shownlisting", published: true, isDemo: false });
    await database.db.insert(therapists).values([hidden, shown]);
    const found = await findUnclaimedListings(database.db, { query: "Zebulon" });
    expect(found.map((r) => r.displayName)).toEqual(["Zebulon Shownlisting"]);
    const claimant = await newAccount();
    expect(await claimListing(database.db, { id: hidden.id, userId: claimant, email: "zeb@example.org", proof: { kind: "note", note: "I run this practice; call the listed number." } })).toEqual({ ok: false, reason: "not_found" });
    const [row] = await database.db.select({ ownerId: therapists.ownerId }).from(therapists).where(and(eq(therapists.id, hidden.id)));
    expect(row!.ownerId).toBeNull();
  });
});
