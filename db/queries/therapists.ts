import "server-only";
// Public reads of therapists: one published profile, the published slugs the sitemap lists,
// and counts. The search itself is in search.ts; a therapist's own listing in listings.ts.
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { licenses, modalities, therapists } from "../schema";
import { listPhotos } from "./photos";
import { listStateRules } from "./states";

export const METRES_PER_MILE = 1609.344;

/** Everything the public profile shows, for a published therapist; undefined otherwise. */
export async function getPublishedTherapistBySlug(db: Db, { slug }: { slug: string }) {
  const [therapist] = await db
    .select()
    .from(therapists)
    .where(and(eq(therapists.slug, slug), eq(therapists.published, true)))
    .limit(1);
  if (!therapist) return undefined;

  const licenceRows = await db
    .select({
      state: licenses.state,
      number: licenses.number,
      credentialTitle: licenses.credentialTitle,
      status: licenses.status,
      verifiedAt: licenses.verifiedAt,
      source: licenses.source,
    })
    .from(licenses)
    .where(eq(licenses.therapistId, therapist.id))
    .orderBy(asc(licenses.state), asc(licenses.number));

  const modalityRows = therapist.modalitySlugs.length
    ? await db
        .select({ slug: modalities.slug, name: modalities.name, summary: modalities.summary })
        .from(modalities)
        .where(inArray(modalities.slug, therapist.modalitySlugs))
        .orderBy(asc(modalities.sortOrder))
    : [];

  const ruleStates = [...new Set([therapist.state, ...licenceRows.map((l) => l.state)])];
  const stateRules = await listStateRules(db, { codes: ruleStates });
  const photos = await listPhotos(db, [therapist.id]);

  // Owner and internal bookkeeping never leave the data layer.
  const { ownerId, version: _version, registryFacts, ...publicFields } = therapist;
  return {
    ...publicFields,
    claimed: ownerId !== null,
    registryCredential: registryFacts?.credential ?? null,
    modalities: modalityRows,
    licenses: licenceRows,
    stateRules,
    photos,
  };
}

export type PublishedProfile = NonNullable<Awaited<ReturnType<typeof getPublishedTherapistBySlug>>>;

/** How many profile URLs one sitemap file holds (the protocol allows 50,000). */
export const SITEMAP_PAGE_SIZE = 40_000;

/** How many therapists are published (the sitemap index). */
export async function countPublishedTherapists(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(therapists)
    .where(eq(therapists.published, true));
  return row?.n ?? 0;
}

/**
 * Published slugs with their last change, in slug order, one page at a time. `after` continues
 * from the last slug of the previous page (keyset, on the unique slug index); `page` jumps to a
 * page by offset, which the sitemap uses to serve page N on its own.
 */
export async function listPublishedTherapistSlugs(
  db: Db,
  options: { limit?: number; after?: string; page?: number } = {},
): Promise<{ slug: string; updatedAt: Date }[]> {
  const limit = Math.min(Math.max(options.limit ?? SITEMAP_PAGE_SIZE, 1), 50_000);
  return db
    .select({ slug: therapists.slug, updatedAt: therapists.updatedAt })
    .from(therapists)
    .where(and(eq(therapists.published, true), options.after === undefined ? undefined : gt(therapists.slug, options.after)))
    .orderBy(asc(therapists.slug))
    .limit(limit)
    .offset(options.after === undefined && options.page ? options.page * limit : 0);
}

/** Every therapist, or only the demo ones, and how many states they are in (scripts). */
export async function countTherapists(db: Db, options: { demoOnly?: boolean } = {}) {
  const [row] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number), states: sql<number>`count(distinct ${therapists.state})`.mapWith(Number) })
    .from(therapists)
    .where(options.demoOnly ? eq(therapists.isDemo, true) : undefined);
  return row ?? { total: 0, states: 0 };
}
