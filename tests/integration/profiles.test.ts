// The public profile and modality queries on every test database: every field of a published
// profile, nothing of an unpublished one, the sitemap listing, and modality counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { countPublishedTherapistsOffering, getModality, listModalities } from "@/db/queries/modalities";
import { countPublishedTherapists, getPublishedTherapistBySlug, listPublishedTherapistSlugs } from "@/db/queries/therapists";
import { MODALITIES } from "@/db/reference/modalities";
import { licenses, therapistModalities, therapists } from "@/db/schema";
import { toPublicProfile } from "@/lib/therapists/public-profile";
import { testDrivers, type TestStore } from "../helpers/databases";
import { buildTherapist } from "@/db/seed/factories";

const verifiedAt = new Date("2026-10-02T12:00:00Z");

const full = buildTherapist({
  slug: "full-profile-portland-or",
  displayName: "Ada Quill",
  practiceName: "Quill Bodywork",
  bio: "Works mostly with office workers with back pain; sessions start with a conversation.",
  phone: "(503) 555-0142",
  email: "ada@example.com",
  website: "https://quill.example.org",
  addressLine: "12 Alder Street",
  city: "Portland",
  state: "OR",
  zip: "97205",
  latitude: 45.52,
  longitude: -122.69,
  inClinic: true,
  mobile: true,
  acceptingNewClients: false,
  yearsInPractice: 12,
  sciaticaExperience: "extensive",
  sciaticaDescription: "Many clients with piriformis-related sciatica.",
  acceptsPhysicianReferrals: true,
  acceptsInsurance: true,
  insurancePlans: ["Aetna", "Cigna"],
  offersSuperbills: true,
  acceptsHsaFsa: true,
  priceMin: 90,
  priceMax: 120,
  languages: ["English", "Spanish"],
  wheelchairAccessible: true,
  accessibilityNotes: "Step-free entrance from the car park.",
  schoolName: "Alder School of Massage (fictional)",
  schoolAccredited: true,
  associations: ["AMTA", "ABMP"],
  ncbtmbStatus: "verified",
  ncbtmbNumber: "DEMO-NCB-0000001",
  ncbtmbVerifiedAt: verifiedAt,
  modalitySlugs: ["swedish", "deep-tissue", "myofascial-release"],
  isDemo: false,
  published: true,
});
const hidden = buildTherapist({ slug: "unpublished-draft", published: false, modalitySlugs: ["swedish", "deep-tissue"] });
const other = buildTherapist({ slug: "another-published", modalitySlugs: ["swedish"] });

describe.each(testDrivers)("profiles and modalities on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    const { db } = database;
    await db.insert(therapists).values([full, hidden, other]);
    await db.insert(therapistModalities).values([
      ...full.modalitySlugs!.map((modalitySlug) => ({ therapistId: full.id, modalitySlug })),
      ...hidden.modalitySlugs!.map((modalitySlug) => ({ therapistId: hidden.id, modalitySlug })),
      { therapistId: other.id, modalitySlug: "swedish" },
    ]);
    await db.insert(licenses).values([
      { therapistId: full.id, state: "OR", number: "DEMO-OR-1", credentialTitle: "LMT", status: "active", verifiedAt, source: "state board look-up" },
      { therapistId: full.id, state: "WA", number: "DEMO-WA-9", credentialTitle: "LMP", status: "expired", verifiedAt, source: "state board look-up" },
      { therapistId: hidden.id, state: "NY", number: "DEMO-NY-2", credentialTitle: "LMT", status: "active" },
    ]);
  });

  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  it("returns every field of a published profile, with modality names, licences and state rules", async () => {
    const p = await getPublishedTherapistBySlug(database.db, { slug: full.slug });
    expect(p).toBeDefined();
    const { id: _id, modalitySlugs, ...fields } = full;
    expect(p).toMatchObject({ ...fields, modalitySlugs });
    expect(p).not.toHaveProperty("ownerId");
    expect(p).not.toHaveProperty("version");
    expect(p!.updatedAt).toBeInstanceOf(Date);
    expect(p!.modalities.map((m) => [m.slug, m.name])).toEqual([
      ["swedish", "Swedish massage"],
      ["deep-tissue", "Deep tissue massage"],
      ["myofascial-release", "Myofascial release"],
    ]);
    expect(p!.licenses).toEqual([
      { state: "OR", number: "DEMO-OR-1", credentialTitle: "LMT", status: "active", verifiedAt, source: "state board look-up" },
      { state: "WA", number: "DEMO-WA-9", credentialTitle: "LMP", status: "expired", verifiedAt, source: "state board look-up" },
    ]);
    expect(p!.stateRules.map((r) => r.code).sort()).toEqual(["OR", "WA"]);
    expect(p!.stateRules.find((r) => r.code === "OR")).toMatchObject({ name: "Oregon", regulation: expect.any(String) });
  });

  it("works out the criteria and licence notes a visitor sees", async () => {
    const view = toPublicProfile((await getPublishedTherapistBySlug(database.db, { slug: full.slug }))!);
    expect(view.criteria.map((c) => [c.key, c.status])).toEqual([
      ["referrals", "met"],
      ["profile", "met"],
      ["insurance", "met"],
      ["license", "met"],
      ["credentials", "met"],
      ["modalities", "met"],
    ]);
    expect(view.licenseNotes).toEqual([
      expect.objectContaining({ tone: "verified", stateCode: "OR", stateHref: "/licensing/or", number: "DEMO-OR-1" }),
      expect.objectContaining({ tone: "problem", stateCode: "WA", stateHref: "/licensing/wa", number: "DEMO-WA-9" }),
    ]);
    expect(view.licenseNotes[1]!.text).toContain("expired");
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it("gives nothing for an unpublished or unknown slug", async () => {
    expect(await getPublishedTherapistBySlug(database.db, { slug: hidden.slug })).toBeUndefined();
    expect(await getPublishedTherapistBySlug(database.db, { slug: "no-such-therapist" })).toBeUndefined();
  });

  it("lists published slugs for the sitemap, never an unpublished one, in pages", async () => {
    const all = await listPublishedTherapistSlugs(database.db);
    expect(all.map((r) => r.slug)).toEqual([other.slug, full.slug].sort());
    expect(all.every((r) => r.updatedAt instanceof Date)).toBe(true);
    expect(await countPublishedTherapists(database.db)).toBe(2);
    const first = await listPublishedTherapistSlugs(database.db, { limit: 1 });
    const second = await listPublishedTherapistSlugs(database.db, { limit: 1, page: 1 });
    const afterFirst = await listPublishedTherapistSlugs(database.db, { limit: 1, after: first[0]!.slug });
    expect([...first, ...second].map((r) => r.slug)).toEqual(all.map((r) => r.slug));
    expect(afterFirst).toEqual(second);
    expect(await listPublishedTherapistSlugs(database.db, { limit: 1, page: 2 })).toEqual([]);
  });

  it("lists the modality vocabulary and counts only published therapists offering each", async () => {
    const list = await listModalities(database.db);
    expect(list.map((m) => m.slug)).toEqual(MODALITIES.map((m) => m.slug));
    expect(await getModality(database.db, { slug: "myofascial-release" })).toMatchObject({ name: "Myofascial release" });
    expect(await getModality(database.db, { slug: "no-such-modality" })).toBeUndefined();
    expect(await countPublishedTherapistsOffering(database.db, { slug: "swedish" })).toBe(2);
    expect(await countPublishedTherapistsOffering(database.db, { slug: "deep-tissue" })).toBe(1);
    expect(await countPublishedTherapistsOffering(database.db, { slug: "cupping" })).toBe(0);
  });
});
