// A map of a searched area, drawn on this server from boundary data that ships with the app
// (the Census Bureau's cartographic boundaries of counties and states, as the `us-atlas`
// package redistributes them): no tiles, scripts or fonts from another site, so drawing it
// tells no one what a patient searched for. The result is plain SVG geometry; the page turns
// it into markup (components/search/area-map.tsx).
//
// Markers sit at the centre of each therapist's ZIP code (the listing's position; street
// addresses are not geocoded), so several therapists often share one point. Markers are pushed
// apart until none covers another, each with a line to its point, so every one stays its own link.
import "server-only";
import { geoBounds, geoCircle, geoMercator, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { feature } from "topojson-client";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import countiesTopology from "us-atlas/counties-10m.json";
import { lookupZip } from "./zip";

export const MAP_WIDTH = 640;
export const MAP_HEIGHT = 400;
const PADDING = 24;
/** Statute miles in one degree of a great circle (Earth radius 3,958.8 miles). */
const MILES_PER_DEGREE = (2 * Math.PI * 3958.8) / 360;
/** Views wider than this many degrees draw state lines only (county lines would be clutter). */
const COUNTY_DETAIL_MAX_DEGREES = 6;
const MARKER_RADIUS = 12;

type Shape = { id: string; name: string; feature: Feature<Geometry>; bounds: [[number, number], [number, number]] };
type Atlas = { counties: Shape[]; states: Shape[] };

let atlas: Atlas | undefined;
/** The boundary shapes, read once per process (the first map pays ~100 ms). */
function loadAtlas(): Atlas {
  if (atlas) return atlas;
  const topology = countiesTopology as unknown as Topology<{ counties: GeometryCollection<{ name: string }>; states: GeometryCollection<{ name: string }> }>;
  const shapes = (key: "counties" | "states"): Shape[] =>
    (feature(topology, topology.objects[key]) as FeatureCollection<Geometry, { name: string }>).features.map((f) => ({
      id: String(f.id),
      name: f.properties.name,
      feature: f,
      bounds: geoBounds(f),
    }));
  atlas = { counties: shapes("counties"), states: shapes("states") };
  return atlas;
}

export type MapPoint = { number: number; label: string; href: string; zip: string };
export type MapArea =
  | { kind: "circle"; latitude: number; longitude: number; radiusMiles: number }
  | { kind: "state"; name: string }
  | { kind: "points" };

export type AreaMap = {
  width: number;
  height: number;
  /** SVG path data: county lines (empty for wide views), state lines, the search circle. */
  counties: string;
  states: string;
  circle: string | null;
  markers: { number: number; label: string; href: string; x: number; y: number; anchorX: number; anchorY: number }[];
  /** Results with no known position (an unknown ZIP): listed, not drawn. */
  unplaced: MapPoint[];
};

const round = (n: number) => Math.round(n * 10) / 10;

/** Whether two [[west, south], [east, north]] boxes overlap (boxes here never cross the antimeridian). */
const overlaps = (a: [[number, number], [number, number]], b: [[number, number], [number, number]]) =>
  a[0][0] <= b[1][0] && b[0][0] <= a[1][0] && a[0][1] <= b[1][1] && b[0][1] <= a[1][1];

/**
 * The map of `area` with a numbered marker per point. Pure apart from reading the bundled
 * boundary data: the same input draws the same map.
 */
export function drawAreaMap(area: MapArea, points: readonly MapPoint[]): AreaMap {
  const { counties, states } = loadAtlas();
  const placed = points.flatMap((p) => {
    const z = lookupZip(p.zip);
    return z ? [{ ...p, latitude: z.latitude, longitude: z.longitude }] : [];
  });
  const unplaced = points.filter((p) => !lookupZip(p.zip));

  // What the view must show: the searched circle or state, and every marker.
  const extent: GeoPermissibleObjects[] = placed.map((p) => ({ type: "Point", coordinates: [p.longitude, p.latitude] }) as const);
  let circle: GeoPermissibleObjects | null = null;
  if (area.kind === "circle") {
    circle = geoCircle()
      .center([area.longitude, area.latitude])
      .radius(area.radiusMiles / MILES_PER_DEGREE)
      .precision(2)();
    extent.push(circle);
  } else if (area.kind === "state") {
    const state = states.find((s) => s.name === area.name);
    if (state) extent.push(state.feature.geometry);
  }
  if (!extent.length) extent.push({ type: "Point", coordinates: [-98.5, 39.8] });
  // A single point (or several at one place) would zoom in without limit: show 5 miles around it.
  const collection = { type: "GeometryCollection", geometries: extent } as GeoPermissibleObjects;
  const [[w0, s0], [e0, n0]] = geoBounds(collection);
  if (e0 - w0 < 0.1 && n0 - s0 < 0.1) extent.push(geoCircle().center([(w0 + e0) / 2, (s0 + n0) / 2]).radius(5 / MILES_PER_DEGREE)());

  const projection = geoMercator()
    .fitExtent(
      [
        [PADDING, PADDING],
        [MAP_WIDTH - PADDING, MAP_HEIGHT - PADDING],
      ],
      { type: "GeometryCollection", geometries: extent } as GeoPermissibleObjects,
    )
    .clipExtent([
      [0, 0],
      [MAP_WIDTH, MAP_HEIGHT],
    ]);
  const path = geoPath(projection).digits(1);

  // The view's own box in degrees, to skip shapes that cannot show (cheaper than projecting all 3,000 counties).
  const [west, north] = projection.invert!([0, 0])!;
  const [east, south] = projection.invert!([MAP_WIDTH, MAP_HEIGHT])!;
  const view: [[number, number], [number, number]] = [
    [west, south],
    [east, north],
  ];
  const visible = (list: Shape[]) => list.filter((s) => overlaps(s.bounds, view));
  const draw = (list: Shape[]) =>
    visible(list)
      .map((s) => path(s.feature) ?? "")
      .join("");

  // Markers start at their point, then are pushed apart until none covers another (a few
  // dozen rounds of pairwise nudges); a marker that moved keeps a line to its point.
  const nodes = placed.map((p, i) => {
    const [ax, ay] = projection([p.longitude, p.latitude])!;
    // Markers at the very same point start on a small circle, in list order, so they part evenly.
    const twins = placed.slice(0, i).filter((q) => q.latitude === p.latitude && q.longitude === p.longitude).length;
    const angle = (twins * 2 * Math.PI) / 7 - Math.PI / 2;
    return { p, ax, ay, x: ax + (twins ? Math.cos(angle) * 2 : 0), y: ay + (twins ? Math.sin(angle) * 2 : 0) };
  });
  const gap = MARKER_RADIUS * 2 + 2;
  for (let round = 0; round < 80; round++) {
    let moved = false;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i]!;
        const b = nodes[j]!;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let d = Math.hypot(dx, dy);
        if (d >= gap) continue;
        if (d < 0.01) {
          dx = Math.cos(j);
          dy = Math.sin(j);
          d = 1;
        }
        const push = (gap - d) / 2 + 0.1;
        a.x -= (dx / d) * push;
        a.y -= (dy / d) * push;
        b.x += (dx / d) * push;
        b.y += (dy / d) * push;
        moved = true;
      }
    }
    for (const n of nodes) {
      n.x = Math.min(MAP_WIDTH - MARKER_RADIUS, Math.max(MARKER_RADIUS, n.x));
      n.y = Math.min(MAP_HEIGHT - MARKER_RADIUS, Math.max(MARKER_RADIUS, n.y));
    }
    if (!moved) break;
  }
  const markers: AreaMap["markers"] = nodes.map((n) => ({
    number: n.p.number,
    label: n.p.label,
    href: n.p.href,
    x: round(n.x),
    y: round(n.y),
    anchorX: round(n.ax),
    anchorY: round(n.ay),
  }));

  return {
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    counties: east - west <= COUNTY_DETAIL_MAX_DEGREES ? draw(counties) : "",
    states: draw(states),
    circle: circle ? (path(circle) ?? null) : null,
    markers,
    unplaced,
  };
}
