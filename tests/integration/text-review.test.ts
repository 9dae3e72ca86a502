// Issue 14 on every test database: medical claims are refused at save (the table of cases is in
// tests/unit/medical-claims.test.ts); every first publication and every later change to the texts
// patients read waits in the administrator's review queue while the listing stays live; the
// administrator approves, or reverts to the last approved text with a reason; owners cannot
// clear or approve the queue themselves. Reports of incorrect information reach the
// administrator and are closed, the reporter's address erased on closing.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { grantAdmin } from "@/db/queries/accounts";
import { confirmListingCurrent, createListing, setListingPublished, updateListing } from "@/db/queries/listings";
import { unpublishListing } from "@/db/queries/moderation";
import { closeReport, createReport, listOpenReports } from "@/db/queries/reports";
import { approveText, listTextReviews, revertText } from "@/db/queries/text-review";
import { listingReports, therapists, users } from "@/db/schema";
import { insertDemoTherapists } from "@/db/seed/insert-demo";
import { resolveListingPlace } from "@/lib/geo/zip";
import { profileSchema, type Profile, type ProfileInput } from "@/lib/validation/therapist-profile";
import { testDrivers, type TestStore } from "../helpers/databases";

const input: ProfileInput = {
  displayName: "Review Test",
  practiceName: "",
  bio: "Swedish and deep tissue massage.",
  phone: "(555) 010-0100",
  email: "review@example.org",
  website: "",
  addressLine: "",
  zip: "10001",
  hours: "",
  inClinic: true,
  mobile: false,
  acceptingNewClients: true,
  yearsInPractice: "5",
  sciaticaExperience: "some",
  sciaticaDescription: "",
  acceptsPhysicianReferrals: false,
  acceptsInsurance: false,
  insurancePlans: "",
  offersSuperbills: false,
  acceptsHsaFsa: false,
  priceMin: "",
  priceMax: "",
  languages: "English",
  wheelchairAccessible: false,
  accessibilityNotes: "",
  schoolName: "",
  schoolAccredited: false,
  associations: "",
  ncbtmbStatus: "not_certified",
  ncbtmbNumber: "",
  modalitySlugs: ["swedish"],
  licenses: [],
};
const profile = (over: Partial<ProfileInput> = {}): Profile => profileSchema.parse({ ...input, ...over });
const place = (() => {
  const p = resolveListingPlace("10001");
  if (!p.ok) throw new Error("unknown ZIP");
  return p.place;
})();

