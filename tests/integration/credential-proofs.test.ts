// Proof files (issue 13, acceptance 4) on every test database, through the two HTTP ends the
// routes use (lib/proofs/proof-requests.ts) with each kind of requester: the listing's owner,
// another signed-in therapist, an administrator and an anonymous visitor. Only the owner and
// administrators ever get the bytes; everyone else gets the same 404 as a guessed id. Every bad
// upload stores nothing and leaves the listing as it was. An administrator's check deletes the
// credential's proof unless they keep it.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createListing, updateListing } from "@/db/queries/listings";
import { checkCredential, checkLicense } from "@/db/queries/moderation";
import { listProofs, removeProof } from "@/db/queries/proofs";
import { listRevisions } from "@/db/queries/revisions";
import { credentialProofs, licenses, therapists, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/session";
import { resolveListingPlace } from "@/lib/geo/zip";
import { receiveProofUpload, serveProof } from "@/lib/proofs/proof-requests";
import { PROOF_CSP } from "@/lib/security/headers";
import { profileSchema, type ProfileInput } from "@/lib/validation/therapist-profile";
import { testDrivers, type TestStore } from "../helpers/databases";
import { badUploads, makeJpeg, makePdf, makePng } from "../helpers/proof-files";

const SITE = "http://localhost:3000";

function listing(overrides: Partial<ProfileInput> = {}) {
  const p = profileSchema.parse({
    displayName: "Pia Proof", practiceName: "", bio: "Deep tissue work for sciatica, twelve years.", phone: "", email: "", website: "",
    addressLine: "", zip: "10001", hours: "", inClinic: true, mobile: false, acceptingNewClients: true, yearsInPractice: "",
    sciaticaExperience: "some", sciaticaDescription: "", acceptsPhysicianReferrals: false, acceptsInsurance: false, insurancePlans: "",
    offersSuperbills: false, acceptsHsaFsa: false, priceMin: "", priceMax: "", languages: "English", wheelchairAccessible: false,
    accessibilityNotes: "", schoolName: "Test School", schoolAccredited: true, associations: "AMTA", ncbtmbStatus: "self_reported",
    ncbtmbNumber: "NC-7", modalitySlugs: ["swedish"], licenses: [{ state: "NY", number: "LIC-7", credentialTitle: "LMT" }],
    ...overrides,
  } satisfies ProfileInput);
  const where = resolveListingPlace(p.zip);
  if (!where.ok) throw new Error("unknown ZIP");
  return { profile: p, place: where.place };
}

/** The dashboard form's post: the credential choice and one file. */
function uploadRequest(listingId: string, choice: string, file: { name: string; bytes: Uint8Array }, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.set("credential", choice);
  form.set("file", new File([file.bytes as BlobPart], file.name));
  return new Request(`${SITE}/proofs?listing=${listingId}`, { method: "POST", body: form, headers: { origin: SITE, ...headers } });
}

describe.each(testDrivers)("credential proofs on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;
  let owner: SessionUser;
  let other: SessionUser;
  let admin: SessionUser;
  let listingId: string;
  let licenceId: string;
  let otherListingId: string;

  const account = async (email: string, role: "therapist" | "admin" = "therapist"): Promise<SessionUser> => {
    const [row] = await database.db.insert(users).values({ email, role }).returning({ id: users.id });
    return { id: row!.id, email, role, isAdmin: role === "admin" };
  };
  const proofRows = () => database.db.select().from(credentialProofs).orderBy(credentialProofs.createdAt);
  const listingRow = async () => (await database.db.select().from(therapists).where(eq(therapists.id, listingId)))[0]!;
  const upload = (user: SessionUser | null, request: Request) => receiveProofUpload(database.db, { request, user, siteOrigin: SITE });
  const notice = (res: Response) => new URL(res.headers.get("location") ?? "", SITE).searchParams.get("proof");

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    owner = await account("owner@example.org");
    other = await account("other@example.org");
    admin = await account("admin@example.org", "admin");
    const created = await createListing(database.db, { userId: owner.id, ...listing() });
    if (!created.ok) throw new Error("not created");
    listingId = created.id;
    licenceId = (await database.db.select().from(licenses).where(eq(licenses.therapistId, listingId)))[0]!.id;
    const theirs = await createListing(database.db, { userId: other.id, ...listing() });
    if (!theirs.ok) throw new Error("not created");
    otherListingId = theirs.id;
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  it("the owner attaches a proof to each kind of credential claim", async () => {
    const files = [
      [`license:${licenceId}`, { name: "licence card.pdf", bytes: makePdf() }],
      ["ncbtmb", { name: "certificate.png", bytes: makePng() }],
      ["school", { name: "diploma.jpg", bytes: makeJpeg() }],
      ["associations", { name: "membership.jpeg", bytes: makeJpeg() }],
    ] as const;
    for (const [choice, file] of files) {
      const res = await upload(owner, uploadRequest(listingId, choice, file));
      expect(res.status, choice).toBe(303);
      expect(notice(res), choice).toBe("added");
      expect(res.headers.get("location")).toBe(`${SITE}/dashboard/listings/${listingId}?proof=added#proofs`);
    }
    const rows = await proofRows();
    expect(rows.map((r) => [r.credential, r.licenseId, r.fileName, r.mimeType])).toEqual([
      ["license", licenceId, "licence card.pdf", "application/pdf"],
      ["ncbtmb", null, "certificate.png", "image/png"],
      ["school", null, "diploma.jpg", "image/jpeg"],
      ["associations", null, "membership.jpeg", "image/jpeg"],
    ]);
    expect(Buffer.from(rows[0]!.data).equals(makePdf())).toBe(true);
    const history = (await listRevisions(database.db, { id: listingId, userId: owner.id, isAdmin: false }))!;
    expect(history.some((r) => r.reason === "Proof attached to licence NY LIC-7 (LMT)")).toBe(true);
  });

  it("serves a proof to its owner and to an administrator, as a download that is never run or cached", async () => {
    const [proof] = await proofRows();
    for (const user of [owner, admin]) {
      const res = await serveProof(database.db, { id: proof!.id, user });
      expect(res.status, user.email).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(makePdf())).toBe(true);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="credential-proof.pdf"; filename*=UTF-8''licence%20card.pdf`);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(res.headers.get("content-security-policy")).toBe(PROOF_CSP);
      expect(PROOF_CSP).toContain("sandbox");
    }
  });

  it("answers another therapist, an anonymous visitor and a guessed or malformed id with the same 404 and no bytes", async () => {
    const [proof] = await proofRows();
    const answers = [
      await serveProof(database.db, { id: proof!.id, user: other }),
      await serveProof(database.db, { id: proof!.id, user: null }),
      await serveProof(database.db, { id: crypto.randomUUID(), user: owner }),
      await serveProof(database.db, { id: crypto.randomUUID(), user: admin }),
      await serveProof(database.db, { id: "not-a-uuid", user: admin }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(404);
      expect(await res.text()).toBe("Not found.");
      expect(res.headers.get("content-disposition")).toBeNull();
    }
    expect(await listProofs(database.db, { therapistId: listingId, userId: other.id })).toBeNull();
    expect(await listProofs(database.db, { therapistId: listingId, userId: owner.id })).toHaveLength(4);
    expect(await listProofs(database.db, { therapistId: listingId, userId: admin.id, isAdmin: true })).toHaveLength(4);
  });

  it("stores nothing for another therapist's or an anonymous upload, nor from another site", async () => {
    const before = (await proofRows()).length;
    const version = (await listingRow()).version;
    const file = { name: "mine.png", bytes: makePng() };
    const foreign = await upload(other, uploadRequest(listingId, "ncbtmb", file));
    expect(foreign.status).toBe(404);
    const anonymous = await upload(null, uploadRequest(listingId, "ncbtmb", file));
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toContain("/signin");
    const crossSite = await upload(owner, uploadRequest(listingId, "ncbtmb", file, { origin: "https://evil.example" }));
    expect(crossSite.status).toBe(403);
    // A licence of another listing is not this listing's credential.
    const otherLicence = (await database.db.select().from(licenses).where(eq(licenses.therapistId, otherListingId)))[0]!.id;
    expect(notice(await upload(owner, uploadRequest(listingId, `license:${otherLicence}`, file)))).toBe("no_such_credential");
    expect((await proofRows()).length).toBe(before);
    expect((await listingRow()).version).toBe(version);
    expect(await removeProof(database.db, { actor: { userId: other.id }, id: (await proofRows())[0]!.id })).toEqual({ ok: false, reason: "not_found" });
    expect((await proofRows()).length).toBe(before);
  });

  for (const bad of badUploads()) {
    it(`refuses ${bad.label} with a message, storing nothing`, async () => {
      const before = await proofRows();
      const version = (await listingRow()).version;
      const res = await upload(owner, uploadRequest(listingId, "ncbtmb", { name: bad.name, bytes: bad.bytes }));
      expect(res.status).toBe(303);
      expect(notice(res)).toBe(bad.reason);
      expect((await proofRows()).map((r) => r.id)).toEqual(before.map((r) => r.id));
      expect((await listingRow()).version).toBe(version);
    });
  }

  it("refuses an interrupted upload, a declared size over the limit and a form without a file, storing nothing", async () => {
    const before = (await proofRows()).length;
    const whole = uploadRequest(listingId, "ncbtmb", { name: "cert.png", bytes: makePng() });
    const body = new Uint8Array(await whole.arrayBuffer());
    const cut = new Request(whole.url, { method: "POST", body: body.subarray(0, body.length - 40), headers: { "content-type": whole.headers.get("content-type")!, origin: SITE } });
    expect(notice(await upload(owner, cut))).toBe("interrupted");
    const huge = new Request(whole.url, { method: "POST", body: body, headers: { "content-type": whole.headers.get("content-type")!, "content-length": String(50 * 1024 * 1024), origin: SITE } });
    expect(notice(await upload(owner, huge))).toBe("too_large");
    const form = new FormData();
    form.set("credential", "ncbtmb");
    expect(notice(await upload(owner, new Request(whole.url, { method: "POST", body: form, headers: { origin: SITE } })))).toBe("invalid");
    const noChoice = uploadRequest(listingId, "license:", { name: "cert.png", bytes: makePng() });
    expect(notice(await upload(owner, noChoice))).toBe("invalid");
    expect((await proofRows()).length).toBe(before);
  });

  it("an administrator's check deletes that credential's proof, unless they keep it", async () => {
    const ncbtmb = await checkCredential(database.db, { adminId: admin.id, therapistId: listingId, credential: "ncbtmb", result: "checked", stated: "NC-7", source: "NCBTMB certificant look-up (test)", note: "", checkedOn: "2026-11-01" });
    expect(ncbtmb.ok).toBe(true);
    expect((await proofRows()).map((r) => r.credential)).toEqual(["license", "school", "associations"]);
    const school = await checkCredential(database.db, { adminId: admin.id, therapistId: listingId, credential: "school", result: "checked", stated: "Test School", source: "accreditor's list (test)", note: "", checkedOn: "2026-11-01", keepProof: true });
    expect(school.ok).toBe(true);
    expect((await proofRows()).map((r) => r.credential)).toEqual(["license", "school", "associations"]);
    const lic = await checkLicense(database.db, { adminId: admin.id, licenseId: licenceId, status: "active", note: "", checkedOn: "2026-11-01" });
    expect(lic.ok).toBe(true);
    expect((await proofRows()).map((r) => r.credential)).toEqual(["school", "associations"]);
    const history = (await listRevisions(database.db, { id: listingId, userId: admin.id, isAdmin: true }))!;
    expect(history.some((r) => r.reason?.startsWith("NCBTMB certification checked") && r.reason.endsWith("its proof file was deleted"))).toBe(true);
    expect(history.some((r) => r.reason === "Licence checked with the state board; its proof file was deleted")).toBe(true);
  });

  it("the owner removes a proof; a removed licence takes its proofs with it", async () => {
    const [school] = await proofRows();
    expect(await removeProof(database.db, { actor: { userId: owner.id }, id: school!.id })).toEqual({ ok: true });
    expect((await proofRows()).map((r) => r.credential)).toEqual(["associations"]);
    expect(notice(await upload(owner, uploadRequest(listingId, `license:${licenceId}`, { name: "card.png", bytes: makePng() })))).toBe("added");
    await database.db.delete(licenses).where(eq(licenses.id, licenceId));
    expect((await proofRows()).map((r) => r.credential)).toEqual(["associations"]);
  });

  it("an owner who stops claiming a credential loses its proofs with it; the others stay", async () => {
    expect(notice(await upload(owner, uploadRequest(listingId, "ncbtmb", { name: "cert.png", bytes: makePng() })))).toBe("added");
    expect(notice(await upload(owner, uploadRequest(listingId, "school", { name: "diploma.pdf", bytes: makePdf() })))).toBe("added");
    expect((await proofRows()).map((r) => r.credential)).toEqual(["associations", "ncbtmb", "school"]);
    const saved = await updateListing(database.db, {
      id: listingId,
      userId: owner.id,
      version: (await listingRow()).version,
      ...listing({ ncbtmbStatus: "not_certified", ncbtmbNumber: "", associations: "" }),
    });
    expect(saved.ok).toBe(true);
    expect((await proofRows()).map((r) => r.credential)).toEqual(["school"]);
    const history = (await listRevisions(database.db, { id: listingId, userId: owner.id, isAdmin: false }))!;
    expect(history[0]!.changes["Proof files of removed credentials"]).toEqual({ old: ["cert.png", "membership.jpeg"], new: null });
  });
});
