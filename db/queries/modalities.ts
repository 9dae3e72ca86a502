import "server-only";
import { and, arrayContains, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { modalities, therapists } from "../schema";

/** The controlled vocabulary, in its reading order. */
export async function listModalities(db: Db) {
  return db.select().from(modalities).orderBy(asc(modalities.sortOrder));
}

/** One modality by its slug; undefined when unknown. */
export async function getModality(db: Db, options: { slug: string }) {
  const [row] = await db.select().from(modalities).where(eq(modalities.slug, options.slug)).limit(1);
  return row;
}

/** Published therapists offering a modality (answered by the GIN index on modality_slugs). */
export async function countPublishedTherapistsOffering(db: Db, options: { slug: string }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(therapists)
    .where(and(eq(therapists.published, true), arrayContains(therapists.modalitySlugs, [options.slug])));
  return row?.n ?? 0;
}
