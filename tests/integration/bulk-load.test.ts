// The bulk loader (db/bulk-insert.ts): on PostgreSQL it writes the derived columns itself with
// the per-row triggers off, checks them set-based, and rebuilds indexes and keys after a large
// load. Whatever the path, the rows must read exactly as the triggers would have written them.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { copyTherapists, derivedTherapistColumns, postgresClient, withSearchIndexesRebuilt } from "@/db/bulk-insert";
import { loadStateLicensing } from "@/db/reference/state-licensing";
import { inThreadDemoCopySource, type DemoCopySource } from "@/db/seed/demo-copy";
import { startDemoCopyWorkers } from "@/db/seed/demo-copy-workers";
import { generateTherapist } from "@/db/seed/demo-generator";
import { insertDemoTherapists } from "@/db/seed/insert-demo";
import { rowsOf, testDrivers, type TestStore } from "../helpers/databases";

const states = new Map(loadStateLicensing().map((s) => [s.code, s]));

describe.each(testDrivers)("bulk load on $name", (driver) => {
  let store: TestStore;
  let database: Database;

  beforeAll(async () => {
    store = await driver.createStore();
    database = await store.open();
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  it("writes the derived columns exactly as the database's own formulas give them, and leaves the triggers on", async () => {
    await insertDemoTherapists(database.db, { count: 400 });
    const rows = rowsOf<{ id: string; checked: boolean; claimed: boolean; score: number; checked_sql: boolean; claimed_sql: boolean; score_sql: number }>(
      await database.db.execute(sql`
        select t.id, t.home_license_checked as checked, t.home_license_claimed as claimed, t.criteria_score as score,
               therapist_home_license_checked(t.id, t.state) as checked_sql,
               therapist_home_license_claimed(t.id, t.state) as claimed_sql,
               therapist_criteria_score(t) as score_sql
        from therapists t`),
    );
    expect(rows).toHaveLength(400);
    for (const r of rows) expect([r.checked, r.claimed, Number(r.score)], r.id).toEqual([r.checked_sql, r.claimed_sql, Number(r.score_sql)]);
    // The same answers as the JavaScript derivation the PostgreSQL path writes.
    const generated = new Map(Array.from({ length: 400 }, (_, i) => generateTherapist(i, { states })).map((g) => [g.therapist.id, g]));
    for (const r of rows) {
      const d = derivedTherapistColumns(generated.get(r.id)!);
      expect([d.homeLicenseChecked, d.homeLicenseClaimed, d.criteriaScore], r.id).toEqual([r.checked, r.claimed, Number(r.score)]);
    }
    // Several scores and both licence standings occur, so the comparison means something.
    expect(new Set(rows.map((r) => Number(r.score))).size).toBeGreaterThanOrEqual(4);
    expect(new Set(rows.map((r) => r.checked)).size).toBe(2);
    const triggers = rowsOf<{ tgname: string; tgenabled: string }>(
      await database.db.execute(sql`select tgname, tgenabled from pg_trigger where tgname in ('therapists_derived', 'licenses_after_insert')`),
    );
    expect(triggers.map((t) => [t.tgname, t.tgenabled]).sort()).toEqual([
      ["licenses_after_insert", "O"],
      ["therapists_derived", "O"],
    ]);
  });
});

// The COPY path exists on PostgreSQL only.
for (const driver of testDrivers.filter((d) => d.name === "PostgreSQL")) {
  describe("bulk load by COPY on PostgreSQL", () => {
    let store: TestStore;
    let database: Database;

    beforeAll(async () => {
      store = await driver.createStore();
      database = await store.open();
    }, 120_000);

    afterAll(async () => {
      await database?.close();
      await store?.destroy();
    });

    it("COPY path: the set-based check finds nothing to correct; indexes and keys come back after a large load", async () => {
      const pg = postgresClient(database.db)!;
      const shape = async () => ({
        indexes: rowsOf<{ indexdef: string }>(
          await database.db.execute(sql`select indexdef from pg_indexes where tablename in ('therapists', 'therapist_modalities', 'licenses') order by indexdef`),
        ).map((r) => r.indexdef),
        keys: rowsOf<{ def: string }>(
          await database.db.execute(sql`select conname || ' ' || pg_get_constraintdef(oid) as def from pg_constraint where conrelid in ('therapists'::regclass, 'therapist_modalities'::regclass, 'licenses'::regclass) order by 1`),
        ).map((r) => r.def),
      });
      const before = await shape();
      const batch = Array.from({ length: 300 }, (_, i) => generateTherapist(10_000 + i, { states, seed: "bulk-load-test" }));
      const corrected = await withSearchIndexesRebuilt(pg, () => pg.begin((tx) => copyTherapists(tx, batch)));
      expect(corrected).toBe(0);
      expect(await shape()).toEqual(before);
    });

    it("COPY text keeps every value as given: tabs, line breaks, backslashes, quotes, nulls, empty and quoted array items, JSON", async () => {
      const pg = postgresClient(database.db)!;
      const awkward = "tab\there, line\nbreak, return\rhere, back\\slash \\N, \"quoted\", {braces}, é";
      const base = generateTherapist(90_000, { states, seed: "copy-text-test" });
      const item = {
        ...base,
        therapist: {
          ...base.therapist,
          displayName: `Awkward ${awkward}`,
          website: null,
          addressLine: "",
          languages: ["English", 'Spanish "Castilian"', "back\\slash", "NULL", "tab\tlang"],
          modalitySlugs: [],
          approvedText: { bio: `JSON ${awkward}` },
        },
      };
      await pg.begin((tx) => copyTherapists(tx, [item]));
      const [row] = rowsOf<{ display_name: string; website: string | null; address_line: string; languages: string[]; modality_slugs: string[]; bio: string }>(
        await database.db.execute(
          sql`select display_name, website, address_line, languages, modality_slugs, approved_text->>'bio' as bio from therapists where id = ${item.therapist.id}`,
        ),
      );
      expect(row).toEqual({
        display_name: `Awkward ${awkward}`,
        website: null,
        address_line: "",
        languages: ["English", 'Spanish "Castilian"', "back\\slash", "NULL", "tab\tlang"],
        modality_slugs: [],
        bio: `JSON ${awkward}`,
      });
    });

    it("loads two chunks at once but keeps them in order: a chunk the server refuses stops the load, the ones before it stay, the one after it is not kept", async () => {
      const other = await driver.createStore();
      const second = await other.open();
      const source = inThreadDemoCopySource();
      // The second of three chunks has a row the server refuses (COPY fails mid-transaction),
      // while the third loads beside it on the other connection.
      const failing: DemoCopySource = {
        parallelism: 2,
        async chunk(first, size, seed) {
          const made = await source.chunk(first, size, seed);
          return first === 10_000 ? { ...made, therapists: Buffer.from("not a therapist row\n") } : made;
        },
        close: () => source.close(),
      };
      try {
        const load = insertDemoTherapists(second.db, { count: 25_000, copySource: failing });
        // The server's own refusal, not a hang (postgres 3.4.9 never settled a COPY refused after
        // its data ended: db/bulk-insert.ts copyTextInto) and not the later chunk's "did not commit".
        await expect(load).rejects.toThrow(/invalid input syntax for type uuid: "not a therapist row"/);
        const kept = async () =>
          rowsOf<{ therapists: number; next: number }>(
            await second.db.execute(sql`select (select count(*)::int from therapists) as therapists,
                                               (select (value #>> '{}')::int from app_meta where key = 'demo_next_index') as next`),
          )[0];
        expect(await kept()).toEqual({ therapists: 10_000, next: 10_000 });
        // A chunk the source fails to make stops the load the same way: the chunk after it,
        // written meanwhile, is not kept (and does not wait for it forever).
        const unmade: DemoCopySource = {
          parallelism: 2,
          chunk: (first, size, seed) => (first === 10_000 ? Promise.reject(new Error("no text for this chunk")) : source.chunk(first, size, seed)),
          close: async () => {},
        };
        await expect(insertDemoTherapists(second.db, { count: 15_000, copySource: unmade })).rejects.toThrow("no text for this chunk");
        expect(await kept()).toEqual({ therapists: 10_000, next: 10_000 });
        // A re-run continues from the recorded index.
        await insertDemoTherapists(second.db, { count: 15_000 });
        expect(await kept()).toEqual({ therapists: 25_000, next: 25_000 });
      } finally {
        await source.close();
        await second.close();
        await other.destroy();
      }
    });

    it("worker threads load the same rows as this thread, chunk after chunk, and record the same next index", async () => {
      const other = await driver.createStore();
      const second = await other.open();
      const workers = await startDemoCopyWorkers(2, (reason) => {
        throw new Error(reason);
      });
      try {
        // Two chunks (10,000 rows, then 500), made at once by two workers, must commit in order.
        await insertDemoTherapists(second.db, { count: 10_500, copySource: workers! });
        const fingerprint = async (db: Database["db"]) =>
          rowsOf<{ table: string; n: number; md5: string }>(
            await db.execute(sql`
              select 'therapists' as table, count(*)::int as n,
                     md5(string_agg((to_jsonb(t) - 'created_at' - 'updated_at')::text, E'\n' order by id)) as md5 from therapists t
              union all
              select 'licenses', count(*)::int, md5(string_agg((to_jsonb(l) - 'created_at' - 'updated_at')::text, E'\n' order by id)) from licenses l
              union all
              select 'therapist_modalities', count(*)::int, md5(string_agg(m::text, E'\n' order by therapist_id, modality_slug)) from therapist_modalities m
              union all
              select 'next index', (value #>> '{}')::int, '' from app_meta where key = 'demo_next_index'`),
          ).sort((a, b) => a.table.localeCompare(b.table));
        await database.db.execute(sql`delete from therapists`);
        await database.db.execute(sql`delete from app_meta where key = 'demo_next_index'`);
        await insertDemoTherapists(database.db, { count: 10_500 });
        const here = await fingerprint(database.db);
        const counts = Object.fromEntries(here.map((r) => [r.table, r.n]));
        expect([counts.therapists, counts["next index"]]).toEqual([10_500, 10_500]);
        expect(counts.licenses).toBeGreaterThan(5_000);
        expect(counts.therapist_modalities).toBeGreaterThan(20_000);
        expect(await fingerprint(second.db)).toEqual(here);
      } finally {
        await workers?.close();
        await second.close();
        await other.destroy();
      }
    });
  });
}
