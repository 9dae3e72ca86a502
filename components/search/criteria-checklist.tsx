import type { Criterion } from "@/lib/criteria";
import styles from "./search.module.css";

const WORD: Record<Criterion["status"], string> = { met: "met", not_met: "not met", not_applicable: "not applicable" };
const MARK: Record<Criterion["status"], string> = { met: "✓", not_met: "✗", not_applicable: "–" };

// Compact: a mark and a title per criterion; the status is also in words for screen readers
// and on hover, so it never relies on the mark or colour alone.
export function CriteriaChecklist({ criteria, headingId }: { criteria: Criterion[]; headingId: string }) {
  const met = criteria.filter((c) => c.status === "met").length;
  return (
    <div className={styles.criteria}>
      <p id={headingId} className={styles.criteriaHeading}>
        Selection criteria: {met} of {criteria.length} met
      </p>
      <ul aria-labelledby={headingId} className={styles.criteriaList}>
        {criteria.map((c) => (
          <li key={c.key} className={styles[c.status]} title={`${WORD[c.status]}: ${c.detail}`}>
            <span aria-hidden="true" className={styles.mark}>
              {MARK[c.status]}
            </span>
            {c.title}
            <span className="visually-hidden">: {WORD[c.status]}. {c.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
