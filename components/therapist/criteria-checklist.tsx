// The six selection criteria for one therapist: the one checklist the profile page, the
// dashboard preview and every search result use. Each status is a word (Met, Claimed, Not met,
// Not applicable) as well as a symbol, so neither the symbol nor its colour carries the meaning alone.
import type { ReactNode } from "react";
import { CLAIMED_WORDING, countMet, type Criterion } from "@/lib/criteria";
import styles from "./criteria-checklist.module.css";

const STATUS: Record<Criterion["status"], { word: string; symbol: string }> = {
  met: { word: "Met", symbol: "\u2713" },
  claimed: { word: CLAIMED_WORDING.replace(/^./, (s) => s.toUpperCase()), symbol: "?" },
  not_met: { word: "Not met", symbol: "\u2717" },
  not_applicable: { word: "Not applicable", symbol: "\u2013" },
};

type Props = {
  criteria: readonly Criterion[];
  /** Labels the list; give one per page when several checklists are shown (search results). */
  headingId: string;
  /**
   * For a search result card: only the count shows ("Meets 4 of 6 selection criteria"); the
   * checklist, and `children` after it, open with one tap (a native <details>, keyboard-ready).
   */
  compact?: boolean;
  children?: ReactNode;
};

export function CriteriaChecklist({ criteria, headingId, compact = false, children }: Props) {
  const summary = `Meets ${countMet(criteria)} of ${criteria.length} selection criteria`;
  const list = (
    <ul aria-labelledby={headingId} className={styles.list}>
      {criteria.map((c) => {
        const s = STATUS[c.status];
        return (
          <li key={c.key} className={styles[c.status]}>
            <span className={styles.symbol} aria-hidden="true">
              {s.symbol}
            </span>
            <span>
              <strong>
                {s.word}: {c.title}.
              </strong>{" "}
              {c.detail}
            </span>
          </li>
        );
      })}
    </ul>
  );
  if (compact) {
    return (
      <details className={styles.compact}>
        <summary id={headingId} className={styles.summary}>
          {summary}
        </summary>
        {list}
        {children}
      </details>
    );
  }
  return (
    <div>
      <p id={headingId} className={styles.summary}>
        {summary}
      </p>
      {list}
      {children}
    </div>
  );
}