describe.each(testDrivers)("text review and reports on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;
  let owner: string;
  let admin: string;

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    owner = (await database.db.insert(users).values({ email: "owner@example.org" }).returning({ id: users.id }))[0]!.id;
    admin = (await grantAdmin(database.db, { email: "admin@example.org" })).id;
  });
  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  const row = async (id: string) => (await database.db.select().from(therapists).where(eq(therapists.id, id)))[0]!;
  const waiting = async () => (await listTextReviews(database.db)).map((r) => r.id);

  it("refuses to save “I cure sciatica in 3 sessions, guaranteed.”", () => {
    const result = profileSchema.safeParse({ ...input, bio: "I cure sciatica in 3 sessions, guaranteed." });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.path[0] === "bio")?.message).toContain("“I cure sciatica");
  });

  it("queues a first publication and every later text change, while the listing stays live", async () => {
    const created = await createListing(database.db, { userId: owner, profile: profile(), place });
    if (!created.ok) throw new Error("not created");
    // Saving an unpublished listing queues nothing; publishing it does.
    const saved = await updateListing(database.db, { userId: owner, id: created.id, version: created.version, profile: profile({ bio: "Swedish massage." }), place });
    expect(saved.ok).toBe(true);
    expect(await waiting()).not.toContain(created.id);
    const published = await setListingPublished(database.db, { userId: owner, id: created.id, published: true });
    if (!published.ok) throw new Error("not published");
    expect(await waiting()).toContain(created.id);
    const first = (await listTextReviews(database.db)).find((r) => r.id === created.id)!;
    expect(first.approved).toBeNull();
    expect(first.changes.map((c) => c.field)).toEqual(["displayName", "bio"]);
    // Nothing approved yet: nothing to revert to.
    expect(await revertText(database.db, { adminId: admin, id: created.id, version: published.version, reason: "test" })).toEqual({ ok: false, reason: "nothing_approved" });
    // The owner cannot approve (the queue is not theirs to clear) and a stale version is refused.
    expect((await approveText(database.db, { adminId: admin, id: created.id, version: published.version - 1 })).ok).toBe(false);
    const approved = await approveText(database.db, { adminId: admin, id: created.id, version: published.version });
    if (!approved.ok) throw new Error("not approved");
    expect(await waiting()).not.toContain(created.id);
    expect((await row(created.id)).approvedText).toMatchObject({ displayName: "Review Test", bio: "Swedish massage." });

    // A change to a non-text field queues nothing; a text change does, and the listing stays live.
    const priced = await updateListing(database.db, { userId: owner, id: created.id, version: approved.version, profile: profile({ bio: "Swedish massage.", priceMin: "80" }), place });
    if (!priced.ok) throw new Error("not saved");
    expect(await waiting()).not.toContain(created.id);
    const changed = await updateListing(database.db, { userId: owner, id: created.id, version: priced.version, profile: profile({ bio: "Swedish massage, now on Saturdays too.", priceMin: "80" }), place });
    if (!changed.ok) throw new Error("not saved");
    expect(await waiting()).toContain(created.id);
    expect((await row(created.id)).published).toBe(true);
    const entry = (await listTextReviews(database.db)).find((r) => r.id === created.id)!;
    expect(entry.changes).toEqual([{ field: "bio", approved: "Swedish massage.", current: "Swedish massage, now on Saturdays too." }]);

    // Editing back to the approved text leaves nothing to review.
    const back = await updateListing(database.db, { userId: owner, id: created.id, version: changed.version, profile: profile({ bio: "Swedish massage.", priceMin: "80" }), place });
    if (!back.ok) throw new Error("not saved");
    expect(await waiting()).not.toContain(created.id);

    // Revert: the texts go back to the approved ones, with the reason in the history.
    const again = await updateListing(database.db, { userId: owner, id: created.id, version: back.version, profile: profile({ bio: "Best massage in town, ask for Dana.", priceMin: "80" }), place });
    if (!again.ok) throw new Error("not saved");
    const reverted = await revertText(database.db, { adminId: admin, id: created.id, version: again.version, reason: "Advertising wording" });
    if (!reverted.ok) throw new Error("not reverted");
    expect(reverted).toMatchObject({ ownerEmail: "owner@example.org", fields: ["bio"] });
    const after = await row(created.id);
    expect([after.bio, after.priceMin, after.published, after.textReviewRequestedAt]).toEqual(["Swedish massage.", 80, true, null]);
  });

  it("an owner's save cannot write the approved text or clear the queue", async () => {
    const created = await createListing(database.db, { userId: owner, profile: profile({ displayName: "Forger Test" }), place });
    if (!created.ok) throw new Error("not created");
    const published = await setListingPublished(database.db, { userId: owner, id: created.id, published: true });
    if (!published.ok) throw new Error("not published");
    const forged = { ...profile({ displayName: "Forger Test", bio: "Changed." }), approvedText: { bio: "Changed." }, textReviewRequestedAt: null } as Profile;
    const saved = await updateListing(database.db, { userId: owner, id: created.id, version: published.version, profile: forged, place });
    expect(saved.ok).toBe(true);
    const after = await row(created.id);
    expect(after.approvedText).toBeNull();
    expect(after.textReviewRequestedAt).not.toBeNull();
  });

  it("demo listings are seeded as approved: nothing of theirs waits", async () => {
    await insertDemoTherapists(database.db, { count: 20 });
    const demo = await database.db.select({ id: therapists.id, approvedText: therapists.approvedText }).from(therapists).where(eq(therapists.isDemo, true));
    expect(demo).toHaveLength(20);
    for (const d of demo) expect(d.approvedText).not.toBeNull();
    const queued = new Set(await waiting());
    expect(demo.filter((d) => queued.has(d.id))).toEqual([]);
  });

  it("records a report about a published listing, shows it to administrators, and erases the reporter's address on closing", async () => {
    const [listing] = await database.db.select({ slug: therapists.slug, id: therapists.id }).from(therapists).where(eq(therapists.isDemo, true)).limit(1);
    const created = await createReport(database.db, { slug: listing!.slug, kinds: ["contact"], details: "The phone number is out of service.", reporterEmail: "patient@example.org" });
    if (!created.ok) throw new Error("not reported");
    const open = await listOpenReports(database.db);
    expect(open.find((r) => r.id === created.id)).toMatchObject({ kinds: ["contact"], reporterEmail: "patient@example.org", therapistId: listing!.id });
    expect(await createReport(database.db, { slug: "no-such-listing", kinds: ["other"], details: "x", reporterEmail: null })).toEqual({ ok: false, reason: "not_found" });
    const closed = await closeReport(database.db, { adminId: admin, id: created.id, outcome: "changed", note: "Phone corrected" });
    expect(closed).toMatchObject({ ok: true, reporterEmail: "patient@example.org" });
    expect((await listOpenReports(database.db)).map((r) => r.id)).not.toContain(created.id);
    const [stored] = await database.db.select().from(listingReports).where(eq(listingReports.id, created.id));
    expect([stored!.reporterEmail, stored!.outcome]).toEqual([null, "changed"]);
    expect(await closeReport(database.db, { adminId: admin, id: created.id, outcome: "no_change", note: "" })).toEqual({ ok: false, reason: "not_found" });
  });

  it("a listing unpublished meanwhile cannot be reported", async () => {
    const created = await createListing(database.db, { userId: owner, profile: profile({ displayName: "Hidden Test" }), place });
    if (!created.ok) throw new Error("not created");
    expect(await createReport(database.db, { slug: created.slug, kinds: ["other"], details: "x", reporterEmail: null })).toEqual({ ok: false, reason: "not_found" });
  });

  it("the owner confirms the listing is current: dated on the profile, never publishing a locked listing", async () => {
    // Another account: one account creates at most three listings.
    const owner = (await database.db.insert(users).values({ email: "confirming-owner@example.org" }).returning({ id: users.id }))[0]!.id;
    const created = await createListing(database.db, { userId: owner, profile: profile({ displayName: "Confirm Test" }), place });
    if (!created.ok) throw new Error("not created");
    expect((await row(created.id)).confirmedCurrentAt).toBeNull();
    // Someone else cannot confirm it.
    const stranger = (await database.db.insert(users).values({ email: "stranger@example.org" }).returning({ id: users.id }))[0]!.id;
    expect(await confirmListingCurrent(database.db, { userId: stranger, id: created.id })).toEqual({ ok: false, reason: "not_found" });
    const confirmed = await confirmListingCurrent(database.db, { userId: owner, id: created.id });
    expect(confirmed.ok).toBe(true);
    const at = (await row(created.id)).confirmedCurrentAt!;
    expect(Date.now() - at.getTime()).toBeLessThan(60_000);
    // Locked by an administrator: confirming is allowed and publishes nothing.
    const published = await setListingPublished(database.db, { userId: owner, id: created.id, published: true });
    if (!published.ok) throw new Error("not published");
    await unpublishListing(database.db, { adminId: admin, id: created.id, reason: "Check the hours" });
    expect((await confirmListingCurrent(database.db, { userId: owner, id: created.id })).ok).toBe(true);
    expect((await row(created.id)).published).toBe(false);
  });
});
