// A therapist's photos as this site serves them (app/photos/[id]/[width]): sized by srcset so a
// phone fetches a small file, with the alt text the therapist wrote. Without a portrait, the
// initials stay.
// Plain <img>, not next/image: the sizes were made once at upload (lib/photos/process.ts) and are
// stored in the database; the image optimizer would decode and re-encode them again per server.
/* eslint-disable @next/next/no-img-element */
import type { Photo } from "@/lib/photos/photo-urls";
import { InitialsAvatar } from "./initials-avatar";
import styles from "./therapist.module.css";

/** The portrait in a profile's header (72 px square), else the initials. */
export function Portrait({ name, photo, size = 72 }: { name: string; photo: Photo | undefined; size?: number }) {
  if (!photo) return <InitialsAvatar name={name} />;
  return <img className={styles.portrait} src={photo.src} srcSet={photo.srcset} sizes={`${size}px`} width={size} height={size} alt={photo.alt} loading="lazy" decoding="async" />;
}

/** Practice photos, in a row that wraps (each at most a third of a wide column, full width on a phone). */
export function PracticePhotos({ photos }: { photos: readonly Photo[] }) {
  if (!photos.length) return null;
  return (
    <ul className={styles.gallery} aria-label="Practice photos">
      {photos.map((p) => (
        <li key={p.src}>
          <img src={p.src} srcSet={p.srcset} sizes="(max-width: 640px) 100vw, 320px" width={p.width} height={p.height} alt={p.alt} loading="lazy" decoding="async" />
        </li>
      ))}
    </ul>
  );
}
