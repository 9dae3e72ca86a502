// The owner's view of how often patients looked at the listing and wrote to it, per week.
// Counted without cookies or anything about the visitors (db/queries/listing-counts.ts).
import type { WeeklyCount } from "@/db/queries/listing-counts";
import { formatLongDate } from "@/lib/therapists/vocabulary";
import styles from "../dashboard.module.css";

export function WeeklyCounts({ counts, messagesOn }: { counts: WeeklyCount[]; messagesOn: boolean }) {
  return (
    <section aria-labelledby="counts-heading" className="stack">
      <h2 id="counts-heading">Views and messages</h2>
      <p>
        How many times your public profile was shown, and how many messages patients sent through its form, per week (weeks start on Monday,
        UTC). We count page views without cookies and without recording anything about the visitor; search engines&rsquo; crawlers and
        link prefetches are left out. Messages are e-mailed to you and then deleted here: only the count stays.
        {messagesOn ? null : " Your message form is off, or your listing has no public e-mail, so patients cannot send messages now."}
      </p>
      <table className={styles.table}>
        <caption className="visually-hidden">Profile views and messages in the last {counts.length} weeks</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">Profile views</th>
            <th scope="col">Messages</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c) => (
            <tr key={c.weekStart}>
              <th scope="row">
                <time dateTime={c.weekStart}>{formatLongDate(`${c.weekStart}T12:00:00Z`)}</time>
              </th>
              <td>{c.views}</td>
              <td>{c.messages}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
