// The name search's quick test (db/queries/name-trigrams.ts) never turns away a name pg_trgm
// finds similar, nor one that contains the query: for many queries and thousands of names made
// from them (typos, letters swapped, dropped and added, other words around them, hyphens,
// capitals), every such name holds one of the query's required trigrams, on both databases,
// and the database's threshold is the one the test assumes.
import { sql } from "drizzle-orm";
import seedrandom from "seedrandom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { requiredTrigramsPattern, WORD_SIMILARITY_THRESHOLD } from "@/db/queries/name-trigrams";
import { rowsOf, testDrivers, type TestStore } from "../helpers/databases";

const QUERIES = ["quilstone", "juniper", "willowby", "bramble", "birch", "brich", "thompson", "robert jones", "kimura", "lee", "santos", "anna", "massage"];
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

function names(): string[] {
  const rng = seedrandom.alea("name-trigrams");
  const pick = (s: string) => s[Math.floor(rng() * s.length)]!;
  const at = (s: string) => Math.floor(rng() * (s.length + 1));
  const edits = [
    (s: string) => { const i = at(s); return s.slice(0, i) + s.slice(i + 1); }, // drop
    (s: string) => { const i = at(s); return s.slice(0, i) + pick(LETTERS) + s.slice(i); }, // add
    (s: string) => { const i = at(s); return s.slice(0, i) + pick(LETTERS) + s.slice(i + 1); }, // change
    (s: string) => { const i = Math.floor(rng() * Math.max(1, s.length - 1)); return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2); }, // swap
    (s: string) => { const i = 1 + Math.floor(rng() * Math.max(1, s.length - 2)); return `${s.slice(0, i)}-${s.slice(i)}`; }, // hyphen
  ];
  const around = ["", "Dr. ", "Maria ", "", " Massage", " Therapy LLC", " & Co", ""];
  const out: string[] = [];
  for (const q of QUERIES)
    for (let k = 0; k < 400; k++) {
      let s = q;
      for (let e = Math.floor(rng() * 4); e > 0; e--) s = edits[Math.floor(rng() * edits.length)]!(s);
      if (rng() < 0.3) s = s.toUpperCase();
      out.push(`${around[Math.floor(rng() * around.length)]}${s}${around[Math.floor(rng() * around.length)]}`.trim() || q);
    }
  return out;
}

describe.each(testDrivers)("the name search's quick test on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;
  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  it("runs at the threshold it assumes", async () => {
    // PostgreSQL knows the setting once pg_trgm's library is loaded, by its first use on the connection.
    const setting = await database.db.transaction(async (tx) => {
      await tx.execute(sql`select 'a' <% 'a'`);
      return rowsOf<{ t: string }>(await tx.execute(sql`select current_setting('pg_trgm.word_similarity_threshold') as t`));
    });
    expect(Number(setting[0]!.t)).toBe(WORD_SIMILARITY_THRESHOLD);
  });

  it("never turns away a name pg_trgm finds similar", async () => {
    const list = `{${names().map((n) => `"${n.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
    let tested = 0;
    let typos = 0;
    for (const q of QUERIES) {
      const pattern = requiredTrigramsPattern(q);
      if (!pattern) continue;
      tested++;
      const [r] = rowsOf<{ similar: number; typos: number; missed: number; containing: number; missedContaining: number }>(
        await database.db.execute(sql`
          select count(*) filter (where ${q} <% n)::int as similar,
                 count(*) filter (where ${q} <% n and n not like ${`%${q}%`})::int as typos,
                 count(*) filter (where ${q} <% n and n !~ ${pattern})::int as missed,
                 count(*) filter (where n like ${`%${q}%`})::int as containing,
                 count(*) filter (where n like ${`%${q}%`} and n !~ ${pattern})::int as "missedContaining"
            from (select lower(x) as n from unnest(${list}::text[]) x) names`),
      );
      expect(r!.missed, q).toBe(0);
      // The search tests the required trigrams before both of its name tests: a name containing
      // the query holds them as well.
      expect(r!.containing, q).toBeGreaterThan(0);
      expect(r!.missedContaining, q).toBe(0);
      // Not vacuous: names that do not contain the query are found similar, and tested.
      expect(r!.typos, q).toBeGreaterThan(0);
      expect(r!.similar, q).toBeGreaterThan(r!.typos);
      typos += r!.typos;
    }
    expect(tested).toBeGreaterThanOrEqual(8);
    expect(typos).toBeGreaterThan(300);
  });
});
