// Which latitude bands and which longitudes a radius search can reach, so that it reads the
// therapists_latitude_band_idx B-tree (migration 0029: one range of longitudes per band of
// latitude) instead of the GiST index's box. The B-tree reads an entry in about half the time
// (docs/benchmarks.md, ninth pass). These are bounds only: the search still tests the exact
// distance (earth_distance) on every entry, so the bounds must hold every point within the
// radius and may hold more.
import { LATITUDE_BANDS_PER_DEGREE } from "../schema";

/** earthdistance's sphere: its earth() function's radius, in metres. */
const EARTH_RADIUS_METRES = 6378168;
/** Widens every bound: the database's distance and this file's trigonometry round differently. */
const MARGIN_DEGREES = 1e-6;

export type RadiusBounds = { bands: number[]; west: number; east: number };

/**
 * The bands (floor(latitude x LATITUDE_BANDS_PER_DEGREE)) and the longitudes from west to east
 * that hold every point within `metres` of the centre; null when no such simple box exists (the
 * circle reaches a pole or crosses the 180th meridian): such a search reads the GiST box.
 */
export function radiusBounds(centre: { latitude: number; longitude: number }, metres: number): RadiusBounds | null {
  const degrees = 180 / Math.PI;
  // The angle at the earth's centre that the radius spans (a great circle's arc).
  const arc = metres / EARTH_RADIUS_METRES;
  const south = centre.latitude - arc * degrees - MARGIN_DEGREES;
  const north = centre.latitude + arc * degrees + MARGIN_DEGREES;
  if (!(arc < Math.PI / 2) || south <= -90 || north >= 90) return null;
  // The widest longitude a circle of that arc reaches (it does not hold a pole): asin(sin(arc) /
  // cos(latitude)) at the centre's latitude (Matuschek, "Finding points within a distance of a
  // latitude/longitude using bounding coordinates", 2010).
  const ratio = Math.sin(arc) / Math.cos(centre.latitude / degrees);
  if (!(ratio < 1)) return null;
  const halfWidth = Math.asin(ratio) * degrees + MARGIN_DEGREES;
  const west = centre.longitude - halfWidth;
  const east = centre.longitude + halfWidth;
  if (west < -180 || east > 180) return null;
  const first = Math.floor(south * LATITUDE_BANDS_PER_DEGREE);
  const last = Math.floor(north * LATITUDE_BANDS_PER_DEGREE);
  const bands: number[] = [];
  for (let band = first; band <= last; band++) bands.push(band);
  return { bands, west, east };
}
