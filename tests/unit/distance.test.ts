// The straight-line distance shown on a profile reached from a search.
import { describe, expect, it } from "vitest";
import { haversineMiles } from "@/lib/geo/distance";
import { lookupZip } from "@/lib/geo/zip";

describe("haversineMiles", () => {
  it("is zero for one point and symmetric", () => {
    const nyc = { latitude: 40.7484, longitude: -73.9967 };
    const la = { latitude: 34.0522, longitude: -118.2437 };
    expect(haversineMiles(nyc, nyc)).toBe(0);
    expect(haversineMiles(nyc, la)).toBeCloseTo(haversineMiles(la, nyc), 9);
  });

  it("matches known great-circle distances between ZIP centroids", () => {
    const manhattan = lookupZip("10001")!;
    const beverlyHills = lookupZip("90210")!;
    const d = haversineMiles(manhattan, beverlyHills);
    expect(d).toBeGreaterThan(2400);
    expect(d).toBeLessThan(2480);
    expect(haversineMiles(lookupZip("10001")!, lookupZip("10002")!)).toBeLessThan(3);
  });
});
