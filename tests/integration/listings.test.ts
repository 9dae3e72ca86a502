// Listing writes on every test database: ownership, optimistic concurrency, revisions,
// licence resets, claims, administrators' checks, and the sign-in rate limiter.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { deleteAllSessions, countSessions, grantAdmin, hitRateLimit } from "@/db/queries/accounts";
import { claimListing, decideClaim, listPendingClaims } from "@/db/queries/claims";
import { createListing, getListingForEdit, setListingPublished, updateListing } from "@/db/queries/listings";
import { checkLicense, listLicensesToCheck, unpublishListing } from "@/db/queries/moderation";
import { listRevisions } from "@/db/queries/revisions";
import { loadStateLicensing } from "@/db/reference/state-licensing";
import { licenses, sessions, therapistModalities, therapists, users } from "@/db/schema";
import { resolveListingPlace } from "@/lib/geo/zip";
import { profileSchema, type ProfileInput } from "@/lib/validation/therapist-profile";
import { testDrivers, type TestStore } from "../helpers/databases";
import { buildTherapist } from "@/db/seed/factories";

function input(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    displayName: "Ada Test",
    practiceName: "",
    bio: "Ten years of deep tissue work.",
    phone: "(555) 010-0100",
    email: "ada@example.org",
    website: "",
    addressLine: "1 Test Street",
    zip: "10001",
    hours: "Mon-Fri 9-5",
    inClinic: true,
    mobile: false,
    acceptingNewClients: true,
    yearsInPractice: "10",
    sciaticaExperience: "extensive",
    sciaticaDescription: "Many clients with sciatica.",
    acceptsPhysicianReferrals: true,
    acceptsInsurance: false,
    insurancePlans: "",
    offersSuperbills: true,
    acceptsHsaFsa: true,
    priceMin: "80",
    priceMax: "120",
    languages: "English, Spanish",
    wheelchairAccessible: false,
    accessibilityNotes: "",
    schoolName: "Test School",
    schoolAccredited: true,
    associations: "AMTA",
    ncbtmbStatus: "not_certified",
    ncbtmbNumber: "",
    modalitySlugs: ["swedish", "deep-tissue"],
    licenses: [{ state: "NY", number: "TEST-1", credentialTitle: "LMT" }],
    ...overrides,
  };
}
const profile = (overrides: Partial<ProfileInput> = {}) => profileSchema.parse(input(overrides));
/** A profile and its place, resolved from its ZIP code as the server actions do. */
function listing(overrides: Partial<ProfileInput> = {}) {
  const p = profile(overrides);
  const where = resolveListingPlace(p.zip);
  if (!where.ok) throw new Error(`test profile with an unknown ZIP ${p.zip}`);
  return { profile: p, place: where.place };
}

