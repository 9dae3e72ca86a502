// The private results map (lib/geo/area-map.ts): drawn from the bundled boundaries, every
// marker its own visible spot even when therapists share a ZIP code, in the list's order.
import { describe, expect, it } from "vitest";
import { drawAreaMap, MAP_HEIGHT, MAP_WIDTH, type MapPoint } from "@/lib/geo/area-map";

const points = (zips: string[]): MapPoint[] => zips.map((zip, i) => ({ number: i + 1, label: `Therapist ${i + 1}`, href: `/therapists/t-${i + 1}`, zip }));
const MIN_GAP = 24; // two marker radii

function expectApart(markers: { x: number; y: number }[]) {
  for (let i = 0; i < markers.length; i++)
    for (let j = i + 1; j < markers.length; j++) expect(Math.hypot(markers[i]!.x - markers[j]!.x, markers[i]!.y - markers[j]!.y), `${i + 1} and ${j + 1}`).toBeGreaterThanOrEqual(MIN_GAP);
}

describe("the results map", () => {
  it("twenty therapists at one ZIP code: twenty markers, none covering another, each with a line to the point", () => {
    const map = drawAreaMap({ kind: "circle", latitude: 40.7506, longitude: -73.9972, radiusMiles: 25 }, points(Array(20).fill("10001")));
    expect(map.markers.map((m) => m.number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expectApart(map.markers);
    const anchors = new Set(map.markers.map((m) => `${m.anchorX},${m.anchorY}`));
    expect(anchors.size).toBe(1);
    for (const m of map.markers) {
      expect(m.x).toBeGreaterThanOrEqual(0);
      expect(m.x).toBeLessThanOrEqual(MAP_WIDTH);
      expect(m.y).toBeGreaterThanOrEqual(0);
      expect(m.y).toBeLessThanOrEqual(MAP_HEIGHT);
    }
  });

  it("a radius search draws its circle, county and state lines, and places each ZIP code where it is", () => {
    const map = drawAreaMap({ kind: "circle", latitude: 40.7506, longitude: -73.9972, radiusMiles: 25 }, points(["10001", "11201", "07030"]));
    expect(map.circle).toMatch(/^M[\d.,LZ -]+$/);
    expect(map.counties.length).toBeGreaterThan(100);
    expect(map.states.length).toBeGreaterThan(100);
    expectApart(map.markers);
    // Brooklyn (11201) lies south-east of Manhattan (10001); Hoboken (07030) west of it.
    const [manhattan, brooklyn, hoboken] = map.markers.map((m) => ({ x: m.anchorX, y: m.anchorY }));
    expect(brooklyn!.y).toBeGreaterThan(manhattan!.y);
    expect(brooklyn!.x).toBeGreaterThan(manhattan!.x);
    expect(hoboken!.x).toBeLessThan(manhattan!.x);
    // The circle (25 miles) is centred in the view.
    expect(Math.abs(manhattan!.x - MAP_WIDTH / 2)).toBeLessThan(20);
  });

  it("a whole-state search shows that state; a ZIP code not in the table is listed, not drawn", () => {
    const map = drawAreaMap({ kind: "state", name: "Kansas" }, points(["66044", "00000", "67202"]));
    expect(map.markers.map((m) => m.number)).toEqual([1, 3]);
    expect(map.unplaced.map((p) => p.number)).toEqual([2]);
    expect(map.circle).toBeNull();
    expect(map.states).not.toBe("");
  });

  it("is plain geometry: no address of another site, and the same input draws the same map", () => {
    const a = drawAreaMap({ kind: "points" }, points(["59301", "10001"]));
    const b = drawAreaMap({ kind: "points" }, points(["59301", "10001"]));
    expect(a).toEqual(b);
    expect(JSON.stringify(a)).not.toMatch(/https?:/);
  });
});

describe("open in a maps app", () => {
  it("links to the address (Google Maps) and to the listing's position (OpenStreetMap), nothing else", async () => {
    const { mapAppLinks } = await import("@/lib/geo/map-links");
    const links = mapAppLinks({ addressLine: "12 Main St & Co", city: "Lawrence", state: "KS", zip: "66044", latitude: 38.97172, longitude: -95.23525 });
    expect(links).toEqual([
      { label: "Google Maps", href: "https://www.google.com/maps/search/?api=1&query=12%20Main%20St%20%26%20Co%2C%20Lawrence%2C%20KS%2066044" },
      { label: "OpenStreetMap (the ZIP code's centre)", href: "https://www.openstreetmap.org/?mlat=38.97172&mlon=-95.23525#map=14/38.97172/-95.23525" },
    ]);
  });
});
