// Claims need proof (issue 14) on every test database: the account's e-mail is the listing's
// public e-mail (at once), a link sent to that public e-mail and opened by the claimant, a licence
// number on the listing, or a note; a claim with none cannot be sent; demo listings cannot be
// claimed; the administrator sees the evidence.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { claimListing, confirmClaimByEmail, decideClaim, getClaimProofFile, listPendingClaims } from "@/db/queries/claims";
import { licenses, listingClaims, therapists, users } from "@/db/schema";
import { buildLicense, buildTherapist } from "@/db/seed/factories";
import { claimSchema, licenceClaimSchema } from "@/lib/validation/therapist-profile";
import { badUploads, makePng } from "../helpers/proof-files";
import type { SessionUser } from "@/lib/auth/session";
import { receiveLicenceClaim, serveClaimProof } from "@/lib/claims/claim-requests";
import { PROOF_CSP } from "@/lib/security/headers";

const SITE = "http://localhost:3000";

/** The claim page's licence form: the number and one file, as multipart to POST /claims. */
function licenceClaimRequest(listingId: string, licenceNumber: string, file: { name: string; bytes: Uint8Array } | null, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.set("licenceNumber", licenceNumber);
  if (file) form.set("file", new File([file.bytes as BlobPart], file.name));
  return new Request(`${SITE}/claims?listing=${listingId}`, { method: "POST", body: form, headers: { origin: SITE, ...headers } });
}
import { testDrivers, type TestStore } from "../helpers/databases";