describe.each(testDrivers)("listing writes on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;
  let alice: string;
  let bob: string;
  let admin: string;
  // A second owner: one account creates at most MAX_LISTINGS_PER_ACCOUNT listings.
  let ann: string;

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    const rows = await database.db
      .insert(users)
      .values([{ email: "alice@example.org" }, { email: "bob@example.org" }])
      .returning({ id: users.id });
    alice = rows[0]!.id;
    bob = rows[1]!.id;
    admin = (await grantAdmin(database.db, { email: "Admin@Example.org" })).id;
    ann = (await database.db.insert(users).values({ email: "ann@example.org" }).returning({ id: users.id }))[0]!.id;
  });

  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  it("validates a profile with the shared schema and reports fields by name", () => {
    const bad = profileSchema.safeParse(input({ zip: "1", priceMin: "200", priceMax: "100", email: "nope", licenses: [{ state: "ZZ", number: "", credentialTitle: "LMT" }] }));
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["zip", "priceMax", "email", "licenses.0.state", "licenses.0.number"]));
  });

  it("creates an unpublished listing with modalities in both places and a first revision", async () => {
    const created = await createListing(database.db, { userId: alice, ...listing() });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const [row] = await database.db.select().from(therapists).where(eq(therapists.id, created.id));
    expect(row).toMatchObject({ ownerId: alice, published: false, version: 1, city: "New York", state: "NY", modalitySlugs: ["deep-tissue", "swedish"] });
    const joined = await database.db.select().from(therapistModalities).where(eq(therapistModalities.therapistId, created.id));
    expect(joined.map((j) => j.modalitySlug).sort()).toEqual(["deep-tissue", "swedish"]);
    const history = await listRevisions(database.db, { id: created.id, userId: alice });
    expect(history).toHaveLength(1);
    expect(history![0]!.changes.displayName).toEqual({ old: null, new: "Ada Test" });
  });

  it("an unknown ZIP code is a field error before anything is written; a known one gives city, state and centroid", () => {
    expect(resolveListingPlace("00000")).toEqual({
      ok: false,
      fieldErrors: { zip: "We could not find this ZIP code. Enter the 5-digit ZIP of your practice." },
    });
    expect(resolveListingPlace("10001")).toEqual({
      ok: true,
      place: { city: "New York", state: "NY", latitude: expect.any(Number), longitude: expect.any(Number) },
    });
  });

  it("two saves from the same version: one wins, the other gets a conflict, nothing is lost", async () => {
    const created = await createListing(database.db, { userId: alice, ...listing() });
    if (!created.ok) throw new Error("create failed");
    const [a, b] = await Promise.all([
      updateListing(database.db, { id: created.id, userId: alice, version: 1, ...listing({ bio: "Saved from tab A" }) }),
      updateListing(database.db, { id: created.id, userId: alice, version: 1, ...listing({ hours: "Saved from tab B" }) }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const conflict = results.find((r) => !r.ok);
    expect(conflict).toMatchObject({ ok: false, reason: "conflict", currentVersion: 2 });
    const [row] = await database.db.select().from(therapists).where(eq(therapists.id, created.id));
    expect(row!.version).toBe(2);
    // The winner's change is there, the loser's is not, and the conflict names what changed.
    const winnerIsA = a.ok;
    expect(row!.bio).toBe(winnerIsA ? "Saved from tab A" : "Ten years of deep tissue work.");
    expect(row!.hours).toBe(winnerIsA ? "Mon-Fri 9-5" : "Saved from tab B");
    if (conflict && !conflict.ok && conflict.reason === "conflict") {
      expect(conflict.changes.map((c) => c.field)).toEqual([winnerIsA ? "bio" : "hours"]);
      expect(conflict.changes[0]!.by).toBe("alice@example.org");
    }
    // The loser, re-based on the current version, saves without losing the winner's change.
    const retry = await updateListing(database.db, {
      id: created.id,
      userId: alice,
      version: 2,
      ...listing({ bio: row!.bio, hours: "Saved from tab B" === row!.hours ? "Mon-Fri 9-5" : "Saved from tab B" }),
    });
    expect(retry).toMatchObject({ ok: true, version: 3 });
  });

  it("records who changed which fields, with old and new values", async () => {
    const created = await createListing(database.db, { userId: alice, ...listing() });
    if (!created.ok) throw new Error("create failed");
    const saved = await updateListing(database.db, {
      id: created.id,
      userId: alice,
      version: 1,
      ...listing({ displayName: "Ada Renamed", modalitySlugs: ["myofascial-release"], zip: "60601" }),
    });
    expect(saved).toEqual({ ok: true, version: 2 });
    const history = await listRevisions(database.db, { id: created.id, userId: alice });
    expect(history).toHaveLength(2);
    const latest = history![0]!;
    expect(latest.version).toBe(2);
    expect(latest.userEmail).toBe("alice@example.org");
    expect(latest.changes).toMatchObject({
      displayName: { old: "Ada Test", new: "Ada Renamed" },
      modalitySlugs: { old: ["deep-tissue", "swedish"], new: ["myofascial-release"] },
      zip: { old: "10001", new: "60601" },
      state: { old: "NY", new: "IL" },
    });
    expect(Object.keys(latest.changes)).not.toContain("bio");
    const joined = await database.db.select().from(therapistModalities).where(eq(therapistModalities.therapistId, created.id));
    expect(joined.map((j) => j.modalitySlug)).toEqual(["myofascial-release"]);
    // An unchanged save writes nothing and keeps the version.
    expect(await updateListing(database.db, { id: created.id, userId: alice, version: 2, ...listing({ displayName: "Ada Renamed", modalitySlugs: ["myofascial-release"], zip: "60601" }) })).toEqual({ ok: true, version: 2 });
    expect(await listRevisions(database.db, { id: created.id, userId: alice })).toHaveLength(2);
    // Administrators can read it; another therapist cannot.
    expect(await listRevisions(database.db, { id: created.id, userId: admin, isAdmin: true })).toHaveLength(2);
    expect(await listRevisions(database.db, { id: created.id, userId: bob })).toBeNull();
  });

  it("an administrator checks a licence; the therapist editing it sends it back to not checked", async () => {
    const created = await createListing(database.db, { userId: ann, ...listing({ licenses: [{ state: "NY", number: "CHK-1", credentialTitle: "LMT" }, { state: "NJ", number: "NJ-9", credentialTitle: "LMT" }] }) });
    if (!created.ok) throw new Error("create failed");
    const queue = await listLicensesToCheck(database.db);
    const ny = queue.find((l) => l.number === "CHK-1")!;
    expect(ny).toMatchObject({ state: "NY", therapistId: created.id, stateName: "New York" });
    // The queue carries the state's look-up address from the reviewed rules (null where none is on file).
    expect(ny.lookupUrl).toBe(loadStateLicensing().find((r) => r.code === "NY")!.lookupUrl);
    expect(await checkLicense(database.db, { adminId: admin, licenseId: ny.id, status: "active", note: "Board look-up", checkedOn: "2026-11-20" })).toEqual({
      ok: true,
      version: 2,
      // What the owner's e-mail will say, once the check has committed (app/admin/actions.ts).
      notice: { ownerEmail: "ann@example.org", therapistId: ny.therapistId, displayName: "Ada Test", what: "the licence NY CHK-1 (LMT)", result: "active", against: "the state board's look-up", checkedOn: "2026-11-20", note: "Board look-up" },
    });
    const nj = queue.find((l) => l.number === "NJ-9")!;
    await checkLicense(database.db, { adminId: admin, licenseId: nj.id, status: "active", note: "", checkedOn: "2026-11-20" });
    const checked = await database.db.select().from(licenses).where(eq(licenses.therapistId, created.id));
    expect(checked.every((l) => l.status === "active" && l.verifiedAt && l.verifiedById === admin && l.source === "state board look-up")).toBe(true);
    expect((await listLicensesToCheck(database.db)).some((l) => l.therapistId === created.id)).toBe(false);

    // The therapist edits the NY licence number and keeps NJ as it was.
    const saved = await updateListing(database.db, {
      id: created.id,
      userId: ann,
      version: 3,
      ...listing({ licenses: [{ state: "NY", number: "CHK-2", credentialTitle: "LMT" }, { state: "NJ", number: "NJ-9", credentialTitle: "LMT" }] }),
    });
    expect(saved.ok).toBe(true);
    const after = await database.db.select().from(licenses).where(eq(licenses.therapistId, created.id));
    const edited = after.find((l) => l.state === "NY")!;
    expect(edited).toMatchObject({ number: "CHK-2", status: "unknown", verifiedAt: null, verifiedById: null, source: "self-reported" });
    expect(after.find((l) => l.state === "NJ")).toMatchObject({ status: "active", source: "state board look-up" });
    const history = await listRevisions(database.db, { id: created.id, userId: ann });
    expect(history![0]!.changes.licenses).toEqual({ old: ["NJ NJ-9 (LMT)", "NY CHK-1 (LMT)"], new: ["NJ NJ-9 (LMT)", "NY CHK-2 (LMT)"] });
  });

  it("another therapist's ids get not-found and change nothing", async () => {
    const created = await createListing(database.db, { userId: ann, ...listing() });
    if (!created.ok) throw new Error("create failed");
    const before = await database.db.select().from(therapists).where(eq(therapists.id, created.id));
    expect(await getListingForEdit(database.db, { id: created.id, userId: bob })).toBeNull();
    expect(await updateListing(database.db, { id: created.id, userId: bob, version: 1, ...listing({ displayName: "Hijacked" }) })).toEqual({ ok: false, reason: "not_found" });
    expect(await setListingPublished(database.db, { id: created.id, userId: bob, published: true })).toEqual({ ok: false, reason: "not_found" });
    const after = await database.db.select().from(therapists).where(eq(therapists.id, created.id));
    expect(after).toEqual(before);
    expect(await listRevisions(database.db, { id: created.id, userId: ann })).toHaveLength(1);
    // The owner and an administrator can.
    expect(await setListingPublished(database.db, { id: created.id, userId: ann, published: true })).toEqual({ ok: true, version: 2 });
    expect(await unpublishListing(database.db, { id: created.id, adminId: admin, reason: "Spam" })).toEqual({ ok: true, version: 3 });
    const [moderated] = await database.db.select().from(therapists).where(eq(therapists.id, created.id));
    expect(moderated).toMatchObject({ published: false, moderationNote: "Spam" });
  });

  it("claims: automatic when the e-mails match, otherwise an administrator decides", async () => {
    const matching = buildTherapist({ email: "Bob@Example.org", isDemo: false });
    const other = buildTherapist({ email: "someone-else@example.org", isDemo: false });
    await database.db.insert(therapists).values([matching, other]);
    expect(await claimListing(database.db, { id: matching.id, userId: bob, email: "bob@example.org", proof: { kind: "note", note: "I run this practice; call the listed number." } })).toMatchObject({ ok: true, status: "approved" });
    const [owned] = await database.db.select().from(therapists).where(eq(therapists.id, matching.id));
    expect(owned!.ownerId).toBe(bob);
    // An owned listing cannot be claimed again.
    expect(await claimListing(database.db, { id: matching.id, userId: alice, email: "alice@example.org", proof: { kind: "note", note: "I run this practice; call the listed number." } })).toEqual({ ok: false, reason: "not_found" });

    expect(await claimListing(database.db, { id: other.id, userId: alice, email: "alice@example.org", proof: { kind: "note", note: "I run this practice; call the listed number." } })).toMatchObject({ ok: true, status: "pending" });
    const [stillFree] = await database.db.select().from(therapists).where(eq(therapists.id, other.id));
    expect(stillFree!.ownerId).toBeNull();
    const pending = (await listPendingClaims(database.db)).find((c) => c.therapistId === other.id)!;
    expect(pending.claimantEmail).toBe("alice@example.org");
    expect(await decideClaim(database.db, { adminId: admin, claimId: pending.id, approve: true })).toEqual({ ok: true, status: "approved" });
    const [claimed] = await database.db.select().from(therapists).where(eq(therapists.id, other.id));
    expect(claimed!.ownerId).toBe(alice);
  });

  it("rate limits per key within a window, shared by every caller of the database", async () => {
    const now = new Date("2026-11-25T10:00:00Z");
    const hits = await Promise.all(
      Array.from({ length: 7 }, () => hitRateLimit(database.db, { key: "signin:email:x@example.org", limit: 5, windowSeconds: 900, now })),
    );
    expect(hits.filter((h) => h.allowed)).toHaveLength(5);
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Another key has its own count; the next window starts again.
    expect((await hitRateLimit(database.db, { key: "signin:ip:1.2.3.4", limit: 5, windowSeconds: 900, now })).allowed).toBe(true);
    const later = new Date(now.getTime() + 900_000);
    expect(await hitRateLimit(database.db, { key: "signin:email:x@example.org", limit: 5, windowSeconds: 900, now: later })).toMatchObject({ allowed: true, count: 1 });
  });

  it("keeps a long window's count when a key with a short window clears old rows", async () => {
    // A listing's daily limit, hit 30 times since midnight; 11 hours later a first hit of an
    // hourly key clears the rows it finds out of date: the daily window is still running.
    const midnight = new Date("2026-11-26T00:00:00Z");
    for (let i = 0; i < 30; i++) await hitRateLimit(database.db, { key: "contact:listing:long-window", limit: 30, windowSeconds: 86_400, now: midnight });
    const noon = new Date(midnight.getTime() + 11 * 3_600_000);
    // The clearing is occasional; make this first hit the one that clears.
    const random = vi.spyOn(Math, "random").mockReturnValue(0);
    try {
      await hitRateLimit(database.db, { key: "contact:sender:mail:someone@example.net", limit: 5, windowSeconds: 3600, now: noon });
    } finally {
      random.mockRestore();
    }
    expect(await hitRateLimit(database.db, { key: "contact:listing:long-window", limit: 30, windowSeconds: 86_400, now: noon })).toMatchObject({
      allowed: false,
      count: 31,
    });
  });

  it("signs an account out everywhere", async () => {
    const expires = new Date(Date.now() + 86_400_000);
    await database.db.insert(sessions).values([
      { sessionToken: "s1", userId: alice, expires },
      { sessionToken: "s2", userId: alice, expires },
      { sessionToken: "s3", userId: bob, expires },
    ]);
    expect(await deleteAllSessions(database.db, { userId: alice })).toBe(2);
    expect(await countSessions(database.db, { userId: alice })).toBe(0);
    expect(await countSessions(database.db, { userId: bob })).toBe(1);
  });
});
