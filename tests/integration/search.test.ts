// Search on every test database, against a hand-made fixture whose right answers are known.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { searchTherapists } from "@/db/queries/search";
import { licenses, therapistModalities, therapists, type NewLicense } from "@/db/schema";
import { countMet, evaluateCriteria } from "@/lib/criteria";
import { parseSearchParams, type SearchParams } from "@/lib/search/params";
import { runSearch } from "@/lib/search/run-search";
import { testDrivers, type TestStore } from "../helpers/databases";
import { buildLicense, buildTherapist, modalityLinks } from "@/db/seed/factories";

// ZIP 10001's centroid, as the zipcodes table has it; fixture therapists sit due north of it.
const ORIGIN = { lat: 40.7484, lng: -73.9967 };
const EARTH_RADIUS_M = 6378168; // earthdistance's sphere
const northOf = (miles: number) => ({ latitude: ORIGIN.lat + ((miles * 1609.344) / EARTH_RADIUS_M) * (180 / Math.PI), longitude: ORIGIN.lng });
const longBio = "Fictional test profile: focused on low back pain and sciatica for many years.";
const verified = new Date("2026-10-02T12:00:00Z");

const fixture = {
  A: buildTherapist({
    slug: "fx-a", displayName: "Avery Alderbright", ...northOf(1), state: "NY", modalitySlugs: ["deep-tissue", "myofascial-release", "swedish"],
    sciaticaExperience: "extensive", acceptsPhysicianReferrals: true, acceptsInsurance: true, insurancePlans: ["Aetna", "Blue Cross Blue Shield"],
    schoolName: "Test School (fictional)", schoolAccredited: true, associations: ["AMTA"], ncbtmbStatus: "verified", bio: longBio,
    // Checked by an administrator (fictional): only checked credentials meet a filter (issue 13).
    schoolCheck: "checked", schoolCheckedAt: verified, schoolCheckSource: "Test: a fictional check",
    associationsCheck: "checked", associationsCheckedAt: verified, associationsCheckSource: "Test: a fictional check",
  }),
  B: buildTherapist({ slug: "fx-b", displayName: "Blake Brambleby", ...northOf(5.2), state: "NY", modalitySlugs: ["swedish"], bio: "" }),
  C: buildTherapist({
    slug: "fx-c", displayName: "Casey Cinderford", ...northOf(10), state: "NY", modalitySlugs: ["deep-tissue"], sciaticaExperience: "some",
    inClinic: false, mobile: true, acceptingNewClients: false, offersSuperbills: true,
  }),
  D: buildTherapist({ slug: "fx-d", displayName: "Dana Dapplewood", ...northOf(24.9), state: "NY", modalitySlugs: ["deep-tissue", "swedish"], sciaticaExperience: "some" }),
  E: buildTherapist({ slug: "fx-e", displayName: "Elliot Elderstone", ...northOf(25.1), state: "NY", modalitySlugs: ["deep-tissue"] }),
  F: buildTherapist({ slug: "fx-f", displayName: "Frankie Fernshaw", ...northOf(2), state: "NY", modalitySlugs: ["deep-tissue"], published: false }),
  G: buildTherapist({ slug: "fx-g", displayName: "Gale Gullmere", latitude: 38.9717, longitude: -95.2353, city: "Lawrence", state: "KS", zip: "66044", modalitySlugs: ["swedish"] }),
  H: buildTherapist({ slug: "fx-h", displayName: "Harper Juniperwick", practiceName: "Juniperwick Bodywork", ...northOf(3), state: "NY", modalitySlugs: ["reflexology"] }),
  I: buildTherapist({ slug: "fx-i", displayName: "Indra Ivyridge", ...northOf(24.999), state: "NY", modalitySlugs: ["cupping"] }),
};
const lic = (t: { id: string }, extra: Partial<NewLicense>) => buildLicense(t, { state: "NY", ...extra });
const fixtureLicences = [
  lic(fixture.A, { status: "active", verifiedAt: verified, source: "state board look-up" }),
  lic(fixture.C, { status: "expired", verifiedAt: verified, source: "state board look-up" }),
  lic(fixture.D, { status: "unknown", verifiedAt: null }),
];

function params(query: string): SearchParams {
  const parsed = parseSearchParams(new URLSearchParams(query), { allowPageSize: true });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.params;
}

