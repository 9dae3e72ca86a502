// The state licensing query layer on every test database: the same entries as the reviewed
// file, any-case codes, unknown codes, and published-therapist counts per state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import {
  countPublishedTherapistsByState,
  countPublishedTherapistsInState,
  getState,
  listStates,
} from "@/db/queries/states";
import { loadStateLicensing } from "@/db/reference/state-licensing";
import { therapists } from "@/db/schema";
import { stateListResponseSchema, toStateResource } from "@/lib/licensing/state-api";
import { testDrivers, type TestStore } from "../helpers/databases";
import { buildTherapist } from "@/db/seed/factories";

const fromFile = new Map(loadStateLicensing().map((s) => [s.code, s]));

describe.each(testDrivers)("state licensing queries on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    await database.db.insert(therapists).values([
      buildTherapist({ state: "KS", city: "Olathe", zip: "66061", latitude: 38.88, longitude: -94.82 }),
      buildTherapist({ state: "KS", city: "Wichita", zip: "67202", latitude: 37.69, longitude: -97.34 }),
      buildTherapist({ state: "KS", city: "Topeka", zip: "66603", latitude: 39.05, longitude: -95.68, published: false }),
      buildTherapist({ state: "DC", city: "Washington", zip: "20001", latitude: 38.91, longitude: -77.02 }),
      buildTherapist({ state: "NY" }),
    ]);
  });

  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  it("lists all 51 entries by name, each equal to the reviewed file", async () => {
    const states = await listStates(database.db);
    expect(states).toHaveLength(51);
    const names = states.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en-US")));
    for (const s of states) expect(s, s.code).toEqual(fromFile.get(s.code));
  });

  it("gets a mandatory-licence state with its board, hours, exam and sources", async () => {
    const ny = await getState(database.db, { code: "NY" });
    expect(ny).toEqual(fromFile.get("NY"));
    expect(ny).toMatchObject({ code: "NY", name: "New York", regulation: "license", minTrainingHours: 1000 });
    expect(ny!.board?.url).toMatch(/^https?:\/\//);
    expect(ny!.sources.length).toBeGreaterThan(0);
    expect(ny!.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("gets a state with no statewide licence (KS): no hours, no exam, no board, local licensing noted", async () => {
    const ks = await getState(database.db, { code: "KS" });
    expect(ks).toMatchObject({ code: "KS", name: "Kansas", regulation: "none", minTrainingHours: null, exams: [], board: null, lookupUrl: null, credentialTitles: [] });
    expect(ks!.localLicensing).toMatch(/cit/i);
  });

  it("gets DC, a licence jurisdiction with gaps marked unknown", async () => {
    const dc = await getState(database.db, { code: "DC" });
    expect(dc).toEqual(fromFile.get("DC"));
    expect(dc).toMatchObject({ name: "District of Columbia", regulation: "license", lookupUrl: null });
    expect(dc!.unknown).toContain("lookupUrl");
  });

  it("accepts a code in any case", async () => {
    const upper = await getState(database.db, { code: "KS" });
    expect(await getState(database.db, { code: "ks" })).toEqual(upper);
    expect(await getState(database.db, { code: "Ks" })).toEqual(upper);
    expect(await getState(database.db, { code: "dc" })).toEqual(await getState(database.db, { code: "DC" }));
  });

  it("gives undefined for unknown or malformed codes", async () => {
    for (const code of ["ZZ", "zz", "", "K", "KSS", "kansas", "K1", "'; drop table state_licensing; --", "NY "]) {
      expect(await getState(database.db, { code }), JSON.stringify(code)).toBeUndefined();
    }
    expect(await listStates(database.db)).toHaveLength(51);
  });

  it("counts published therapists per state, any case, unpublished left out", async () => {
    expect(await countPublishedTherapistsInState(database.db, { code: "KS" })).toBe(2);
    expect(await countPublishedTherapistsInState(database.db, { code: "ks" })).toBe(2);
    expect(await countPublishedTherapistsInState(database.db, { code: "DC" })).toBe(1);
    expect(await countPublishedTherapistsInState(database.db, { code: "WY" })).toBe(0);
    expect(await countPublishedTherapistsInState(database.db, { code: "zz" })).toBe(0);
    expect(await countPublishedTherapistsInState(database.db, { code: "bad code" })).toBe(0);
    const byState = await countPublishedTherapistsByState(database.db);
    expect(Object.fromEntries(byState)).toEqual({ KS: 2, DC: 1, NY: 1 });
  });

  it("maps every entry to the API's documented shape", async () => {
    const [states, counts] = await Promise.all([listStates(database.db), countPublishedTherapistsByState(database.db)]);
    const body = { states: states.map((s) => toStateResource(s, counts.get(s.code) ?? 0)), count: states.length };
    expect(stateListResponseSchema.parse(body)).toEqual(body);
    const ks = body.states.find((s) => s.code === "KS")!;
    expect(ks).toMatchObject({
      regulationLabel: "No statewide licence",
      publishedTherapists: 2,
      links: { page: "/licensing/ks", therapists: "/therapists?location=KS" },
    });
  });
});
