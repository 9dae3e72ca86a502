// Writes generated demo therapists in bulk: COPY on PostgreSQL (multi-row inserts on PGlite),
// one transaction per chunk, and the next free generator index recorded in the same
// transaction, so an interrupted run leaves whole chunks and a re-run continues where it stopped.
import { eq, sql } from "drizzle-orm";
import type { Sql } from "postgres";
import { bulkInsert, copyTherapistText, postgresClient, withSearchIndexesRebuilt } from "../bulk-insert";
import type { Db } from "../client";
import { loadStateLicensing } from "../reference/state-licensing";
import { appMeta, licenses, therapistModalities, therapists } from "../schema";
import { inThreadDemoCopySource, type DemoCopyChunk, type DemoCopySource } from "./demo-copy";
import { DEFAULT_DEMO_SEED, generateTherapist, type GeneratedTherapist } from "./demo-generator";
import { modalityLinks } from "./factories";

const CHUNK = 10000;
const NEXT_INDEX_KEY = "demo_next_index";

export type InsertDemoOptions = {
  count: number;
  seed?: string;
  onProgress?: (inserted: number) => void;
  /**
   * Where PostgreSQL's COPY text is made: worker threads (./demo-copy-workers.ts, which the
   * scripts start) or, by default, this thread. The rows are the same either way.
   */
  copySource?: DemoCopySource;
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

/** One chunk of generated therapists. */
function generateChunk(first: number, size: number, seed: string, states: ReturnType<typeof stateMap>) {
  const batch: GeneratedTherapist[] = [];
  for (let i = 0; i < size; i++) batch.push(generateTherapist(first + i, { seed, states }));
  return batch;
}

const stateMap = () => new Map(loadStateLicensing().map((s) => [s.code, s]));

async function insertChunks(db: Db, pg: Sql | null, options: InsertDemoOptions): Promise<number> {
  const states = stateMap();
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const start = await nextDemoIndex(db);
  let inserted = 0;
  if (pg) {
    // PostgreSQL: COPY FROM STDIN (db/bulk-insert.ts) of text the source makes ahead (in
    // worker threads, or in this thread between writes), so generating the next chunks and the
    // server writing this one overlap. Chunks commit in order: the recorded next index is
    // always the end of the last whole chunk.
    const source = options.copySource ?? inThreadDemoCopySource();
    const chunks = Math.ceil(options.count / CHUNK);
    const made = new Map<number, Promise<DemoCopyChunk>>();
    let asked = 0;
    const ask = () => {
      const k = asked++;
      const chunk = source.chunk(start + k * CHUNK, Math.min(CHUNK, options.count - k * CHUNK), seed);
      // A failed chunk stops the load when its turn comes (the error is not left unobserved).
      chunk.catch(() => {});
      made.set(k, chunk);
    };
    try {
      for (let k = 0; k < chunks; k++) {
        while (asked < Math.min(chunks, k + 1 + source.parallelism)) ask();
        const chunk = await made.get(k)!;
        made.delete(k);
        const next = chunk.first + chunk.size;
        await pg.begin(async (tx) => {
          // A crash loses at most the last chunks, which a re-run writes again (the next index
          // commits with them): no need to wait for each commit to reach the disk.
          await tx`set local synchronous_commit = off`;
          await copyTherapistText(tx, chunk);
          await tx`insert into app_meta (key, value) values (${NEXT_INDEX_KEY}, ${next}::text::jsonb)
                   on conflict (key) do update set value = excluded.value, updated_at = now()`;
        });
        inserted += chunk.size;
        options.onProgress?.(inserted);
      }
    } finally {
      if (!options.copySource) await source.close();
    }
    return inserted;
  }
  while (inserted < options.count) {
    const size = Math.min(CHUNK, options.count - inserted);
    const batch = generateChunk(start + inserted, size, seed, states);
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
