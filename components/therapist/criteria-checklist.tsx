// The six selection criteria for one therapist: the one checklist the profile page, the
// dashboard preview and every search result use. Each status is a word (Met, Claimed, Not met,
// Not applicable) as well as a symbol, so neither the symbol nor its colour carries the meaning alone.
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
  /** Short lines for a search result card: the detail is read out and shown on hover, not printed. */
  compact?: boolean;
};

export function CriteriaChecklist({ criteria, headingId, compact = false }: Props) {
  return (
    <div className={compact ? styles.compact : undefined}>
      <p id={headingId} className={styles.summary}>
        Meets {countMet(criteria)} of {criteria.length} selection criteria
      </p>
      <ul aria-labelledby={headingId} className={styles.list}>
        {criteria.map((c) => {
          const s = STATUS[c.status];
          return (
            <li key={c.key} className={styles[c.status]} title={compact ? `${s.word}: ${c.detail}` : undefined}>
              <span className={styles.symbol} aria-hidden="true">
                {s.symbol}
              </span>
              <span>
                <strong>
                  {s.word}: {c.title}.
                </strong>{" "}
                <span className={compact ? "visually-hidden" : undefined}>{c.detail}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
