import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { therapists } from "../schema";

export const METRES_PER_MILE = 1609.344;

export type NearOptions = {
  latitude: number;
  longitude: number;
  radiusMiles: number;
  limit?: number;
  offset?: number;
};

const point = sql`ll_to_earth(${therapists.latitude}, ${therapists.longitude})`;
const earthAt = (latitude: number, longitude: number) => sql`ll_to_earth(${latitude}::float8, ${longitude}::float8)`;

/**
 * Published therapists within `radiusMiles` of a point, nearest first. The cube bounding box
 * (`earth_box @>`) is answered by the GiST index on ll_to_earth(lat, lng); the exact
 * great-circle check then trims the box's corners; `<->` walks the same index nearest-first.
 */
export async function findTherapistsNear(db: Db, options: NearOptions) {
  const center = earthAt(options.latitude, options.longitude);
  const radiusMetres = options.radiusMiles * METRES_PER_MILE;
  const distance = sql`earth_distance(${center}, ${point})`;
  return db
    .select({
      id: therapists.id,
      slug: therapists.slug,
      displayName: therapists.displayName,
      city: therapists.city,
      state: therapists.state,
      latitude: therapists.latitude,
      longitude: therapists.longitude,
      distanceMiles: sql<number>`${distance} / ${METRES_PER_MILE}::float8`.mapWith(Number),
    })
    .from(therapists)
    .where(
      and(
        eq(therapists.published, true),
        sql`earth_box(${center}, ${radiusMetres}::float8) @> ${point}`,
        sql`${distance} <= ${radiusMetres}::float8`,
      ),
    )
    .orderBy(sql`${point} <-> ${center}`, therapists.id)
    .limit(options.limit ?? 20)
    .offset(options.offset ?? 0);
}

export async function countTherapists(db: Db, filter: { demoOnly?: boolean } = {}) {
  const [row] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number), states: sql<number>`count(distinct ${therapists.state})`.mapWith(Number) })
    .from(therapists)
    .where(filter.demoOnly ? eq(therapists.isDemo, true) : undefined);
  return row ?? { total: 0, states: 0 };
}
