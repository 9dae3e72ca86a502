// The owner's photos on the listing page: what is shown now (with its description and a remove
// button) and the upload form, which posts the file to POST /photos (app/photos/route.ts) and
// comes back here with a notice (and, after a refusal, the description typed).
/* eslint-disable @next/next/no-img-element -- sizes made at upload (components/therapist/photos.tsx) */
import { MAX_PRACTICE_PHOTOS, type PhotoMeta } from "@/db/queries/photos";
import { photoNotice } from "@/lib/photos/photo-input";
import { photoPath } from "@/lib/photos/photo-urls";
import { PHOTO_MAX_BYTES } from "@/lib/photos/process";
import { removePhotoAction } from "../photo-actions";
import styles from "../dashboard.module.css";

export function ListingPhotos({ listingId, photos, notice, typedAlt }: { listingId: string; photos: PhotoMeta[]; notice: unknown; typedAlt: unknown }) {
  const message = photoNotice(notice);
  const practice = photos.filter((p) => p.kind === "practice").length;
  return (
    <section id="photos" aria-labelledby="photos-heading" className="stack">
      <h2 id="photos-heading">Photos</h2>
      <p>
        One portrait (shown on your card and profile, cropped square) and up to {MAX_PRACTICE_PHOTOS} photos of your practice. JPEG, PNG or WebP, up to{" "}
        {PHOTO_MAX_BYTES / 1024 / 1024} MB each. We resize each photo and keep only the resized copies, without the file&rsquo;s metadata (camera details and
        location are removed).
      </p>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "notice" : "notice notice-warning"}>
          {message.text}
        </p>
      )}
      {photos.length ? (
        <ul className={styles.list}>
          {photos.map((p) => (
            <li key={p.id} className={styles.actions}>
              <img src={photoPath(p.id, p.widths[0] ?? p.width)} width={80} height={p.kind === "portrait" ? 80 : Math.round((80 * p.height) / p.width)} alt={p.alt} />
              <span>
                {p.kind === "portrait" ? "Portrait" : "Practice photo"}: &ldquo;{p.alt}&rdquo; ({p.width}&times;{p.height})
              </span>
              <form action={removePhotoAction}>
                <input type="hidden" name="id" value={p.id} />
                <input type="hidden" name="listingId" value={listingId} />
                <button type="submit">Remove photo: {p.alt}</button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p>No photos yet: patients see your initials.</p>
      )}
      <form method="post" action={`/photos?listing=${listingId}`} encType="multipart/form-data" className="stack" aria-label="Add a photo">
        <div className="field">
          <label htmlFor="photo-kind">Kind of photo</label>
          <select id="photo-kind" name="kind" required defaultValue="portrait">
            <option value="portrait">Portrait (replaces the current one)</option>
            <option value="practice" disabled={practice >= MAX_PRACTICE_PHOTOS}>
              Practice photo ({practice} of {MAX_PRACTICE_PHOTOS})
            </option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="photo-alt">Description for people who cannot see the photo (required)</label>
          <p id="photo-alt-hint" className={styles.hint}>
            For example &ldquo;Jordan smiling in the treatment room&rdquo;. 3 to 200 characters.
          </p>
          <input id="photo-alt" name="alt" type="text" required minLength={3} maxLength={200} defaultValue={typeof typedAlt === "string" ? typedAlt : ""} aria-describedby="photo-alt-hint" />
        </div>
        <div className="field">
          <label htmlFor="photo-file">Photo file</label>
          <input id="photo-file" name="file" type="file" accept="image/jpeg,image/png,image/webp" required />
        </div>
        <button type="submit">Upload photo</button>
      </form>
    </section>
  );
}
