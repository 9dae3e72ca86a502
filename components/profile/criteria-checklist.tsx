// The six selection criteria for one therapist, each stated in words (met, not met, not
// applicable) so that neither the symbol nor its colour carries the meaning alone.
import type { Criterion } from "@/lib/criteria";
import styles from "./profile.module.css";

const STATUS: Record<Criterion["status"], { word: string; symbol: string; className: string }> = {
  met: { word: "Met", symbol: "\u2713", className: styles.met! },
  not_met: { word: "Not met", symbol: "\u2717", className: styles.notMet! },
  not_applicable: { word: "Not applicable", symbol: "\u2013", className: styles.notApplicable! },
};

export function CriteriaChecklist({ criteria }: { criteria: readonly Criterion[] }) {
  const met = criteria.filter((c) => c.status === "met").length;
  return (
    <>
      <p>
        Meets {met} of {criteria.length} criteria.
      </p>
      <ul className={styles.criteria}>
        {criteria.map((c) => {
          const s = STATUS[c.status];
          return (
            <li key={c.key} className={s.className}>
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
    </>
  );
}
