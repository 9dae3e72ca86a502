import Link from "next/link";
import type { LicenseNote } from "@/lib/licensing/license-note";
import styles from "./search.module.css";

// A problem (expired, disciplinary action, missing where required) is said in words first,
// so it stands out without colour.
export function LicenseNoteList({ notes }: { notes: LicenseNote[] }) {
  if (notes.length === 0) return <>No licence listed</>;
  return (
    <ul className={styles.notes}>
      {notes.map((n, i) => (
        <li key={i} className={n.tone === "problem" ? styles.problem : undefined}>
          {n.tone === "problem" ? <strong>Warning: </strong> : null}
          {n.text}{" "}
          <Link href={n.stateHref} className={styles.ruleLink}>
            <span className="visually-hidden">{n.stateCode} </span>state rules
          </Link>
        </li>
      ))}
    </ul>
  );
}