describe("the claim form's proof", () => {
  const id = "6f1c1b8e-6a7e-4c1e-9d1e-0b7c8a1d2e3f";
  it("cannot be sent without one of the three kinds of proof and its evidence", () => {
    expect(claimSchema.safeParse({ id, proof: "", note: "" }).success).toBe(false);
    expect(claimSchema.safeParse({ id, proof: "note", note: "It is me." }).success).toBe(false);
    expect(claimSchema.safeParse({ id, proof: "anything", note: "x".repeat(30) }).success).toBe(false);
    // A licence number comes with a file, through POST /claims, never through this form.
    expect(claimSchema.safeParse({ id, proof: "licence", note: "" }).success).toBe(false);
    expect(licenceClaimSchema.safeParse({ id, licenceNumber: "" }).success).toBe(false);
    expect(claimSchema.parse({ id, proof: "email_link", note: "" }).proof).toEqual({ kind: "email_link" });
    expect(claimSchema.parse({ id, proof: "note", note: "Call the practice number; I answer it." }).proof).toMatchObject({ kind: "note" });
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
  const pngFile = { name: "licence.png", mimeType: "image/png", data: new Uint8Array(makePng()) };

  it("refuses fictional demo listings, whatever the proof", async () => {
    const demo = await listing({ isDemo: true });
    for (const proof of [note, { kind: "email_link" as const }, { kind: "licence" as const, number: "MT012345", file: pngFile }]) {
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
    expect(await claimListing(database.db, { id: t.id, userId: bob, email: "bob@example.org", proof: { kind: "licence", number: "MT 999", file: pngFile } })).toEqual({ ok: false, reason: "licence_mismatch" });
    const byLicence = await claimListing(database.db, { id: t.id, userId: bob, email: "bob@example.org", proof: { kind: "licence", number: "mt012345", file: pngFile } });
    expect(byLicence).toMatchObject({ ok: true, status: "pending" });
    expect(await claimListing(database.db, { id: t.id, userId: bob, email: "bob@example.org", proof: note })).toEqual({ ok: false, reason: "already_waiting" });
    const byNote = await claimListing(database.db, { id: t.id, userId: ann, email: "ann@example.org", proof: note });
    expect(byNote).toMatchObject({ ok: true, status: "pending" });
    const pending = (await listPendingClaims(database.db)).filter((c) => c.therapistId === t.id);
    expect(pending.map((c) => [c.claimantEmail, c.proof, c.licenceNumber, c.message, c.proofFileName])).toEqual([
      ["bob@example.org", "licence", "mt012345", null, "licence.png"],
      ["ann@example.org", "note", null, note.note, null],
    ]);
    expect(await owner(t.id)).toBeNull();
    // The administrator reads the file while the claim waits; deciding erases it.
    const byLicenceId = pending[0]!.id;
    const file = await getClaimProofFile(database.db, { claimId: byLicenceId });
    expect(Buffer.from(file!.data).equals(makePng())).toBe(true);
    expect(await decideClaim(database.db, { adminId: ann, claimId: byLicenceId, approve: false, note: "Not the claimant's licence" })).toMatchObject({ ok: true, status: "refused" });
    expect(await getClaimProofFile(database.db, { claimId: byLicenceId })).toBeNull();
    const [erased] = await database.db.select({ proofFile: listingClaims.proofFile }).from(listingClaims).where(eq(listingClaims.id, byLicenceId));
    expect(erased!.proofFile).toBeNull();
  });

  it("at once when the account's e-mail is the listing's public e-mail", async () => {
    const t = await listing({ email: "Ann@Example.org" });
    expect(await claimListing(database.db, { id: t.id, userId: ann, email: "ann@example.org", proof: note })).toMatchObject({ ok: true, status: "approved" });
    expect(await owner(t.id)).toBe(ann);
  });

  it("POST /claims: a licence number with a good file is a waiting claim the administrator can download; anything else stores nothing", async () => {
    const t = await listing();
    const claimant: SessionUser = { id: bob, email: "bob@example.org", role: "therapist", isAdmin: false };
    const admin: SessionUser = { id: ann, email: "ann@example.org", role: "admin", isAdmin: true };
    const send = (user: SessionUser | null, request: Request) => receiveLicenceClaim(database.db, { request, user, siteOrigin: SITE });
    const error = (res: Response) => new URL(res.headers.get("location") ?? "", SITE).searchParams.get("licenceError");
    const claims = async () => database.db.select().from(listingClaims).where(eq(listingClaims.therapistId, t.id));

    // Anonymous: sent to sign in. Another site's form: refused.
    expect((await send(null, licenceClaimRequest(t.id, "MT012345", { name: "l.png", bytes: makePng() }))).headers.get("location")).toContain("/signin");
    expect((await send(claimant, licenceClaimRequest(t.id, "MT012345", { name: "l.png", bytes: makePng() }, { origin: "https://evil.example" }))).status).toBe(403);
    // No file, no number, a wrong number, and every bad file: each says why, with the number kept.
    expect(error(await send(claimant, licenceClaimRequest(t.id, "MT012345", null)))).toBe("invalid");
    expect(error(await send(claimant, licenceClaimRequest(t.id, "", { name: "l.png", bytes: makePng() })))).toBe("invalid");
    const mismatch = await send(claimant, licenceClaimRequest(t.id, "MT 999", { name: "l.png", bytes: makePng() }));
    expect(error(mismatch)).toBe("licence_mismatch");
    expect(new URL(mismatch.headers.get("location")!).searchParams.get("licence")).toBe("MT 999");
    for (const bad of badUploads()) {
      expect(error(await send(claimant, licenceClaimRequest(t.id, "MT012345", { name: bad.name, bytes: bad.bytes }))), bad.label).not.toBeNull();
    }
    expect(await claims()).toEqual([]);

    const good = await send(claimant, licenceClaimRequest(t.id, "MT-012345", { name: "licence card.png", bytes: makePng() }));
    expect(good.headers.get("location")).toBe(`${SITE}/dashboard?claim=pending`);
    const [claim] = await claims();
    expect([claim!.proof, claim!.licenceNumber, claim!.proofFileName, claim!.proofMimeType]).toEqual(["licence", "MT-012345", "licence card.png", "image/png"]);

    // Only administrators download it, as an attachment that never renders.
    expect((await serveClaimProof(database.db, { claimId: claim!.id, user: claimant })).status).toBe(404);
    expect((await serveClaimProof(database.db, { claimId: claim!.id, user: null })).status).toBe(404);
    const file = await serveClaimProof(database.db, { claimId: claim!.id, user: admin });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(file.headers.get("content-security-policy")).toBe(PROOF_CSP);
    expect(Buffer.from(await file.arrayBuffer()).equals(makePng())).toBe(true);
  });
});
