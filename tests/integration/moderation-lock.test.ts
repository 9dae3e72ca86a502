// The unpublish lock on every test database: after an administrator unpublishes a listing, no
// write its owner can make publishes it (publish, save with any field, claim again, asking for
// review) until an administrator lifts the lock; a non-administrator cannot lift it.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { grantAdmin } from "@/db/queries/accounts";
import { claimListing, decideClaim, listPendingClaims } from "@/db/queries/claims";
import { createListing, getListingForEdit, requestReview, setListingPublished, updateListing } from "@/db/queries/listings";
import { liftLock, listReviewRequests, unpublishListing } from "@/db/queries/moderation";
import { therapists, users } from "@/db/schema";
import { buildTherapist } from "@/db/seed/factories";
import { resolveListingPlace } from "@/lib/geo/zip";
import { profileSchema, reviewRequestNoteSchema, type Profile } from "@/lib/validation/therapist-profile";
import { testDrivers, type TestStore } from "../helpers/databases";

function listing(overrides: Record<string, unknown> = {}) {
  const profile = profileSchema.parse({
    displayName: "Lock Test",
    practiceName: "",
    bio: "Deep tissue work.",
    phone: "(555) 010-0100",
    email: "lock@example.org",
    website: "",
    addressLine: "1 Test Street",
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
    licenses: [{ state: "NY", number: "LOCK-1", credentialTitle: "LMT" }],
  });
  const where = resolveListingPlace(profile.zip);
  if (!where.ok) throw new Error("unknown ZIP");
  // Whatever else a form (or a forged request) carries is passed along as it came.
  return { profile: { ...profile, ...overrides } as Profile, place: where.place };
}

