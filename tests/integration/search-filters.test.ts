// The price, language, gender and practice-detail filters and the price sort, on every test
// database, against a hand-made fixture whose right answers are known (issue 15).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { listStatedChoices } from "@/db/queries/search";
import { therapistModalities, therapists } from "@/db/schema";
import { buildTherapist, modalityLinks } from "@/db/seed/factories";
import { activeFilters } from "@/lib/search/filters";
import { parseSearchParams, toQueryString, type SearchParams } from "@/lib/search/params";
import { runSearch } from "@/lib/search/run-search";
import { testDrivers } from "../helpers/databases";

// ZIP 10001's centroid; fixture therapists sit due north of it, one mile apart.
const ORIGIN = { lat: 40.7484, lng: -73.9967 };
const north = (miles: number) => ({ latitude: ORIGIN.lat + (miles * 1609.344 * 180) / (6378168 * Math.PI), longitude: ORIGIN.lng, state: "NY" });
const base = { modalitySlugs: ["swedish"], wheelchairAccessible: false, offersSuperbills: false, acceptsHsaFsa: false };

const fixture = [
  // $60-80, Spanish, woman, every practice detail.
  buildTherapist({ ...base, slug: "pf-1", displayName: "Pia Pebblefield", ...north(1), priceMin: 60, priceMax: 80, languages: ["English", "Spanish"], gender: "Woman", wheelchairAccessible: true, offersSuperbills: true, acceptsHsaFsa: true }),
  // $100-140, man, superbills.
  buildTherapist({ ...base, slug: "pf-2", displayName: "Quentin Quillmere", ...north(2), priceMin: 100, priceMax: 140, languages: ["English"], gender: "Man", offersSuperbills: true }),
  // No price stated, no gender stated, Vietnamese, wheelchair, HSA/FSA.
  buildTherapist({ ...base, slug: "pf-3", displayName: "Rowan Rookstone", ...north(3), priceMin: null, priceMax: null, languages: ["English", "Vietnamese"], gender: null, wheelchairAccessible: true, acceptsHsaFsa: true }),
  // One price ($90, no upper end), "spanish" in lower case, non-binary, HSA/FSA.
  buildTherapist({ ...base, slug: "pf-4", displayName: "Sol Sorrelwick", ...north(4), priceMin: 90, priceMax: null, languages: ["spanish"], gender: "non-binary", acceptsHsaFsa: true }),
  // Kansas, $45, "woman" in lower case.
  buildTherapist({ ...base, slug: "pf-5", displayName: "Tove Thistledale", latitude: 38.9717, longitude: -95.2353, city: "Lawrence", state: "KS", zip: "66044", priceMin: 45, priceMax: 45, languages: ["English"], gender: "woman" }),
  // Unpublished: matches nothing and offers nothing to the menus.
  buildTherapist({ ...base, slug: "pf-6", displayName: "Uli Umberford", ...north(1.5), priceMin: 50, priceMax: 70, languages: ["Korean", "Spanish"], gender: "Agender", wheelchairAccessible: true, offersSuperbills: true, acceptsHsaFsa: true, published: false }),
];

function params(query: string): SearchParams {
  const parsed = parseSearchParams(new URLSearchParams(query), { allowPageSize: true });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.params;
}

describe("search filter parameters", () => {
  it("round-trip through the URL", () => {
    const query = "location=10001&minPrice=60&maxPrice=120&language=Spanish&gender=Woman&wheelchair=1&superbills=1&hsaFsa=1&sort=price";
    const p = params(query);
    expect(p).toMatchObject({ minPrice: 60, maxPrice: 120, language: "Spanish", gender: "Woman", wheelchair: true, superbills: true, hsaFsa: true, sort: "price" });
    expect(params(toQueryString(p))).toEqual(p);
  });

  it("bad values are field errors", () => {
    const errors = (query: string) => {
      const parsed = parseSearchParams(new URLSearchParams(query));
      return parsed.ok ? {} : parsed.fieldErrors;
    };
    expect(errors("minPrice=-5").minPrice).toBeDefined();
    expect(errors("maxPrice=cheap").maxPrice).toBeDefined();
    expect(errors("maxPrice=5000").maxPrice).toBeDefined();
    expect(errors("minPrice=100&maxPrice=50").maxPrice).toEqual(["maxPrice must not be below minPrice"]);
    expect(errors("wheelchair=maybe").wheelchair).toBeDefined();
    expect(errors(`language=${"x".repeat(41)}`).language).toBeDefined();
    expect(errors("gender=a%00b").gender).toBeDefined();
  });

  it("each new filter is a removable chip that says what is only stated", () => {
    const labels = activeFilters(params("minPrice=60&maxPrice=120&language=Spanish&gender=Woman&wheelchair=1&superbills=1&hsaFsa=1")).map((f) => f.label);
    expect(labels).toEqual([
      "$60 to $120 per 60-minute session",
      "Speaks Spanish",
      "Gender: Woman (as the therapist states)",
      "Wheelchair accessible (as the therapist states)",
      "Gives superbills for out-of-network claims (as the therapist states)",
      "Accepts HSA/FSA cards (as the therapist states)",
    ]);
    const price = activeFilters(params("maxPrice=90&language=Spanish")).find((f) => f.condition === "price")!;
    expect(price.label).toBe("Up to $90 per 60-minute session");
    expect(price.without).toMatchObject({ minPrice: undefined, maxPrice: undefined, language: "Spanish" });
  });
});

