// Bulk writes on PostgreSQL plan each foreign-key check and trigger statement once per
// transaction (planOnce, db/bulk-insert.ts), while every other statement on the app's
// connections keeps being planned for its actual values (force_custom_plan, db/client.ts). A
// trigger made by this test records the setting each imported row was written under: the
// foreign-key checks of those rows run under the same setting. (What it saves is measured in
// docs/benchmarks.md, not here: timings never decide a test.)
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { postgresClient } from "@/db/bulk-insert";
import { insertDemoTherapists } from "@/db/seed/insert-demo";
import { importRegistryFile } from "@/lib/registry/import-file";
import { rowsOf, testDrivers, type TestStore } from "../helpers/databases";

const MONTH1 = path.join(import.meta.dirname, "../fixtures/registry/npidata-month1.csv");

for (const driver of testDrivers.filter((d) => d.name === "PostgreSQL")) {
  describe("plans of bulk writes on PostgreSQL", () => {
    let store: TestStore;
    let database: Database;

    beforeAll(async () => {
      store = await driver.createStore();
      database = await store.open();
      await database.db.execute(sql`
        create table written_under (tbl text not null, plan_cache_mode text not null);
        create function record_plan_cache_mode() returns trigger language plpgsql as $$
          begin
            insert into written_under values (tg_table_name, current_setting('plan_cache_mode'));
            return null;
          end $$;
        create trigger record_mode after insert on licenses for each row execute function record_plan_cache_mode();
        create trigger record_mode after insert on profile_revisions for each row execute function record_plan_cache_mode();
        create trigger record_mode after insert on therapist_modalities for each row execute function record_plan_cache_mode();`);
    }, 120_000);

    afterAll(async () => {
      await database?.close();
      await store?.destroy();
    });

    const modes = async () =>
      rowsOf<{ tbl: string; plan_cache_mode: string; n: number }>(
        await database.db.execute(sql`select tbl, plan_cache_mode, count(*)::int as n from written_under group by 1, 2 order by 1, 2`),
      ).map((r) => [r.tbl, r.plan_cache_mode]);

    it("the app's connections plan each statement for its values", async () => {
      const [row] = rowsOf<{ mode: string }>(await database.db.execute(sql`select current_setting('plan_cache_mode') as mode`));
      expect(row!.mode).toBe("force_custom_plan");
    });

    it("the registry import writes its licences and revisions with plans kept for the transaction", async () => {
      await database.db.execute(sql`truncate written_under`);
      const summary = await importRegistryFile(database.db, MONTH1);
      expect(summary.created).toBeGreaterThan(0);
      expect(await modes()).toEqual([
        ["licenses", "auto"],
        ["profile_revisions", "auto"],
      ]);
      // Only for the import's own transactions: the connections are as they were.
      const pg = postgresClient(database.db)!;
      const after = await Promise.all([1, 2, 3, 4].map(() => pg`select current_setting('plan_cache_mode') as mode`));
      expect(after.map(([r]) => r!.mode)).toEqual(["force_custom_plan", "force_custom_plan", "force_custom_plan", "force_custom_plan"]);
    });

    it("the home-licence standing is inlined into the statement that reads it: no executor started per therapist (migration 0028)", async () => {
      await insertDemoTherapists(database.db, { count: 20, seed: "inline-standing" });
      const plan = rowsOf<Record<string, string>>(
        await database.db.execute(
          sql`explain (costs off) select l.id, st.checked, st.claimed from therapists l cross join lateral therapist_home_license_standing(l.id, l.state) st`,
        ),
      )
        .map((r) => Object.values(r)[0])
        .join("\n");
      expect(plan).toContain("licenses");
      expect(plan).not.toContain("Function Scan");
    });

    it("the demo seed's COPY writes its licences and modality links the same way", async () => {
      await database.db.execute(sql`truncate written_under`);
      await insertDemoTherapists(database.db, { count: 50 });
      expect(await modes()).toEqual([
        ["licenses", "auto"],
        ["therapist_modalities", "auto"],
      ]);
    });
  });
}
