// Claims need proof (issue 14) on every test database: the account's e-mail is the listing's
// public e-mail (at once), a link sent to that public e-mail and opened by the claimant, a licence
// number on the listing, or a note; a claim with none cannot be sent; demo listings cannot be
// claimed; the administrator sees the evidence.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { claimListing, confirmClaimByEmail, listPendingClaims } from "@/db/queries/claims";
import { licenses, listingClaims, therapists, users } from "@/db/schema";
import { buildLicense, buildTherapist } from "@/db/seed/factories";
import { claimSchema } from "@/lib/validation/therapist-profile";
import { testDrivers, type TestStore } from "../helpers/databases";

describe("the claim form's proof", () => {
  const id = "6f1c1b8e-6a7e-4c1e-9d1e-0b7c8a1d2e3f";
  it("cannot be sent without one of the three kinds of proof and its evidence", () => {
    expect(claimSchema.safeParse({ id, proof: "", licenceNumber: "", note: "" }).success).toBe(false);
    expect(claimSchema.safeParse({ id, proof: "licence", licenceNumber: "", note: "" }).success).toBe(false);
    expect(claimSchema.safeParse({ id, proof: "note", licenceNumber: "", note: "It is me." }).success).toBe(false);
    expect(claimSchema.safeParse({ id, proof: "anything", licenceNumber: "1", note: "x".repeat(30) }).success).toBe(false);
    expect(claimSchema.parse({ id, proof: "email_link", licenceNumber: "", note: "" }).proof).toEqual({ kind: "email_link" });
    expect(claimSchema.parse({ id, proof: "licence", licenceNumber: "MT-1", note: "" }).proof).toEqual({ kind: "licence", number: "MT-1" });
  });
});

describe.each(testDrivers)("claims with proof on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;
  let ann: string;
  let bob: string;

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    const rows = await database.db.insert(users).values([{ email: "ann@example.org" }, { email: "bob@example.org" }]).returning({ id: users.id });
    ann = rows[0]!.id;
    bob = rows[1]!.id;
  });
  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  const listing = async (overrides: Parameters<typeof buildTherapist>[0] = {}) => {
    const t = buildTherapist({ isDemo: false, published: true, email: "practice@example.org", state: "NY", ...overrides });
    await database.db.insert(therapists).values(t);
    await database.db.insert(licenses).values(buildLicense(t, { state: "NY", number: "MT 012-345" }));
    return t;
  };
  const owner = async (id: string) => (await database.db.select({ ownerId: therapists.ownerId }).from(therapists).where(eq(therapists.id, id)))[0]!.ownerId;
  const note = { kind: "note" as const, note: "Call the practice number; I answer it." };

  it("refuses fictional demo listings, whatever the proof", async () => {
    const demo = await listing({ isDemo: true });
    for (const proof of [note, { kind: "email_link" as const }, { kind: "licence" as const, number: "MT012345" }]) {
      expect(await claimListing(database.db, { id: demo.id, userId: ann, email: "ann@example.org", proof })).toEqual({ ok: false, reason: "demo" });
    }
    // Not even the listing's own e-mail claims a fictional listing.
    expect(await claimListing(database.db, { id: demo.id, userId: ann, email: "practice@example.org", proof: note })).toEqual({ ok: false, reason: "demo" });
    expect(await owner(demo.id)).toBeNull();
  });

  it("by a link to the listing's public e-mail, opened by the claimant", async () => {
    const t = await listing();
    const result = await claimListing(database.db, { id: t.id, userId: ann, email: "ann@example.org", proof: { kind: "email_link" } });
    if (!result.ok || !result.emailLink) throw new Error("no link");
    expect(result.status).toBe("pending");
    expect(result.emailLink.to).toBe("practice@example.org");
    // Waiting for the claimant, not for an administrator; only the token's hash is stored.
    expect((await listPendingClaims(database.db)).map((c) => c.therapistId)).not.toContain(t.id);
    const [stored] = await database.db.select().from(listingClaims).where(eq(listingClaims.id, result.claimId));
    expect(stored!.emailTokenHash).not.toContain(result.emailLink.token);
    // Someone else holding the link cannot use it; a wrong token does nothing.
    expect(await confirmClaimByEmail(database.db, { userId: bob, token: result.emailLink.token })).toEqual({ ok: false, reason: "invalid" });
    expect(await confirmClaimByEmail(database.db, { userId: ann, token: "x".repeat(43) })).toEqual({ ok: false, reason: "invalid" });
    expect(await owner(t.id)).toBeNull();
    expect(await confirmClaimByEmail(database.db, { userId: ann, token: result.emailLink.token })).toMatchObject({ ok: true, therapistId: t.id });
    expect(await owner(t.id)).toBe(ann);
    // Used once.
    expect(await confirmClaimByEmail(database.db, { userId: ann, token: result.emailLink.token })).toEqual({ ok: false, reason: "invalid" });
  });

  it("a link expires after 48 hours, and a listing without a public e-mail offers none", async () => {
    const t = await listing();
    const result = await claimListing(database.db, { id: t.id, userId: bob, email: "bob@example.org", proof: { kind: "email_link" } });
    if (!result.ok || !result.emailLink) throw new Error("no link");
    await database.db.update(listingClaims).set({ createdAt: new Date(Date.now() - 49 * 3600_000) }).where(eq(listingClaims.id, result.claimId));
    expect(await confirmClaimByEmail(database.db, { userId: bob, token: result.emailLink.token })).toEqual({ ok: false, reason: "expired" });
    const silent = await listing({ email: null });
    expect(await claimListing(database.db, { id: silent.id, userId: bob, email: "bob@example.org", proof: { kind: "email_link" } })).toEqual({ ok: false, reason: "no_listing_email" });
  });

  it("by a licence number on the listing, or by a note, for an administrator to decide", async () => {
    const t = await listing();
    expect(await claimListing(database.db, { id: t.id, userId: bob, email: "bob@example.org", proof: { kind: "licence", number: "MT 999" } })).toEqual({ ok: false, reason: "licence_mismatch" });
    const byLicence = await claimListing(database.db, { id: t.id, userId: bob, email: "bob@example.org", proof: { kind: "licence", number: "mt012345" } });
    expect(byLicence).toMatchObject({ ok: true, status: "pending" });
    expect(await claimListing(database.db, { id: t.id, userId: bob, email: "bob@example.org", proof: note })).toEqual({ ok: false, reason: "already_waiting" });
    const byNote = await claimListing(database.db, { id: t.id, userId: ann, email: "ann@example.org", proof: note });
    expect(byNote).toMatchObject({ ok: true, status: "pending" });
    const pending = (await listPendingClaims(database.db)).filter((c) => c.therapistId === t.id);
    expect(pending.map((c) => [c.claimantEmail, c.proof, c.licenceNumber, c.message])).toEqual([
      ["bob@example.org", "licence", "mt012345", null],
      ["ann@example.org", "note", null, note.note],
    ]);
    expect(await owner(t.id)).toBeNull();
  });

  it("at once when the account's e-mail is the listing's public e-mail", async () => {
    const t = await listing({ email: "Ann@Example.org" });
    expect(await claimListing(database.db, { id: t.id, userId: ann, email: "ann@example.org", proof: note })).toMatchObject({ ok: true, status: "approved" });
    expect(await owner(t.id)).toBe(ann);
  });
});
