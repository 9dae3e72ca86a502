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
/** Chunks loaded at once on PostgreSQL (each its own connection and transaction). */
const WRITERS = 2;
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

/** A promise with its resolve and reject (Promise.withResolvers needs Node 22). */
function settlement() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  promise.catch(() => {}); // observed by the next chunk, if there is one
  return { promise, resolve, reject };
}

/** A chunk found that the one before it did not commit (that chunk's failure is the cause). */
class EarlierChunkFailed extends Error {
  constructor(first: number) {
    super(`The demo rows before index ${first} did not commit, so the rows from there were not kept.`);
  }
}

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
    // server writing this one overlap. WRITERS chunks load at once, each in its own transaction
    // on its own connection (the server's work on one chunk is one process: two cores, two
    // chunks). They commit in order all the same: a chunk, once written, waits for the one
    // before it to commit, then moves the recorded next index from its own first row to its end
    // (and fails if the index is elsewhere). An interrupted load leaves whole chunks up to the
    // recorded index, and a re-run continues from there.
    const source = options.copySource ?? inThreadDemoCopySource();
    const chunks = Math.ceil(options.count / CHUNK);
    const made = new Map<number, Promise<DemoCopyChunk>>();
    let asked = 0;
    let taken = 0;
    // Chunk k's commit (or failure), which chunk k + 1 waits for before it commits.
    const committed = Array.from({ length: chunks }, settlement);
    const ask = () => {
      const k = asked++;
      const chunk = source.chunk(start + k * CHUNK, Math.min(CHUNK, options.count - k * CHUNK), seed);
      // A failed chunk stops the load when its turn comes (the error is not left unobserved).
      chunk.catch(() => {});
      made.set(k, chunk);
    };
    await pg`insert into app_meta (key, value) values (${NEXT_INDEX_KEY}, ${start}::text::jsonb) on conflict (key) do nothing`;
    const writer = async () => {
      for (let k = taken++; k < chunks; k = taken++) {
        while (asked < Math.min(chunks, k + WRITERS + source.parallelism)) ask();
        try {
          // Inside the try: a chunk the source failed to make fails its turn, so the next
          // chunk stops too instead of waiting for it.
          const chunk = await made.get(k)!;
          made.delete(k);
          const next = chunk.first + chunk.size;
          await pg.begin(async (tx) => {
            // A crash loses at most the last chunks, which a re-run writes again (the next index
            // commits with them): no need to wait for each commit to reach the disk.
            await tx`set local synchronous_commit = off`;
            await copyTherapistText(tx, chunk);
            if (k > 0) await committed[k - 1]!.promise.catch(() => Promise.reject(new EarlierChunkFailed(chunk.first)));
            const moved = await tx`update app_meta set value = ${next}::text::jsonb, updated_at = now()
                                   where key = ${NEXT_INDEX_KEY} and value = ${chunk.first}::text::jsonb returning key`;
            if (moved.length === 0) throw new EarlierChunkFailed(chunk.first);
          });
          committed[k]!.resolve();
          inserted += chunk.size;
        } catch (error) {
          committed[k]!.reject(error);
          throw error;
        }
        options.onProgress?.(inserted);
      }
    };
    try {
      // Every writer finishes (or fails) before the source closes; a chunk's own failure is the
      // cause, not the later chunk that then found the recorded index unmoved.
      const failures = (await Promise.allSettled(Array.from({ length: WRITERS }, writer)))
        .filter((r): r is PromiseRejectedResult => r.status === "rejected")
        .map((r) => r.reason as unknown);
      if (failures.length) throw failures.find((e) => !(e instanceof EarlierChunkFailed)) ?? failures[0];
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
