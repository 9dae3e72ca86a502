// The search against a plain reference: on a generated data set with many therapists at the
// very same points (ties in distance), every sort and every filter, alone and in pairs, on
// several pages, returns exactly what filtering every row in JavaScript and sorting it in
// JavaScript returns. And the count is exact up to the threshold, estimated within a stated
// tolerance beyond it.
import { sql } from "drizzle-orm";
import seedrandom from "seedrandom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkInsert } from "@/db/bulk-insert";
import type { Database } from "@/db/client";
import { COUNT_EXACT_UP_TO, searchTherapists, type SearchCriteria } from "@/db/queries/search";
import { licenses, therapists, type NewLicense, type NewTherapist } from "@/db/schema";
import { rowsOf, testDrivers, type TestStore } from "../helpers/databases";

const rng = seedrandom.alea("search-reference");
const pick = <T,>(list: readonly T[]) => list[Math.floor(rng() * list.length)]!;
const chance = (p: number) => rng() < p;
const uuid = () => {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16));
  hex[12] = "4";
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
};

// A few points around New York City hold most therapists (hundreds at each exact point), the
// rest are scattered; two Kansas points for a second state.
const POINTS = [
  { latitude: 40.7484, longitude: -73.9967, state: "NY" },
  { latitude: 40.7128, longitude: -74.006, state: "NY" },
  { latitude: 40.758, longitude: -73.9855, state: "NY" },
  { latitude: 40.6782, longitude: -73.9442, state: "NY" },
  { latitude: 40.9, longitude: -73.8, state: "NY" },
  { latitude: 38.9717, longitude: -95.2353, state: "KS" },
  { latitude: 39.0997, longitude: -94.5786, state: "KS" },
];
const MODALITIES = ["deep-tissue", "swedish", "myofascial-release", "reflexology", "cupping"];
const PLANS = ["Aetna", "Blue Cross Blue Shield", "Cigna", "UnitedHealthcare"];
// First names of one length: "lower(name)" then orders the same under any collation.
const FIRST = ["avery", "blake", "casey", "drew", "emery", "frank"].map((n) => n.padEnd(5, "x"));
const LAST = ["alder", "birch", "cedar", "dapple", "elm", "fern", "gull"];
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function generate(count: number) {
  const rows: (NewTherapist & { id: string })[] = [];
  const held: NewLicense[] = [];
  for (let i = 0; i < count; i++) {
    const scattered = chance(0.25);
    const at = pick(POINTS);
    const place = scattered
      ? { latitude: at.latitude + (rng() - 0.5) * 0.8, longitude: at.longitude + (rng() - 0.5) * 0.8, state: at.state }
      : at;
    const id = uuid();
    const insurance = chance(0.4);
    const schoolName = chance(0.6) ? "Test School (fictional)" : null;
    const schoolAccredited = chance(0.4);
    const associations = chance(0.3) ? ["AMTA"] : [];
    // Administrators' checks (issue 13): only of what is stated.
    const schoolCheck = schoolAccredited && schoolName ? pick(["self_reported", "checked", "unconfirmed"] as const) : "self_reported";
    const associationsCheck = associations.length ? pick(["self_reported", "checked", "unconfirmed"] as const) : "self_reported";
    rows.push({
      id,
      slug: `ref-${i}`,
      displayName: `${cap(pick(FIRST))} ${cap(pick(LAST))}`,
      practiceName: chance(0.3) ? `${cap(pick(LAST))} Bodywork` : null,
      bio: chance(0.5) ? "Fictional test profile: many years of low back pain and sciatica work." : "",
      city: "Testville",
      state: place.state,
      zip: place.state === "NY" ? "10001" : "66044",
      latitude: place.latitude,
      longitude: place.longitude,
      modalitySlugs: MODALITIES.filter(() => chance(0.45)),
      sciaticaExperience: pick(["none", "some", "extensive"] as const),
      acceptsPhysicianReferrals: chance(0.5),
      acceptsInsurance: insurance,
      insurancePlans: insurance ? PLANS.filter(() => chance(0.4)) : [],
      offersSuperbills: chance(0.3),
      schoolName,
      schoolAccredited,
      schoolCheck,
      associations,
      associationsCheck,
      ncbtmbStatus: pick(["not_certified", "self_reported", "verified", "lapsed"] as const),
      acceptingNewClients: chance(0.7),
      inClinic: chance(0.8),
      mobile: chance(0.3),
      isDemo: true,
      published: chance(0.95),
    });
    if (chance(0.5)) {
      held.push({
        id: uuid(),
        therapistId: id,
        state: place.state,
        number: `REF-${i}`,
        credentialTitle: "LMT",
        status: pick(["active", "active", "expired", "unknown"] as const),
        verifiedAt: chance(0.7) ? new Date("2026-10-02T12:00:00Z") : null,
      });
    }
  }
  return { rows, held };
}

