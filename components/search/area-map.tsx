import { drawAreaMap, type MapArea, type MapPoint } from "@/lib/geo/area-map";
import styles from "./area-map.module.css";

/**
 * The results of one page on a map of the searched area, drawn on this server (lib/geo/area-map):
 * plain SVG, no script, nothing fetched from another site. Each numbered marker is a link to
 * the profile, named with the therapist's name and distance, in the list's order, so a keyboard
 * or screen reader user meets them as they meet the list (which stays the primary view).
 */
export function AreaMap({ area, points, title }: { area: MapArea; points: MapPoint[]; title: string }) {
  const map = drawAreaMap(area, points);
  return (
    <figure className={styles.figure} aria-labelledby="map-title">
      <svg className={styles.map} viewBox={`0 0 ${map.width} ${map.height}`} role="group" aria-labelledby="map-title" aria-describedby="map-caption">
        <rect width={map.width} height={map.height} className={styles.land} />
        {map.counties ? <path d={map.counties} className={styles.county} /> : null}
        <path d={map.states} className={styles.state} />
        {map.circle ? <path d={map.circle} className={styles.circle} /> : null}
        {map.markers.map((m) =>
          m.x !== m.anchorX || m.y !== m.anchorY ? <line key={`l${m.number}`} x1={m.anchorX} y1={m.anchorY} x2={m.x} y2={m.y} className={styles.leader} /> : null,
        )}
        {map.markers.map((m) => (
          <circle key={`p${m.number}`} cx={m.anchorX} cy={m.anchorY} r={3} className={styles.anchor} />
        ))}
        {map.markers.map((m) => (
          <a key={m.number} href={m.href} aria-label={`${m.number}. ${m.label}`} className={styles.marker}>
            <circle cx={m.x} cy={m.y} r={12} />
            <text x={m.x} y={m.y} dy="0.35em" textAnchor="middle" aria-hidden="true">
              {m.number}
            </text>
          </a>
        ))}
      </svg>
      <figcaption className={styles.caption}>
        <span id="map-title">{title}</span>{" "}
        <span id="map-caption">
          Each numbered marker matches the numbered result in the list below and sits at the centre of the therapist&rsquo;s ZIP code, not at their address;
          therapists at one ZIP code are spread around it. Boundaries: U.S. Census Bureau, drawn on this site (no map service sees your search).
          {map.unplaced.length ? ` Not on the map (ZIP code not in our table): ${map.unplaced.map((p) => `${p.number}. ${p.label}`).join(", ")}.` : ""}
        </span>
      </figcaption>
    </figure>
  );
}
