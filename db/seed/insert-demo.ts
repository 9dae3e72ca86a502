// Writes generated demo therapists in bulk: multi-row inserts, one transaction per chunk, and
// the next free generator index recorded in the same transaction, so an interrupted run
// leaves whole chunks and a re-run continues where it stopped.
import { eq, sql } from "drizzle-orm";
import type { Sql } from "postgres";
import { bulkInsert, copyTherapists, postgresClient, withSearchIndexesRebuilt } from "../bulk-insert";
import type { Db } from "../client";
import { loadStateLicensing } from "../reference/state-licensing";
import { appMeta, licenses, therapistModalities, therapists } from "../schema";
import { DEFAULT_DEMO_SEED, generateTherapist, type GeneratedTherapist } from "./demo-generator";
import { modalityLinks } from "./factories";

const CHUNK = 10000;
const NEXT_INDEX_KEY = "demo_next_index";

export type InsertDemoOptions = {
  count: number;
  seed?: string;
  onProgress?: (inserted: number) => void;
};

async function nextDemoIndex(db: Db): Promise<number> {
  const [row] = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, NEXT_INDEX_KEY));
  return typeof row?.value === "number" ? row.value : 0;
}

export async function insertDemoTherapists(db: Db, options: InsertDemoOptions): Promise<number> {
  const pg = postgresClient(db);
  // A load that at least doubles a large table is faster with the therapists' search indexes
  // built once at the end than updated row by row (keys, and the licences' indexes the
  // triggers read, stay).
  if (pg && options.count >= 50_000) {
    const [row] = await pg<{ n: number }[]>`select count(*)::int as n from therapists`;
    if (options.count >= (row?.n ?? 0)) return withSearchIndexesRebuilt(pg, () => insertChunks(db, pg, options));
  }
  return insertChunks(db, pg, options);
}

/** One chunk of generated therapists; with `yieldEvery`, gives the event loop a turn now and then. */
async function generateChunk(first: number, size: number, seed: string, states: ReturnType<typeof stateMap>, yieldEvery = 0) {
  const batch: GeneratedTherapist[] = [];
  for (let i = 0; i < size; i++) {
    batch.push(generateTherapist(first + i, { seed, states }));
    // Lets the previous chunk's COPY data flow to the server while this one is generated.
    if (yieldEvery && i % yieldEvery === yieldEvery - 1) await new Promise((r) => setImmediate(r));
  }
  return batch;
}

const stateMap = () => new Map(loadStateLicensing().map((s) => [s.code, s]));

async function insertChunks(db: Db, pg: Sql | null, options: InsertDemoOptions): Promise<number> {
  const states = stateMap();
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const start = await nextDemoIndex(db);
  let inserted = 0;
  if (pg) {
    // PostgreSQL: COPY FROM STDIN (db/bulk-insert.ts), pipelined: the next chunk is generated
    // while the server writes the previous one, so the two cores work at once.
    let writing: Promise<void> = Promise.resolve();
    let queued = 0;
    while (queued < options.count) {
      const size = Math.min(CHUNK, options.count - queued);
      const batch = await generateChunk(start + queued, size, seed, states, 250);
      queued += size;
      const next = start + queued;
      await writing;
      writing = pg
        .begin(async (tx) => {
          await copyTherapists(tx, batch);
          await tx`insert into app_meta (key, value) values (${NEXT_INDEX_KEY}, ${next}::text::jsonb)
                   on conflict (key) do update set value = excluded.value, updated_at = now()`;
        })
        .then(() => {
          inserted += size;
          options.onProgress?.(inserted);
        });
      // A failed chunk stops the load at the next turn (the error is not left unobserved).
      writing.catch(() => {});
    }
    await writing;
    return inserted;
  }
  while (inserted < options.count) {
    const size = Math.min(CHUNK, options.count - inserted);
    const batch = await generateChunk(start + inserted, size, seed, states);
    const next = start + inserted + size;
    await db.transaction(async (tx) => {
      // Licences first, their foreign key checked at commit: each therapist row is then
      // written once, with its licence standing and score already right (migration 0005).
      await tx.execute(sql`set constraints licenses_therapist_id_therapists_id_fk deferred`);
      await bulkInsert(tx, licenses, batch.flatMap((b) => b.licenses));
      await bulkInsert(tx, therapists, batch.map((b) => b.therapist));
      await bulkInsert(tx, therapistModalities, modalityLinks(batch.map((b) => b.therapist)));
      await tx
        .insert(appMeta)
        .values({ key: NEXT_INDEX_KEY, value: next })
        .onConflictDoUpdate({ target: appMeta.key, set: { value: next, updatedAt: sql`now()` } });
    });
    inserted += size;
    options.onProgress?.(inserted);
  }
  return inserted;
}
