// One licence note ("LMT, Oregon - self-reported, not yet checked") with a link to the
// state's licensing page. A problem (expired, disciplinary action, missing where the state
// requires a licence) is boxed and starts with "Warning:", so it does not rely on colour alone.
import Link from "next/link";
import type { LicenseNote as LicenseNoteData } from "@/lib/licensing/license-note";
import styles from "./license-note.module.css";

type Props = {
  note: LicenseNoteData;
  /** The element to render: a paragraph by default, "li" inside a list, "span" inline. */
  as?: "p" | "li" | "span";
};

export function LicenseNote({ note, as: Tag = "p" }: Props) {
  const problem = note.tone === "problem";
  return (
    <Tag className={`${styles.note} ${styles[note.tone] ?? ""}`} data-tone={note.tone}>
      {problem ? <span className={styles.prefix}>Warning: </span> : null}
      {note.text}{" "}
      <Link href={note.stateHref} className={styles.link}>
        {note.stateCode} licensing rules
      </Link>
    </Tag>
  );
}