const DATA = generate(4000);

// earthdistance's model: a sphere of this radius, points as 3-D coordinates (ll_to_earth).
const EARTH = 6378168;
const rad = (deg: number) => (deg * Math.PI) / 180;
const toEarth = (lat: number, lng: number) => [EARTH * Math.cos(rad(lat)) * Math.cos(rad(lng)), EARTH * Math.cos(rad(lat)) * Math.sin(rad(lng)), EARTH * Math.sin(rad(lat))];
/** cube's `<->` between two earth points: the straight-line (chord) distance. */
const chord = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
/** earth_distance: the great-circle distance for a chord. */
const greatCircle = (c: number) => 2 * EARTH * Math.asin(Math.min(1, c / (2 * EARTH)));

type Row = NewTherapist & { id: string; criteriaScore: number; homeLicenseChecked: boolean; homeLicenseClaimed: boolean; matchesQ: Map<string, boolean> };
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The reference: every row tested in JavaScript, then sorted in JavaScript. */
function reference(all: Row[], unregulated: Set<string>, c: SearchCriteria): string[] {
  const centre = c.near ? toEarth(c.near.latitude, c.near.longitude) : null;
  const distance = new Map<string, number>();
  const kept = all.filter((t) => {
    if (!t.published) return false;
    if (c.near) {
      const d = chord(toEarth(t.latitude, t.longitude), centre!);
      if (greatCircle(d) > c.near.radiusMiles * 1609.344) return false;
      distance.set(t.id, d);
    }
    if (c.state && t.state !== c.state) return false;
    if (c.modalities?.some((m) => !t.modalitySlugs!.includes(m))) return false;
    if (c.sciatica === "extensive" && t.sciaticaExperience !== "extensive") return false;
    if (c.sciatica === "some" && t.sciaticaExperience === "none") return false;
    // Checked credentials only, unless self-reported ones are included (issue 13).
    const claimed = c.includeSelfReported;
    if (c.licensed && !((claimed ? t.homeLicenseClaimed : t.homeLicenseChecked) || unregulated.has(t.state))) return false;
    if (c.ncbtmb && !(claimed ? ["verified", "self_reported"] : ["verified"]).includes(t.ncbtmbStatus!)) return false;
    if ((c.insurance || c.plan) && !t.acceptsInsurance) return false;
    if (c.plan && !t.insurancePlans!.some((p) => p.toLowerCase().includes(c.plan!.toLowerCase()))) return false;
    if (c.referrals && !t.acceptsPhysicianReferrals) return false;
    if (c.accredited && !(claimed ? t.schoolAccredited && t.schoolCheck !== "unconfirmed" : t.schoolCheck === "checked")) return false;
    if (c.association && !(claimed ? t.associations!.length > 0 && t.associationsCheck !== "unconfirmed" : t.associationsCheck === "checked")) return false;
    if (c.accepting && !t.acceptingNewClients) return false;
    if (c.setting === "clinic" && !t.inClinic) return false;
    if (c.setting === "mobile" && !t.mobile) return false;
    if (c.q && !t.matchesQ.get(c.q)) return false;
    return true;
  });
  const name = (t: Row) => t.displayName.toLowerCase();
  const d = (t: Row) => distance.get(t.id) ?? 0;
  kept.sort((a, b) => {
    if (c.sort === "nearest") return d(a) - d(b) || byText(a.id, b.id);
    if (c.sort === "name") return byText(name(a), name(b)) || byText(a.id, b.id);
    return b.criteriaScore - a.criteriaScore || d(a) - d(b) || byText(name(a), name(b)) || byText(a.id, b.id);
  });
  return kept.map((t) => t.id);
}

