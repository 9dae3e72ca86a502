// One licence note with a link to its state's rules. A problem is marked by a word and a
// border as well as by colour, so it does not depend on seeing colour.
import Link from "next/link";
import type { LicenseNote } from "@/lib/licensing/license-note";
import styles from "./profile.module.css";

const LABELS: Record<LicenseNote["tone"], string> = {
  verified: "Checked",
  self_reported: "Not yet checked",
  problem: "Warning",
  not_required: "No state licence",
};

export function LicenseNoteLine({ note, stateName, number }: { note: LicenseNote; stateName: string; number?: string }) {
  return (
    <div className={`${styles.licenseNote} ${styles[`tone_${note.tone}`]}`}>
      <p>
        <strong className={styles.toneLabel}>{LABELS[note.tone]}:</strong> {note.text}.
        {number ? <> Licence number {number}.</> : null}
      </p>
      <p>
        <Link href={note.stateHref}>{stateName} licensing rules</Link>
      </p>
    </div>
  );
}
