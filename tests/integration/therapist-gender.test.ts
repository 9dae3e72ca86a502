// The therapist's gender: an optional, self-described profile field. Never required; stated,
// it makes the listing findable by it and offered in the search menu; cleared, it is gone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createListing, setListingPublished, updateListing } from "@/db/queries/listings";
import { listStatedChoices } from "@/db/queries/search";
import { users } from "@/db/schema";
import { resolveListingPlace } from "@/lib/geo/zip";
import { parseSearchParams } from "@/lib/search/params";
import { runSearch } from "@/lib/search/run-search";
import { profileInputFromValues, profileSchema, valuesFromProfile, type ProfileInput } from "@/lib/therapists/profile-input";
import { testDrivers, type TestStore } from "../helpers/databases";

const input = (overrides: Partial<ProfileInput> = {}): ProfileInput => ({
  displayName: "Gia Genderfield",
  practiceName: "",
  bio: "Fictional test profile.",
  phone: "",
  email: "",
  website: "",
  addressLine: "",
  zip: "10001",
  hours: "",
  inClinic: true,
  mobile: false,
  acceptingNewClients: true,
  yearsInPractice: "",
  sciaticaExperience: "some",
  sciaticaDescription: "",
  acceptsPhysicianReferrals: false,
  acceptsInsurance: false,
  insurancePlans: "",
  offersSuperbills: false,
  acceptsHsaFsa: false,
  priceMin: "",
  priceMax: "",
  languages: "",
  wheelchairAccessible: false,
  accessibilityNotes: "",
  schoolName: "",
  schoolAccredited: false,
  associations: "",
  ncbtmbStatus: "not_certified",
  ncbtmbNumber: "",
  modalitySlugs: ["swedish"],
  licenses: [],
  ...overrides,
});

describe("the gender field of the profile form", () => {
  it("is optional: left out or blank, it is not stated", () => {
    const { gender: _left, ...without } = input();
    expect(profileSchema.parse(without).gender).toBeNull();
    expect(profileSchema.parse(input({ gender: "   " })).gender).toBeNull();
    expect(profileSchema.parse(input({ gender: " Two-spirit " })).gender).toBe("Two-spirit");
  });

  it("is bounded like any text a person types", () => {
    const long = profileSchema.safeParse(input({ gender: "x".repeat(41) }));
    expect(long.success).toBe(false);
    expect(long.error!.issues.map((i) => i.path.join("."))).toEqual(["gender"]);
    expect(profileSchema.safeParse(input({ gender: "a\u0000b" })).success).toBe(false);
  });

  it("goes through the form's values and back", () => {
    const parsed = profileSchema.parse(profileInputFromValues(valuesFromProfile(profileSchema.parse(input({ gender: "Woman" })))));
    expect(parsed.gender).toBe("Woman");
  });
});

describe.each(testDrivers)("the gender field on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;
  let owner: string;

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    [{ id: owner }] = (await database.db.insert(users).values({ email: "gia@example.org" }).returning({ id: users.id })) as [{ id: string }];
  });
  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  const find = async (query: string) => {
    const parsed = parseSearchParams(new URLSearchParams(query));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
    const outcome = await runSearch(database.db, parsed.params);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors));
    return outcome.results.map((r) => r.displayName);
  };
  const listing = (overrides: Partial<ProfileInput>) => {
    const profile = profileSchema.parse(input(overrides));
    const where = resolveListingPlace(profile.zip);
    if (!where.ok) throw new Error("unknown ZIP");
    return { profile, place: where.place };
  };

  it("stated, a published listing is found by it and offered; cleared, it is neither", async () => {
    const created = await createListing(database.db, { userId: owner, ...listing({ gender: "Woman" }) });
    if (!created.ok) throw new Error(JSON.stringify(created));
    // Unpublished: not offered, not found.
    expect((await listStatedChoices(database.db)).genders).toEqual([]);
    const published = await setListingPublished(database.db, { id: created.id, userId: owner, published: true });
    if (!published.ok) throw new Error(JSON.stringify(published));
    expect(await find("location=10001&gender=woman")).toEqual(["Gia Genderfield"]);
    expect((await listStatedChoices(database.db)).genders).toEqual(["Woman"]);

    const cleared = await updateListing(database.db, { id: created.id, userId: owner, version: published.version, ...listing({ gender: "" }) });
    expect(cleared.ok).toBe(true);
    expect(await find("location=10001&gender=woman")).toEqual([]);
    expect(await find("location=10001")).toEqual(["Gia Genderfield"]);
    expect((await listStatedChoices(database.db)).genders).toEqual([]);
  });
});
