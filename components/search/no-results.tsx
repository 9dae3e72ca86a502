import Link from "next/link";
import { RADIUS_CHOICES } from "@/lib/search/params";
import type { Change, NoResults as Advice } from "@/lib/search/run-search";
import styles from "./search.module.css";

const count = (c: Change) => `${c.countIsCapped ? "1,000+" : c.count.toLocaleString("en-US")} therapist${c.count === 1 ? "" : "s"}`;

/** "The nearest are 115 to 146 miles away": whole miles, the range of those shown. */
function nearestDistance(nearest: Advice["nearest"]) {
  const miles = nearest.map((r) => Math.round(r.distanceMiles ?? 0));
  const [first, last] = [miles[0], miles[miles.length - 1]];
  if (miles.length === 1) return `The nearest is ${first} miles away`;
  return `The nearest are ${first === last ? first : `${first} to ${last}`} miles away`;
}

/**
 * What to do when nothing matched. The page puts it before the form, so that on a phone the
 * count (the page heading) and this advice are what a visitor reads first.
 */
export function NoResults({ removals, suggestion, nearest, wholeState }: Advice) {
  const helpful = removals.filter((r) => r.count > 0);
  return (
    <section className={styles.noResults} aria-labelledby="no-results-heading">
      <h2 id="no-results-heading">No therapists match every filter</h2>
      {nearest.length ? (
        <p>
          {/* The nearest are shown only when even the largest radius finds no one. */}
          No one within {Math.max(...RADIUS_CHOICES)} miles matches. {nearestDistance(nearest)}:{" "}
          <a href="#nearest-heading">see {nearest.length === 1 ? "this therapist" : `these ${nearest.length}`} below</a>.
        </p>
      ) : null}
      {wholeState ? (
        <p>
          <Link href={`/therapists?${wholeState.query}`} className={styles.suggestion}>
            {wholeState.label}
          </Link>{" "}
          to see {count(wholeState)}.
        </p>
      ) : null}
      {suggestion ? (
        <p>
          <Link href={`/therapists?${suggestion.query}`} className={styles.suggestion}>
            {suggestion.label}
          </Link>{" "}
          to see {count(suggestion)}.
        </p>
      ) : !nearest.length && !wholeState ? (
        <p>Try a larger area, a different place, or fewer filters.</p>
      ) : null}
      {helpful.length ? (
        <>
          <h3>Filters that removed the most</h3>
          <ul>
            {helpful.map((r) => (
              <li key={r.query}>
                <Link href={`/therapists?${r.query}`}>{r.label}</Link>: {count(r)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
