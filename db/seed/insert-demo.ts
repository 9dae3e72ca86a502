// Writes generated demo therapists in bulk: multi-row inserts, one transaction per chunk, and
// the next free generator index recorded in the same transaction, so an interrupted run
// leaves whole chunks and a re-run continues where it stopped.
import { eq, sql } from "drizzle-orm";
import type { Sql } from "postgres";
import { bulkInsert, copyRows } from "../bulk-insert";
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

/** The `postgres` client under a drizzle database, or null on PGlite. */
function postgresClient(db: Db): Sql | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  return typeof client === "function" && "begin" in client ? (client as Sql) : null;
}

export async function insertDemoTherapists(db: Db, options: InsertDemoOptions): Promise<number> {
  const pg = postgresClient(db);
  // A load that at least doubles a large table is faster with the therapists' search indexes
  // built once at the end than updated row by row (keys, and the licences' indexes the
  // triggers read, stay).
  if (pg && options.count >= 50_000) {
    const [row] = await pg<{ n: number }[]>`select count(*)::int as n from therapists`;
    if (options.count >= (row?.n ?? 0)) return withIndexesRebuilt(pg, () => insertChunks(db, pg, options));
  }
  return insertChunks(db, pg, options);
}

async function withIndexesRebuilt<T>(pg: Sql, load: () => Promise<T>): Promise<T> {
  const indexes = await pg<{ name: string; definition: string }[]>`
    select i.relname as name, pg_get_indexdef(x.indexrelid) as definition
    from pg_index x join pg_class i on i.oid = x.indexrelid
    where x.indrelid = 'therapists'::regclass and not x.indisunique and not x.indisprimary`;
  for (const i of indexes) await pg.unsafe(`drop index if exists "${i.name}"`);
  try {
    return await load();
  } finally {
    // Restored even when the load fails: the table is never left without its indexes.
    await pg.begin(async (tx) => {
      await tx`set local maintenance_work_mem = '512MB'`;
      for (const i of indexes) await tx.unsafe(i.definition);
    });
    await pg`analyze therapists`;
  }
}

async function insertChunks(db: Db, pg: Sql | null, options: InsertDemoOptions): Promise<number> {
  const states = new Map(loadStateLicensing().map((s) => [s.code, s]));
  const start = await nextDemoIndex(db);
  let inserted = 0;
  while (inserted < options.count) {
    const size = Math.min(CHUNK, options.count - inserted);
    const batch: GeneratedTherapist[] = [];
    for (let i = 0; i < size; i++) {
      batch.push(generateTherapist(start + inserted + i, { seed: options.seed ?? DEFAULT_DEMO_SEED, states }));
    }
    const next = start + inserted + size;
    if (pg) {
      // PostgreSQL: COPY FROM STDIN, the fastest way in (see db/bulk-insert.ts).
      await pg.begin(async (tx) => {
        await tx`set constraints licenses_therapist_id_therapists_id_fk deferred`;
        await copyRows(tx, licenses, batch.flatMap((b) => b.licenses)); 
        await copyRows(tx, therapists, batch.map((b) => b.therapist));
        await copyRows(
          tx,
          therapistModalities,
          batch.flatMap((b) => b.therapist.modalitySlugs.map((modalitySlug) => ({ therapistId: b.therapist.id, modalitySlug }))),
        );
        await tx`insert into app_meta (key, value) values (${NEXT_INDEX_KEY}, ${next}::text::jsonb)
                 on conflict (key) do update set value = excluded.value, updated_at = now()`;
      });
      inserted += size;
      options.onProgress?.(inserted);
      continue;
    }
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