type Filters = Omit<SearchCriteria, "sort" | "limit" | "offset" | "near" | "state">;
const FILTERS: Filters[] = [
  { modalities: ["deep-tissue"] },
  { modalities: ["swedish", "myofascial-release"] },
  { sciatica: "some" },
  { sciatica: "extensive" },
  { licensed: true },
  { ncbtmb: true },
  { insurance: true },
  { plan: "cigna" },
  { referrals: true },
  { accredited: true },
  { association: true },
  { licensed: true, includeSelfReported: true },
  { ncbtmb: true, includeSelfReported: true },
  { accredited: true, includeSelfReported: true },
  { association: true, includeSelfReported: true },
  { accepting: true },
  { setting: "clinic" },
  { setting: "mobile" },
  { q: "birch" },
  { q: "brich" },
];

function combinations(): SearchCriteria[] {
  const places: Pick<SearchCriteria, "near" | "state">[] = [
    { near: { latitude: POINTS[0]!.latitude, longitude: POINTS[0]!.longitude, radiusMiles: 10 } },
    { near: { latitude: 40.73, longitude: -73.99, radiusMiles: 50 } },
    { near: { latitude: POINTS[5]!.latitude, longitude: POINTS[5]!.longitude, radiusMiles: 25 } },
    { state: "NY" },
    { state: "KS" },
    {},
  ];
  const filterSets: Filters[] = [{}, ...FILTERS];
  // Pairs of filters too (not every pair: each filter with one other).
  for (let i = 0; i < FILTERS.length; i++) filterSets.push({ ...FILTERS[i], ...FILTERS[(i + 5) % FILTERS.length] });
  const out: SearchCriteria[] = [];
  for (const place of places) {
    const sorts = place.near ? (["nearest", "best", "name"] as const) : (["best", "name"] as const);
    for (const sort of sorts) {
      for (const filters of filterSets) {
        // Deep pages for the unfiltered searches, where ties run deepest.
        const pages = Object.keys(filters).length ? [[20, 0], [7, 63]] : [[20, 0], [7, 63], [50, 400], [20, 980]];
        for (const [limit, offset] of pages) out.push({ ...place, ...filters, sort, limit: limit!, offset: offset! });
      }
    }
  }
  return out;
}

