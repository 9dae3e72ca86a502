// The settings every connection the app opens to PostgreSQL carries (db/client.ts), on the
// ordinary pool and on the index walkers' pool: each statement planned for its own values, and
// never compiled by JIT (a search's statements run for milliseconds; compiling one page's columns
// took longer than the search: docs/benchmarks.md, eleventh pass). PGlite has neither setting to
// keep: it has no JIT, and no connections (its walks set theirs per statement, in a transaction).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexWalkDb, type Database, type Db } from "@/db/client";
import { rowsOf, testDrivers, type TestStore } from "../helpers/databases";

for (const driver of testDrivers.filter((d) => d.name === "PostgreSQL")) {
  describe("the app's PostgreSQL connections", () => {
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

    const settings = async (db: Db) =>
      rowsOf<{ jit: string; plan_cache_mode: string; enable_bitmapscan: string; enable_sort: string }>(
        await db.execute(
          sql`select current_setting('jit') as jit, current_setting('plan_cache_mode') as plan_cache_mode,
                     current_setting('enable_bitmapscan') as enable_bitmapscan, current_setting('enable_sort') as enable_sort`,
        ),
      )[0];

    it("plan each statement for its values and never compile it", async () => {
      expect(await settings(database.db)).toEqual({ jit: "off", plan_cache_mode: "force_custom_plan", enable_bitmapscan: "on", enable_sort: "on" });
    });

    it("the index walkers' connections too: no bitmap scans, and for walks in the index's order no sort", async () => {
      const walker = indexWalkDb(database.db);
      const inOrder = indexWalkDb(database.db, true);
      expect(walker).toBeDefined();
      expect(inOrder).toBeDefined();
      expect(await settings(walker!)).toEqual({ jit: "off", plan_cache_mode: "force_custom_plan", enable_bitmapscan: "off", enable_sort: "on" });
      expect(await settings(inOrder!)).toEqual({ jit: "off", plan_cache_mode: "force_custom_plan", enable_bitmapscan: "off", enable_sort: "off" });
    });
  });
}
