import { LicenseNote } from "@/components/license-note";
import type { LicenseNote as LicenseNoteData } from "@/lib/licensing/license-note";
import styles from "./search.module.css";

export function LicenseNoteList({ notes }: { notes: LicenseNoteData[] }) {
  if (notes.length === 0) return <>No licence listed</>;
  return (
    <ul className={styles.notes}>
      {notes.map((n, i) => (
        <LicenseNote key={i} note={n} as="li" />
      ))}
    </ul>
  );
}
