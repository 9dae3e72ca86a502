// The latitude bands and longitudes a radius search reads (db/queries/radius-bounds.ts) must hold
// every point within the radius: a point left out would be missing from the results and the
// count. Points on and inside random circles all over the earth, on earthdistance's sphere.
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { radiusBounds } from "@/db/queries/radius-bounds";
import { LATITUDE_BANDS_PER_DEGREE } from "@/db/schema";

const EARTH = 6378168;
const MILE = 1609.344;
const rad = (deg: number) => (deg * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/** The point `metres` from a centre along a bearing, on the sphere (the destination formula). */
function destination(centre: { latitude: number; longitude: number }, bearing: number, metres: number) {
  const d = metres / EARTH;
  const lat1 = rad(centre.latitude);
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing));
  const lon2 = rad(centre.longitude) + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  const longitude = ((deg(lon2) + 540) % 360) - 180;
  return { latitude: deg(lat2), longitude };
}

describe("radius bounds", () => {
  it("hold every point on and inside random circles all over the earth", () => {
    const rng = seedrandom.alea("radius-bounds");
    let boxes = 0;
    const outside: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const centre = { latitude: -88 + rng() * 176, longitude: -180 + rng() * 360 };
      const metres = (0.5 + rng() * 500) * MILE;
      const bounds = radiusBounds(centre, metres);
      if (!bounds) continue;
      boxes++;
      const bands = new Set(bounds.bands);
      for (let k = 0; k < 72; k++) {
        const bearing = k < 64 ? (k / 64) * 2 * Math.PI : rng() * 2 * Math.PI;
        const point = destination(centre, bearing, k % 2 ? metres : metres * rng());
        const inside = bands.has(Math.floor(point.latitude * LATITUDE_BANDS_PER_DEGREE)) && point.longitude >= bounds.west && point.longitude <= bounds.east;
        if (!inside) outside.push(`${point.latitude},${point.longitude} from ${centre.latitude},${centre.longitude} (${metres} m)`);
      }
    }
    expect(outside.slice(0, 5)).toEqual([]);
    // Most circles have a box: only those reaching a pole or the 180th meridian do not.
    expect(boxes).toBeGreaterThan(2000);
  });

  it("are tight: a 25-mile circle in New York spans 37 bands and under a degree of longitude", () => {
    const bounds = radiusBounds({ latitude: 40.7506, longitude: -73.9972 }, 25 * MILE)!;
    expect(bounds.bands).toHaveLength(37);
    expect(bounds.bands[0]).toBe(Math.floor((40.7506 - 0.3614) * LATITUDE_BANDS_PER_DEGREE));
    expect(bounds.east - bounds.west).toBeGreaterThan(0.95);
    expect(bounds.east - bounds.west).toBeLessThan(0.97);
  });

  it("give no box for a circle across the 180th meridian or around a pole", () => {
    expect(radiusBounds({ latitude: 51.88, longitude: -176.66 }, 200 * MILE)).toBeNull();
    expect(radiusBounds({ latitude: 52.9, longitude: 179.9 }, 10 * MILE)).toBeNull();
    expect(radiusBounds({ latitude: 89.5, longitude: 10 }, 50 * MILE)).toBeNull();
    expect(radiusBounds({ latitude: 51.88, longitude: -176.66 }, 50 * MILE)).not.toBeNull();
  });
});