describe.each(testDrivers)("the unpublish lock on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;
  let owner: string;
  let other: string;
  let admin: string;

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    const rows = await database.db.insert(users).values([{ email: "owner@example.org" }, { email: "other@example.org" }]).returning({ id: users.id });
    owner = rows[0]!.id;
    other = rows[1]!.id;
    admin = (await grantAdmin(database.db, { email: "admin@example.org" })).id;
  });

  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  const row = async (id: string) => (await database.db.select().from(therapists).where(eq(therapists.id, id)))[0]!;

  /** A published listing of `owner` that an administrator has just unpublished. */
  async function lockedListing() {
    // One account may create only a few listings: each test starts with a fresh owner.
    owner = (await database.db.insert(users).values({ email: `owner-${crypto.randomUUID()}@example.org` }).returning({ id: users.id }))[0]!.id;
    const created = await createListing(database.db, { userId: owner, ...listing() });
    if (!created.ok) throw new Error("create failed");
    expect((await setListingPublished(database.db, { id: created.id, userId: owner, published: true })).ok).toBe(true);
    expect((await unpublishListing(database.db, { id: created.id, adminId: admin, reason: "Misleading claims in the bio" })).ok).toBe(true);
    const locked = await row(created.id);
    expect(locked).toMatchObject({ published: false, moderationNote: "Misleading claims in the bio", lockedById: admin });
    expect(locked.lockedAt).toBeInstanceOf(Date);
    return locked;
  }

  it("refuses the owner's publish with the administrator's reason", async () => {
    const locked = await lockedListing();
    expect(await setListingPublished(database.db, { id: locked.id, userId: owner, published: true })).toEqual({
      ok: false,
      reason: "locked",
      moderationNote: "Misleading claims in the bio",
    });
    // With the current version too, and even when the owner is also an administrator.
    expect((await setListingPublished(database.db, { id: locked.id, userId: owner, published: true, version: locked.version })).ok).toBe(false);
    expect((await setListingPublished(database.db, { id: locked.id, userId: owner, isAdmin: true, published: true })).ok).toBe(false);
    expect(await row(locked.id)).toMatchObject({ published: false, version: locked.version });
  });

  it("lets the owner edit a locked listing, which stays unpublished whatever the form carries", async () => {
    const locked = await lockedListing();
    const saved = await updateListing(database.db, {
      id: locked.id,
      userId: owner,
      version: locked.version,
      ...listing({ bio: "Relaxing massage.", published: true, lockedAt: null, moderationNote: null, reviewRequestedAt: null, ownerId: other }),
    });
    expect(saved).toEqual({ ok: true, version: locked.version + 1 });
    expect(await row(locked.id)).toMatchObject({ bio: "Relaxing massage.", published: false, moderationNote: "Misleading claims in the bio", ownerId: owner });
    expect((await row(locked.id)).lockedAt).toBeInstanceOf(Date);
  });

  it("cannot be claimed again, and a claim decided afterwards does not publish it", async () => {
    const locked = await lockedListing();
    expect(await claimListing(database.db, { id: locked.id, userId: owner, email: "owner@example.org", proof: { kind: "note", note: "I run this practice; call the listed number." } })).toEqual({ ok: false, reason: "not_found" });
    expect(await claimListing(database.db, { id: locked.id, userId: other, email: "lock@example.org", proof: { kind: "note", note: "I run this practice; call the listed number." } })).toEqual({ ok: false, reason: "not_found" });

    // An unowned listing, claimed while public, then locked before the administrator decides.
    const free = buildTherapist({ email: "free@example.org", isDemo: false, published: true });
    await database.db.insert(therapists).values(free);
    expect(await claimListing(database.db, { id: free.id, userId: other, email: "other@example.org", proof: { kind: "note", note: "I run this practice; call the listed number." } })).toMatchObject({ ok: true, status: "pending" });
    expect((await unpublishListing(database.db, { id: free.id, adminId: admin, reason: "Duplicate listing" })).ok).toBe(true);
    expect(await claimListing(database.db, { id: free.id, userId: owner, email: "free@example.org", proof: { kind: "note", note: "I run this practice; call the listed number." } })).toEqual({ ok: false, reason: "not_found" });
    const pending = (await listPendingClaims(database.db)).find((c) => c.therapistId === free.id)!;
    expect((await decideClaim(database.db, { adminId: admin, claimId: pending.id, approve: true })).ok).toBe(true);
    expect(await row(free.id)).toMatchObject({ ownerId: other, published: false });
    expect((await setListingPublished(database.db, { id: free.id, userId: other, published: true })).ok).toBe(false);
    expect((await row(free.id)).published).toBe(false);
  });

  it("takes the owner's review request (validated), twice, and leaves the listing unpublished", async () => {
    const locked = await lockedListing();
    expect(reviewRequestNoteSchema.safeParse("I removed the claims\u0000").success).toBe(false);
    expect(reviewRequestNoteSchema.safeParse("  ").success).toBe(false);
    const first = await requestReview(database.db, { id: locked.id, userId: owner, note: "I removed the claims." });
    expect(first.ok).toBe(true);
    const asked = await row(locked.id);
    expect(asked).toMatchObject({ published: false, reviewRequestNote: "I removed the claims." });
    expect(asked.reviewRequestedAt).toBeInstanceOf(Date);
    const second = await requestReview(database.db, { id: locked.id, userId: owner, note: "Please look again." });
    expect(second.ok).toBe(true);
    const again = await row(locked.id);
    // The second note replaces the first; the place in the queue is kept.
    expect(again).toMatchObject({ published: false, reviewRequestNote: "Please look again." });
    expect(again.reviewRequestedAt).toEqual(asked.reviewRequestedAt);
    // Another account's request looks like a missing listing; an unlocked listing has nothing to review.
    expect(await requestReview(database.db, { id: locked.id, userId: other, note: "Mine now" })).toEqual({ ok: false, reason: "not_found" });
    const open = await createListing(database.db, { userId: admin, ...listing() });
    if (!open.ok) throw new Error("create failed");
    expect(await requestReview(database.db, { id: open.id, userId: admin, note: "Hello" })).toEqual({ ok: false, reason: "not_locked" });

    const queue = await listReviewRequests(database.db);
    const mine = queue.find((q) => q.id === locked.id);
    expect(mine).toMatchObject({ reviewRequestNote: "Please look again.", moderationNote: "Misleading claims in the bio" });
    const times = queue.map((q) => q.reviewRequestedAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("is lifted only by an administrator; then the owner can publish", async () => {
    const locked = await lockedListing();
    await requestReview(database.db, { id: locked.id, userId: owner, note: "Fixed." });
    // The administration page's actions run through withAdmin; the query refuses anyone else too.
    expect(await liftLock(database.db, { id: locked.id, userId: owner, reason: "I say so", publish: true })).toEqual({ ok: false, reason: "not_found" });
    expect(await liftLock(database.db, { id: locked.id, userId: other, isAdmin: false, reason: "I say so", publish: false })).toEqual({ ok: false, reason: "not_found" });
    expect((await row(locked.id)).lockedAt).toBeInstanceOf(Date);

    const lifted = await liftLock(database.db, { id: locked.id, userId: admin, isAdmin: true, reason: "Claims removed", publish: false });
    expect(lifted.ok).toBe(true);
    expect(await row(locked.id)).toMatchObject({ published: false, lockedAt: null, lockedById: null, moderationNote: null, reviewRequestedAt: null, reviewRequestNote: null });
    expect((await listReviewRequests(database.db)).some((q) => q.id === locked.id)).toBe(false);
    expect((await setListingPublished(database.db, { id: locked.id, userId: owner, published: true })).ok).toBe(true);
    expect((await row(locked.id)).published).toBe(true);
    // The history says who locked and lifted, and why.
    const edit = await getListingForEdit(database.db, { id: locked.id, userId: owner });
    expect(edit?.therapist.lockedAt).toBeNull();
  });

  it("an administrator can lift the lock and publish in one step", async () => {
    const locked = await lockedListing();
    expect((await liftLock(database.db, { id: locked.id, userId: admin, isAdmin: true, reason: "Restored after review", publish: true })).ok).toBe(true);
    expect(await row(locked.id)).toMatchObject({ published: true, lockedAt: null, moderationNote: null });
  });

  it("the database itself refuses a published, locked listing", async () => {
    const locked = await lockedListing();
    await expect(database.db.update(therapists).set({ published: true }).where(eq(therapists.id, locked.id))).rejects.toThrow();
    expect((await row(locked.id)).published).toBe(false);
  });
});
