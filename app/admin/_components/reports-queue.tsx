// Reports of incorrect information, oldest first. The reporter's address is shown here only.
import Link from "next/link";
import { REPORT_KINDS, type ReportKind } from "@/lib/reports/report-input";
import styles from "../../dashboard/dashboard.module.css";
import { closeReportAction } from "../actions";

type Report = {
  id: string;
  kinds: string[];
  details: string;
  reporterEmail: string | null;
  createdAt: Date;
  therapistId: string;
  displayName: string;
  slug: string;
  city: string;
  state: string;
  published: boolean;
};

export function ReportsQueue({ reports }: { reports: Report[] }) {
  return (
    <section aria-labelledby="reports-heading" className="stack">
      <h2 id="reports-heading">Reports of incorrect information ({reports.length})</h2>
      {reports.length === 0 ? (
        <p>No open reports.</p>
      ) : (
        <ul className={styles.list}>
          {reports.map((r) => (
            <li key={r.id} className="stack">
              <p>
                About <strong>{r.displayName}</strong>, {r.city}, {r.state}
                {r.published ? "" : " (no longer published)"}, reported {r.createdAt.toISOString().slice(0, 10)}:{" "}
                {r.kinds.map((k) => REPORT_KINDS[k as ReportKind] ?? k).join("; ") || "no box ticked"}.
                {r.details ? ` “${r.details}”` : ""} {r.reporterEmail ? `Reporter: ${r.reporterEmail}.` : "No address left."}{" "}
                <Link href={`/dashboard/listings/${r.therapistId}`}>Edit {r.displayName}</Link>
              </p>
              <form action={closeReportAction} className={styles.actions} aria-label={`Close the report about ${r.displayName}`}>
                <input type="hidden" name="id" value={r.id} />
                <div className="field">
                  <label htmlFor={`report-note-${r.id}`}>Note (kept; sent to the owner when the listing changed)</label>
                  <input id={`report-note-${r.id}`} name="note" type="text" maxLength={1000} />
                </div>
                <button type="submit" name="outcome" value="changed">
                  Close: listing corrected
                </button>
                <button type="submit" name="outcome" value="no_change">
                  Close: nothing to change
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
