// Licence notes ("LMT, Oregon - claimed, not yet checked"), each with its standing in a
// word and a link to the state's licensing page: the one rendering the profile page, the
// dashboard preview and every search result use. A problem (expired, disciplinary action,
// missing where the state requires a licence) is boxed and labelled "Warning", so it does not
// rely on colour alone.
import Link from "next/link";
import type { LicenseNote as LicenseNoteData } from "@/lib/licensing/license-note";
import { stateName } from "@/lib/licensing/vocabulary";
import styles from "./license-note.module.css";

const TONE_LABELS: Record<LicenseNoteData["tone"], string> = {
  verified: "Checked",
  self_reported: "Not yet checked",
  problem: "Warning",
  not_required: "No state licence",
};

type Note = LicenseNoteData & { number?: string | null };

/** `compact` (a search result card): the standing only; the card links the state's rules one tap away. */
export function LicenseNote({ note, compact = false }: { note: Note; compact?: boolean }) {
  return (
    <li className={`${styles.note} ${styles[note.tone] ?? ""}`} data-tone={note.tone}>
      <p>
        <strong className={styles.label}>{TONE_LABELS[note.tone]}:</strong> {note.text}.
        {note.number ? <> Licence number {note.number}.</> : null}
      </p>
      {compact ? null : (
        <p>
          <Link href={note.stateHref} className={styles.link}>
            {stateName(note.stateCode)} licensing rules
          </Link>
        </p>
      )}
    </li>
  );
}

export function LicenseNotes({ notes, compact = false }: { notes: readonly Note[]; compact?: boolean }) {
  if (notes.length === 0) return <p>No licence listed.</p>;
  return (
    <ul className={`${styles.notes} ${compact ? styles.compact : ""}`}>
      {notes.map((n, i) => (
        <LicenseNote key={`${n.stateCode}-${i}`} note={n} compact={compact} />
      ))}
    </ul>
  );
}