describe.each(testDrivers)("search against a plain reference on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;
  let all: Row[];
  let unregulated: Set<string>;

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set constraints licenses_therapist_id_therapists_id_fk deferred`);
      await bulkInsert(tx, licenses, DATA.held);
      await bulkInsert(tx, therapists, DATA.rows);
    });
    await database.db.execute(sql`analyze therapists`);
    // The derived columns, as the database's triggers computed them, and the trigram matches
    // (pg_trgm's word similarity, which JavaScript does not reimplement) row by row.
    const derived = rowsOf<{ id: string; criteria_score: number; home_license_checked: boolean; home_license_claimed: boolean; q1: boolean; q2: boolean }>(
      await database.db.execute(sql`select id, criteria_score, home_license_checked, home_license_claimed,
        (lower(display_name || ' ' || coalesce(practice_name, '')) like '%birch%' or 'birch' <% lower(display_name || ' ' || coalesce(practice_name, ''))) as q1,
        (lower(display_name || ' ' || coalesce(practice_name, '')) like '%brich%' or 'brich' <% lower(display_name || ' ' || coalesce(practice_name, ''))) as q2
        from therapists`),
    );
    const byId = new Map(derived.map((r) => [r.id, r]));
    // home_license_claimed worked out here from the licences, and compared with the database's.
    const claimedInJs = (t: NewTherapist & { id: string }) => {
      const home = DATA.held.filter((l) => l.therapistId === t.id && l.state === t.state);
      return home.some((l) => !l.verifiedAt || l.status === "active") && !home.some((l) => l.verifiedAt && (l.status === "expired" || l.status === "disciplinary_action"));
    };
    const checkedInJs = (t: NewTherapist & { id: string }) => {
      const home = DATA.held.filter((l) => l.therapistId === t.id && l.state === t.state);
      return home.some((l) => l.verifiedAt && l.status === "active") && !home.some((l) => l.verifiedAt && (l.status === "expired" || l.status === "disciplinary_action"));
    };
    for (const t of DATA.rows) {
      expect(byId.get(t.id)!.home_license_claimed, t.slug).toBe(claimedInJs(t));
      expect(byId.get(t.id)!.home_license_checked, t.slug).toBe(checkedInJs(t));
    }
    all = DATA.rows.map((t) => {
      const r = byId.get(t.id)!;
      return { ...t, criteriaScore: Number(r.criteria_score), homeLicenseChecked: r.home_license_checked, homeLicenseClaimed: claimedInJs(t), matchesQ: new Map([["birch", r.q1], ["brich", r.q2]]) };
    });
    unregulated = new Set(
      rowsOf<{ code: string }>(await database.db.execute(sql`select code from state_licensing where regulation = 'none'`)).map((r) => r.code),
    );
  }, 900_000);

  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  it("has many ties: hundreds of therapists at the same point, every criteria score", () => {
    const atFirst = all.filter((t) => t.latitude === POINTS[0]!.latitude && t.longitude === POINTS[0]!.longitude);
    expect(atFirst.length).toBeGreaterThan(300);
    expect(new Set(all.map((t) => t.criteriaScore)).size).toBeGreaterThanOrEqual(6);
  });

  it("returns every page of every sort and filter combination exactly as the reference", { timeout: 1_500_000 }, async () => {
    const searches = combinations();
    const differences: string[] = [];
    let compared = 0;
    let estimated = 0;
    const errors: number[] = [];
    for (const c of searches) {
      const expected = reference(all, unregulated, c);
      const got = await searchTherapists(database.db, c);
      const want = expected.slice(c.offset, c.offset + c.limit);
      const ids = got.rows.map((r) => r.id);
      if (JSON.stringify(ids) !== JSON.stringify(want)) differences.push(`${JSON.stringify(c)}: got ${ids.length} rows, expected ${want.length}`);
      compared++;
      // The count: exact up to the threshold; past it, an estimate from a 1-in-16 sample.
      // Tolerance: 4 standard errors of such a sample (sqrt(16 / n): 50% at 1,000 matches,
      // 25% at 4,000) plus the 5% of rounding to two figures.
      const n = expected.length;
      const countIsNeeded = !(c.offset === 0 && n < c.limit);
      if (n <= COUNT_EXACT_UP_TO || !countIsNeeded) {
        if (got.total !== n || got.totalIsEstimate) differences.push(`${JSON.stringify(c)}: count ${got.total} (estimate: ${got.totalIsEstimate}), expected exactly ${n}`);
      } else {
        estimated++;
        const error = Math.abs(got.total - n) / n;
        errors.push(error);
        if (!got.totalIsEstimate || error > 4 * Math.sqrt(16 / n) + 0.05) differences.push(`${JSON.stringify(c)}: estimate ${got.total} for ${n}`);
      }
      if (got.totalCapped !== (n > COUNT_EXACT_UP_TO && countIsNeeded)) differences.push(`${JSON.stringify(c)}: totalCapped ${got.totalCapped} for ${n}`);
    }
    expect(differences.slice(0, 20)).toEqual([]);
    expect(compared).toBe(searches.length);
    // Estimates were exercised, and are close on average.
    expect(estimated).toBeGreaterThan(20);
    expect(errors.reduce((a, b) => a + b, 0) / errors.length).toBeLessThan(0.15);
  });
});
