// A radius read through the latitude bands' B-tree (searchConditions "every": the exact counts
// and the searches with few matches) selects exactly the therapists the GiST box does ("walk"),
// on points just inside and just outside many circles (New York, Alaska at the 180th meridian,
// the Arctic coast, Hawaii), and the band condition is answered by its index alone, a name too.
import { sql } from "drizzle-orm";
import seedrandom from "seedrandom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkInsert } from "@/db/bulk-insert";
import type { Database } from "@/db/client";
import { countMatches, searchConditions, type SearchCriteria } from "@/db/queries/search";
import { SAMPLE_PREDICATE, therapists, type NewTherapist } from "@/db/schema";
import { rowsOf, testDrivers, type TestStore } from "../helpers/databases";

const EARTH = 6378168;
const MILE = 1609.344;
const rad = (deg: number) => (deg * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;
function destination(centre: { latitude: number; longitude: number }, bearing: number, metres: number) {
  const d = metres / EARTH;
  const lat1 = rad(centre.latitude);
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing));
  const lon2 = rad(centre.longitude) + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  return { latitude: deg(lat2), longitude: ((deg(lon2) + 540) % 360) - 180 };
}

// Centres and radii (miles): each with therapists on rings a metre inside and a metre outside.
const CIRCLES = [
  { latitude: 40.7506, longitude: -73.9972, miles: 25, state: "NY" },
  { latitude: 40.7506, longitude: -73.9972, miles: 100, state: "NY" },
  { latitude: 51.88, longitude: -176.66, miles: 50, state: "AK" }, // Adak: a box
  { latitude: 51.88, longitude: -176.66, miles: 250, state: "AK" }, // across the 180th meridian: no box
  { latitude: 71.29, longitude: -156.79, miles: 100, state: "AK" }, // Utqiagvik
  { latitude: 21.31, longitude: -157.86, miles: 10, state: "HI" },
];

function generate(): NewTherapist[] {
  const rng = seedrandom.alea("radius-bands");
  const rows: NewTherapist[] = [];
  for (const [c, circle] of CIRCLES.entries()) {
    for (let k = 0; k < 240; k++) {
      const bearing = (k / 240) * 2 * Math.PI;
      // Inside by a metre, outside by a metre, and anywhere within twice the radius.
      const metres = k % 3 === 0 ? circle.miles * MILE - 1 : k % 3 === 1 ? circle.miles * MILE + 1 : rng() * 2 * circle.miles * MILE;
      const at = destination(circle, bearing, metres);
      rows.push({
        slug: `band-${c}-${k}`,
        displayName: `Band Test ${c} ${k}`,
        city: "Testville",
        state: circle.state,
        zip: "00000",
        latitude: at.latitude,
        longitude: at.longitude,
        modalitySlugs: k % 2 ? ["deep-tissue"] : ["swedish"],
        isDemo: true,
        published: true,
      });
    }
  }
  return rows;
}

for (const { name, createStore } of testDrivers) {
  describe(`radius through the latitude bands on '${name}'`, () => {
    let store: TestStore;
    let database: Database;

    beforeAll(async () => {
      store = await createStore();
      database = await store.open();
      await bulkInsert(database.db, therapists, generate());
      await database.db.execute(sql`vacuum analyze therapists`);
    }, 120_000);

    afterAll(async () => {
      await database?.close();
      await store?.destroy();
    });

    it("selects exactly the therapists the GiST box does, a metre inside and outside each circle", async () => {
      for (const circle of CIRCLES) {
        for (const modalities of [undefined, ["deep-tissue"]]) {
          const c: Omit<SearchCriteria, "sort" | "limit" | "offset"> = { near: { ...circle, radiusMiles: circle.miles }, modalities };
          const walk = await countMatches(database.db, searchConditions(c).values(), 10_000);
          const every = await countMatches(database.db, searchConditions(c, "every").values(), 10_000);
          expect({ circle, modalities, every }).toEqual({ circle, modalities, every: walk });
          // Every ring a metre inside, none a metre outside, about a third of the rest (within twice the radius).
          expect(walk).toBeGreaterThanOrEqual(modalities ? 40 : 80);
        }
      }
    });

    it("reads the band condition from its covering B-trees alone, the sample's from the sample's", async () => {
      const c = { near: { latitude: 40.7506, longitude: -73.9972, radiusMiles: 25 }, modalities: ["deep-tissue"] };
      const plan = (sample: boolean) =>
        database.db.transaction(async (tx) => {
          const where = sql.join([sql`published`, ...(sample ? [sql.raw(SAMPLE_PREDICATE)] : []), ...searchConditions(c, "every").values()], sql` and `);
          // A table this small would be read whole; the question is whether the index can answer.
          await tx.execute(sql`set local enable_seqscan = off`);
          await tx.execute(sql`set local enable_bitmapscan = off`);
          return rowsOf<Record<string, string>>(await tx.execute(sql`explain select ${sample ? sql`count(*)` : sql`id`} from therapists where ${where}`))
            .map((r) => Object.values(r)[0])
            .join("\n");
        });
      expect(await plan(false)).toContain("Index Only Scan using therapists_latitude_band_idx");
      expect(await plan(true)).toContain("Index Only Scan using therapists_latitude_band_sample_idx");
    });

    it("tests a name on the entries of a place or a state alone (practice_name covered, migration 0030)", async () => {
      const plan = (c: Omit<SearchCriteria, "sort" | "limit" | "offset">) =>
        database.db.transaction(async (tx) => {
          await tx.execute(sql`set local enable_seqscan = off`);
          await tx.execute(sql`set local enable_bitmapscan = off`);
          const where = sql.join([sql`published`, ...searchConditions(c, "every").values()], sql` and `);
          return rowsOf<Record<string, string>>(await tx.execute(sql`explain select id, lower(display_name) from therapists where ${where}`))
            .map((r) => Object.values(r)[0])
            .join("\n");
        });
      const near = { latitude: 40.7506, longitude: -73.9972, radiusMiles: 25 };
      expect(await plan({ near, q: "band test" })).toContain("Index Only Scan using therapists_latitude_band_idx");
      expect(await plan({ near, q: "band test", modalities: ["deep-tissue"], licensed: true })).toContain("Index Only Scan using therapists_latitude_band_idx");
      expect(await plan({ state: "NY", q: "band test" })).toContain("Index Only Scan using therapists_state_name_idx");
    });
  });
}
