// The administrator's queue of text changes on published listings, oldest first: what was
// approved beside what is on the site now, then approve, or revert with a reason.
import Link from "next/link";
import type { TextReview } from "@/db/queries/text-review";
import { FIELD_LABELS } from "@/lib/therapists/field-labels";
import styles from "../../dashboard/dashboard.module.css";
import { approveTextAction, revertTextAction } from "../actions";

const shown = (v: string | string[] | null) => (v === null || v === "" || (Array.isArray(v) && v.length === 0) ? "(empty)" : Array.isArray(v) ? v.join(", ") : v);

export function TextReviewQueue({ reviews }: { reviews: TextReview[] }) {
  return (
    <section aria-labelledby="text-review-heading" className="stack">
      <h2 id="text-review-heading">Text changes to review ({reviews.length})</h2>
      <p>
        Every first publication and every change to the texts patients read. The listing stays on the site meanwhile. Approve it, or revert it to the
        last approved text; the owner reads your reason by e-mail.
      </p>
      {reviews.length === 0 ? (
        <p>Nothing to review.</p>
      ) : (
        <ul className={styles.list}>
          {reviews.map((r) => (
            <li key={r.id} className="stack">
              <p>
                <strong>{r.displayName}</strong>, {r.city}, {r.state} ({r.ownerEmail ?? "no owner"}), waiting since {r.requestedAt.toISOString().slice(0, 10)}
                {r.approved ? "" : " (first publication)"}. <Link href={`/therapists/${r.slug}`}>Profile of {r.displayName}</Link>{" "}
                <Link href={`/dashboard/listings/${r.id}`}>Details and history of {r.displayName}</Link>
              </p>
              <dl>
                {r.changes.map((c) => (
                  <div key={c.field}>
                    <dt>{FIELD_LABELS[c.field] ?? c.field}</dt>
                    {r.approved && <dd>Approved: {shown(c.approved)}</dd>}
                    <dd>Now: {shown(c.current)}</dd>
                  </div>
                ))}
              </dl>
              <form action={approveTextAction} className={styles.actions} aria-label={`Approve the text of ${r.displayName}`}>
                <input type="hidden" name="id" value={r.id} />
                <input type="hidden" name="version" value={r.version} />
                <button type="submit">Approve text of {r.displayName}</button>
              </form>
              {r.approved && (
                <form action={revertTextAction} className={styles.actions} aria-label={`Revert the text of ${r.displayName}`}>
                  <input type="hidden" name="id" value={r.id} />
                  <input type="hidden" name="version" value={r.version} />
                  <div className="field">
                    <label htmlFor={`revert-reason-${r.id}`}>Reason (sent to the owner)</label>
                    <input id={`revert-reason-${r.id}`} name="reason" type="text" required minLength={3} maxLength={1000} />
                  </div>
                  <button type="submit">Revert text of {r.displayName}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
