// Writes generated demo therapists in bulk: multi-row inserts, one transaction per chunk, and
// the next free generator index recorded in the same transaction, so an interrupted run
// leaves whole chunks and a re-run continues where it stopped.
import { eq, sql } from "drizzle-orm";
import { bulkInsert } from "../bulk-insert";
import type { Db } from "../client";
import { loadStateLicensing } from "../reference/state-licensing";
import { appMeta, licenses, therapistModalities, therapists } from "../schema";
import { DEFAULT_DEMO_SEED, generateTherapist, type GeneratedTherapist } from "./demo-generator";
import { modalityLinks } from "./factories";

const CHUNK = 5000;
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
