import Link from "next/link";
import type { Change } from "@/lib/search/run-search";
import styles from "./search.module.css";

const count = (c: Change) => `${c.countIsCapped ? "1,000+" : c.count.toLocaleString("en-US")} therapist${c.count === 1 ? "" : "s"}`;

export function NoResults({ removals, suggestion }: { removals: Change[]; suggestion: Change | null }) {
  const helpful = removals.filter((r) => r.count > 0);
  return (
    <section className={styles.noResults} aria-labelledby="no-results-heading">
      <h2 id="no-results-heading">No therapists match every filter</h2>
      {suggestion ? (
        <p>
          <Link href={`/therapists?${suggestion.query}`} className={styles.suggestion}>
            {suggestion.label}
          </Link>{" "}
          to see {count(suggestion)}.
        </p>
      ) : (
        <p>Try a larger area, a different place, or fewer filters.</p>
      )}
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