describe.each(testDrivers)("search filters on $name", ({ createStore }) => {
  let store: Awaited<ReturnType<typeof createStore>>;
  let database: Database;
  const slugs = async (query: string) => {
    const outcome = await runSearch(database.db, params(query));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors));
    return outcome.results.map((r) => r.slug);
  };

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    await database.db.insert(therapists).values(fixture);
    await database.db.insert(therapistModalities).values(modalityLinks(fixture));
  });
  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  it("price range: a stated session inside it; no stated price, no match", async () => {
    expect(await slugs("location=10001&minPrice=70")).toEqual(["pf-1", "pf-2", "pf-4"]);
    expect(await slugs("location=10001&maxPrice=85")).toEqual(["pf-1"]);
    expect(await slugs("maxPrice=85&sort=name")).toEqual(["pf-1", "pf-5"]);
    expect(await slugs("location=10001&minPrice=85&maxPrice=95")).toEqual(["pf-4"]);
    expect(await slugs("location=10001&minPrice=0")).toEqual(["pf-1", "pf-2", "pf-4"]);
  });

  it("language, without regard to case", async () => {
    expect(await slugs("location=10001&language=Spanish")).toEqual(["pf-1", "pf-4"]);
    expect(await slugs("location=10001&language=vietnamese")).toEqual(["pf-3"]);
    expect(await slugs("location=10001&language=Korean")).toEqual([]);
  });

  it("gender: only as stated, without regard to case; an unstated gender never matches", async () => {
    expect(await slugs("gender=woman&sort=name")).toEqual(["pf-1", "pf-5"]);
    expect(await slugs("gender=MAN")).toEqual(["pf-2"]);
    expect(await slugs("gender=Non-Binary")).toEqual(["pf-4"]);
    expect(await slugs("gender=Agender")).toEqual([]);
  });

  it("wheelchair access, superbills, HSA/FSA", async () => {
    expect(await slugs("location=10001&wheelchair=1")).toEqual(["pf-1", "pf-3"]);
    expect(await slugs("location=10001&superbills=1")).toEqual(["pf-1", "pf-2"]);
    expect(await slugs("location=10001&hsaFsa=1")).toEqual(["pf-1", "pf-3", "pf-4"]);
    expect(await slugs("location=10001&hsaFsa=0")).toEqual(["pf-1", "pf-2", "pf-3", "pf-4"]);
  });

  it("the new filters combine with each other and with the others", async () => {
    expect(await slugs("location=10001&language=Spanish&hsaFsa=1&maxPrice=100")).toEqual(["pf-1", "pf-4"]);
    expect(await slugs("location=10001&language=Spanish&hsaFsa=1&maxPrice=100&wheelchair=1")).toEqual(["pf-1"]);
    expect(await slugs("location=10001&gender=woman&superbills=1&modality=swedish&minPrice=60&maxPrice=60")).toEqual(["pf-1"]);
    expect(await slugs("location=KS&gender=woman&maxPrice=50")).toEqual(["pf-5"]);
  });

  it("no results: the advice names the new filter whose removal brings results back", async () => {
    const outcome = await runSearch(database.db, params("location=10001&language=Spanish&wheelchair=1&gender=man"));
    if (!outcome.ok) throw new Error("search failed");
    expect(outcome.total).toBe(0);
    const removals = Object.fromEntries(outcome.noResults!.removals.map((r) => [r.label, r.count]));
    expect(removals).toEqual({
      'Remove "Gender: man (as the therapist states)"': 1,
      'Remove "Speaks Spanish"': 0,
      'Remove "Wheelchair accessible (as the therapist states)"': 0,
    });
    const priced = await runSearch(database.db, params("location=10001&maxPrice=50&superbills=1"));
    if (!priced.ok) throw new Error("search failed");
    expect(priced.noResults!.removals.map((r) => [r.label, r.count])).toEqual([
      ['Remove "Up to $50 per 60-minute session"', 2],
      ['Remove "Gives superbills for out-of-network claims (as the therapist states)"', 0],
    ]);
  });

  it("sort by lowest price: stated prices low to high, none stated last; then distance", async () => {
    expect(await slugs("sort=price")).toEqual(["pf-5", "pf-1", "pf-4", "pf-2", "pf-3"]);
    expect(await slugs("location=10001&sort=price")).toEqual(["pf-1", "pf-4", "pf-2", "pf-3"]);
    expect(await slugs("location=10001&sort=price&minPrice=70")).toEqual(["pf-1", "pf-4", "pf-2"]);
    const outcome = await runSearch(database.db, params("location=NY&sort=price&pageSize=2&page=2"));
    if (!outcome.ok) throw new Error("search failed");
    expect(outcome.sort).toBe("price");
    expect(outcome.results.map((r) => [r.slug, r.price.min, r.price.max])).toEqual([
      ["pf-2", 100, 140],
      ["pf-3", null, null],
    ]);
  });

  it("the menus offer only the languages and genders published therapists state, each once", async () => {
    expect(await listStatedChoices(database.db)).toEqual({
      languages: ["English", "Spanish", "Vietnamese"],
      genders: ["Man", "non-binary", "Woman"],
    });
  });
});