describe.each(testDrivers)("search on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;
  const slugs = async (query: string) => {
    const outcome = await runSearch(database.db, params(query));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors));
    return outcome.results.map((r) => r.slug);
  };

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    const rows = Object.values(fixture);
    await database.db.insert(therapists).values(rows);
    await database.db.insert(therapistModalities).values(modalityLinks(rows));
    await database.db.insert(licenses).values(fixtureLicences);
  });
  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  it("a ZIP and radius: everyone published inside 25 miles, nearest first, the edge respected", async () => {
    expect(await slugs("location=10001")).toEqual(["fx-a", "fx-h", "fx-b", "fx-c", "fx-d", "fx-i"]);
    expect(await slugs("location=10001&radius=5")).toEqual(["fx-a", "fx-h"]); // B is at 5.2 miles
    // I (24.999 miles) is in, E (25.1 miles) is out.
  });

  it("reports distances in miles", async () => {
    const outcome = await runSearch(database.db, params("location=10001"));
    if (!outcome.ok) throw new Error("search failed");
    expect(outcome.results.find((r) => r.slug === "fx-d")!.distanceMiles).toBeCloseTo(24.9, 1);
  });

  it("modalities: every chosen one must be offered", async () => {
    expect(await slugs("location=10001&modality=deep-tissue")).toEqual(["fx-a", "fx-c", "fx-d"]);
    expect(await slugs("location=10001&modality=deep-tissue&modality=myofascial-release&modality=swedish")).toEqual(["fx-a"]);
    expect(await slugs("location=10001&modality=deep-tissue&modality=swedish")).toEqual(["fx-a", "fx-d"]);
  });

  it("each criterion filter alone", async () => {
    expect(await slugs("location=10001&sciatica=some")).toEqual(["fx-a", "fx-c", "fx-d"]);
    expect(await slugs("location=10001&sciatica=extensive")).toEqual(["fx-a"]);
    expect(await slugs("location=10001&licensed=1")).toEqual(["fx-a"]);
    expect(await slugs("location=10001&ncbtmb=1")).toEqual(["fx-a"]);
    expect(await slugs("location=10001&insurance=1")).toEqual(["fx-a"]);
    expect(await slugs("location=10001&plan=aetna")).toEqual(["fx-a"]);
    expect(await slugs("location=10001&referrals=1")).toEqual(["fx-a"]);
    expect(await slugs("location=10001&accredited=1")).toEqual(["fx-a"]);
    expect(await slugs("location=10001&association=1")).toEqual(["fx-a"]);
    // With self-reported credentials included, Dana's unchecked licence counts too.
    expect(await slugs("location=10001&licensed=1&selfReported=1")).toEqual(["fx-a", "fx-d"]);
    expect(await slugs("location=10001&accredited=1&selfReported=1")).toEqual(["fx-a"]);
    expect(await slugs("location=10001&accepting=1")).toEqual(["fx-a", "fx-h", "fx-b", "fx-d", "fx-i"]);
    expect(await slugs("location=10001&setting=mobile")).toEqual(["fx-c"]);
    expect(await slugs("location=10001&setting=clinic")).toEqual(["fx-a", "fx-h", "fx-b", "fx-d", "fx-i"]);
  });

  it("filters combine", async () => {
    expect(await slugs("location=10001&modality=deep-tissue&sciatica=some&accepting=1")).toEqual(["fx-a", "fx-d"]);
    expect(await slugs("location=10001&modality=swedish&setting=clinic&sort=name")).toEqual(["fx-a", "fx-b", "fx-d"]);
  });

  it("a state alone; the licence filter counts a state with no statewide licence", async () => {
    expect(await slugs("location=KS")).toEqual(["fx-g"]);
    expect(await slugs("location=Kansas&licensed=1")).toEqual(["fx-g"]);
    expect(await slugs("location=NY&licensed=1")).toEqual(["fx-a"]);
  });

  it("name search tolerates typos", async () => {
    expect(await slugs("q=Junperwick")).toEqual(["fx-h"]);
    expect(await slugs("q=juniperwick bodywork")).toEqual(["fx-h"]);
    expect(await slugs("q=alderbright")).toEqual(["fx-a"]);
    expect(await slugs("q=%25%25")).toEqual([]); // LIKE wildcards are taken literally
  });

  it("sorts: best match by criteria met, then distance; name", async () => {
    const outcome = await runSearch(database.db, params("location=10001&sort=best"));
    if (!outcome.ok) throw new Error("search failed");
    expect(outcome.results[0]!.slug).toBe("fx-a");
    const met = outcome.results.map((r) => r.criteriaMet);
    expect(met).toEqual([...met].sort((a, b) => b - a));
    expect(await slugs("location=10001&sort=name")).toEqual(["fx-a", "fx-b", "fx-c", "fx-d", "fx-h", "fx-i"]);
  });

  it("the SQL best-match score counts the same criteria as lib/criteria.ts", async () => {
    const { rows } = await searchTherapists(database.db, { sort: "best", limit: 100, offset: 0 });
    const rules = new Map([
      ["NY", { code: "NY", name: "New York", regulation: "license" as const }],
      ["KS", { code: "KS", name: "Kansas", regulation: "none" as const }],
    ]);
    expect(rows.length).toBe(8);
    for (const r of rows) expect(r.score, r.slug).toBe(countMet(evaluateCriteria(r, rules.get(r.state))));
    expect(rows.find((r) => r.slug === "fx-a")!.score).toBe(6);
  });

  it("the stored licence standing and score follow every licence change (triggers)", async () => {
    const { eq } = await import("drizzle-orm");
    const dLicence = fixtureLicences[2]!;
    const scoreOf = async (slug: string) => (await searchTherapists(database.db, { q: undefined, sort: "best", limit: 100, offset: 0 })).rows.find((r) => r.slug === slug)!.score;
    const before = await scoreOf("fx-d");
    await database.db.update(licenses).set({ status: "active", verifiedAt: verified }).where(eq(licenses.id, dLicence.id!));
    expect(await slugs("location=10001&licensed=1")).toEqual(["fx-a", "fx-d"]);
    expect(await scoreOf("fx-d")).toBe(before + 1);
    await database.db.insert(licenses).values(lic(fixture.D, { status: "disciplinary_action", verifiedAt: verified }));
    expect(await slugs("location=10001&licensed=1")).toEqual(["fx-a"]);
    await database.db.delete(licenses).where(eq(licenses.therapistId, fixture.D.id));
    expect(await scoreOf("fx-d")).toBe(before);
    // Moving to a state with no statewide licence: the licence filter lets them through there.
    await database.db.update(therapists).set({ state: "KS" }).where(eq(therapists.id, fixture.B.id));
    expect(await slugs("location=10001&licensed=1")).toEqual(["fx-a", "fx-b"]);
    await database.db.update(therapists).set({ state: "NY" }).where(eq(therapists.id, fixture.B.id));
    await database.db.insert(licenses).values({ ...dLicence });
  });

  it("pages without duplicates or gaps, with the total", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const outcome = await runSearch(database.db, params(`location=10001&pageSize=2&page=${page}`));
      if (!outcome.ok) throw new Error("search failed");
      expect(outcome.total).toBe(6);
      expect(outcome.pageCount).toBe(3);
      seen.push(...outcome.results.map((r) => r.slug));
    }
    expect(seen).toEqual(await slugs("location=10001"));
    const past = await runSearch(database.db, params("location=10001&pageSize=2&page=4"));
    expect(past.ok && past.results).toEqual([]);
  });

  it("explains each kind of therapist with the criteria checklist and licence notes", async () => {
    // A fixed today: the fixture's checks (2026-10-02) read the same whenever the suite runs,
    // not as stale once 12 months have passed (lib/therapists/check-age.ts).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-01T12:00:00Z"));
    let outcome, kansas;
    try {
      outcome = await runSearch(database.db, params("location=10001&radius=50"));
      kansas = await runSearch(database.db, params("location=KS"));
    } finally {
      vi.useRealTimers();
    }
    if (!outcome.ok || !kansas.ok) throw new Error("search failed");
    const by = (slug: string) => [...outcome.results, ...kansas.results].find((r) => r.slug === slug)!;
    const status = (slug: string, key: string) => by(slug).criteria.find((c) => c.key === key)!.status;
    expect(by("fx-a").criteria.every((c) => c.status === "met")).toBe(true);
    expect(by("fx-a").licenseNotes[0]).toMatchObject({ tone: "verified", text: "LMT, New York - active, checked with the state board on 2026-10-02" });
    expect(status("fx-c", "license")).toBe("not_met");
    expect(by("fx-c").licenseNotes[0]).toMatchObject({ tone: "problem" });
    expect(status("fx-c", "insurance")).toBe("met"); // superbills
    expect(by("fx-d").licenseNotes[0]).toMatchObject({ tone: "self_reported", text: "LMT, New York - claimed, not yet checked" });
    expect(status("fx-g", "license")).toBe("not_applicable");
    expect(by("fx-g").licenseNotes[0]!.text).toBe("Kansas has no statewide licence: ask about a city licence");
    expect(by("fx-b").criteria.filter((c) => c.status === "met")).toEqual([]);
  });

  it("no results: says which filters removed the most and offers the change that brings results back", async () => {
    const outcome = await runSearch(database.db, params("location=10001&plan=cigna"));
    if (!outcome.ok) throw new Error("search failed");
    expect(outcome.total).toBe(0);
    expect(outcome.noResults!.removals[0]).toMatchObject({ label: 'Remove "Insurance plan "cigna""', count: 6 });
    expect(outcome.noResults!.suggestion).toMatchObject({ count: 6 });

    const radius = await runSearch(database.db, params("location=10001&radius=5&setting=mobile"));
    if (!radius.ok) throw new Error("search failed");
    expect(radius.noResults!.suggestion).toMatchObject({ label: "Search within 10 miles", count: 1, query: "location=10001&radius=10&setting=mobile" });
    // Only Dana's unchecked licence: none checked, one claimed; the change says so.
    const claimed = await runSearch(database.db, params("location=10001&radius=100&q=dapple&licensed=1"));
    if (!claimed.ok) throw new Error("search failed");
    expect(claimed.total).toBe(0);
    expect(claimed.noResults!.removals).toContainEqual(
      expect.objectContaining({ label: "Include self-reported credentials (claimed, not yet checked)", count: 1, query: "location=10001&radius=100&licensed=1&selfReported=1&q=dapple" }),
    );
  });

  it("no one within the largest radius: the nearest matching therapists anyway, with their distance, and the whole state", async () => {
    // Dodge City, KS (67801) is about 280 miles from Gale in Lawrence, the fixture's only Kansan.
    const outcome = await runSearch(database.db, params("location=67801&radius=100&sort=nearest"));
    if (!outcome.ok) throw new Error("search failed");
    expect(outcome.total).toBe(0);
    expect(outcome.results).toEqual([]);
    const nearest = outcome.noResults!.nearest;
    expect(nearest.map((r) => r.slug).slice(0, 1)).toEqual(["fx-g"]);
    expect(nearest.map((r) => r.slug)).not.toContain("fx-f"); // unpublished
    const miles = nearest.map((r) => r.distanceMiles!);
    expect(miles[0]).toBeGreaterThan(250);
    expect(miles[0]).toBeLessThan(300);
    expect(miles).toEqual([...miles].sort((a, b) => a - b));
    // The state search keeps every filter, drops the radius and the point-only sort.
    expect(outcome.noResults!.wholeState).toMatchObject({ label: "Search all of Kansas", count: 1, query: "location=Kansas" });
    expect(outcome.noResults!.suggestion).toBeNull();

    // Filters still apply to the nearest: only reflexology (Harper, in New York), nothing in Kansas.
    const filtered = await runSearch(database.db, params("location=67801&radius=100&modality=reflexology"));
    if (!filtered.ok) throw new Error("search failed");
    expect(filtered.noResults!.nearest.map((r) => r.slug)).toEqual(["fx-h"]);
    expect(filtered.noResults!.nearest[0]!.distanceMiles).toBeGreaterThan(1000);
    expect(filtered.noResults!.wholeState).toBeNull();

    // Only when the largest radius finds nothing: a wider radius that works is offered instead.
    const widen = await runSearch(database.db, params("location=10001&radius=5&setting=mobile"));
    if (!widen.ok) throw new Error("search failed");
    expect(widen.noResults!.nearest).toEqual([]);
    expect(widen.noResults!.wholeState).toBeNull();
  });

  it("an unknown place is an error with suggestions, not an empty page", async () => {
    const outcome = await runSearch(database.db, params("location=Portlnd, OR"));
    expect(outcome).toMatchObject({ ok: false, fieldErrors: { location: [expect.stringContaining("Portlnd")] } });
    expect(!outcome.ok && outcome.suggestions).toContain("Portland, OR");
  });
});
