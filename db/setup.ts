// What every start-up does after migrations: refresh reference data from the repo, and seed
// the fictional demo therapists once, the first time, when asked to.
import { eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import { MODALITIES } from "./reference/modalities";
import { loadStateLicensing, stateRowOf } from "./reference/state-licensing";
import { appMeta, modalities, stateLicensing } from "./schema";
import { insertDemoTherapists } from "./seed/insert-demo";

export type PrepareOptions = {
  /** Seed this many demo therapists if the demo has never been seeded in this database. */
  seedDemo?: { count: number; seed?: string };
};

const DEMO_SEEDED_KEY = "demo_seeded";

export async function syncReferenceData(db: Db): Promise<void> {
  const states = loadStateLicensing();
  await db.transaction(async (tx) => {
    await tx
      .insert(modalities)
      .values(MODALITIES.map((m, sortOrder) => ({ ...m, sortOrder })))
      .onConflictDoUpdate({
        target: modalities.slug,
        set: {
          name: sql`excluded.name`,
          summary: sql`excluded.summary`,
          description: sql`excluded.description`,
          whatToExpect: sql`excluded.what_to_expect`,
          sortOrder: sql`excluded.sort_order`,
        },
      });
    const rows = states.map(stateRowOf);
    const columns = Object.keys(rows[0]!).filter((k) => k !== "code") as (keyof (typeof rows)[number])[];
    await tx
      .insert(stateLicensing)
      .values(rows)
      .onConflictDoUpdate({
        target: stateLicensing.code,
        set: Object.fromEntries(columns.map((k) => [k, sql.raw(`excluded.${stateLicensing[k].name}`)])),
      });
  });
}

/** Seeds the demo once per database, ever: a marker row records that it happened. */
export async function seedDemoOnce(db: Db, options: { count: number; seed?: string }): Promise<number> {
  const [done] = await db.select().from(appMeta).where(eq(appMeta.key, DEMO_SEEDED_KEY));
  if (done) return 0;
  const inserted = await insertDemoTherapists(db, options);
  await db
    .insert(appMeta)
    .values({ key: DEMO_SEEDED_KEY, value: { at: new Date().toISOString(), count: inserted } })
    .onConflictDoNothing();
  return inserted;
}

export async function prepareDatabase(db: Db, options: PrepareOptions = {}): Promise<void> {
  await syncReferenceData(db);
  if (options.seedDemo) await seedDemoOnce(db, options.seedDemo);
}
