import { describeValue, fieldLabel } from "@/lib/therapists/field-labels";
import styles from "../dashboard.module.css";

type Revision = { id: number; version: number; changes: Record<string, { old: unknown; new: unknown }>; reason: string | null; createdAt: Date; userEmail: string | null };

// Coordinates follow the ZIP code; listing them would only add noise.
const HIDDEN = new Set(["latitude", "longitude"]);

export function RevisionHistory({ revisions }: { revisions: Revision[] }) {
  return (
    <section aria-labelledby="history-heading" className="stack">
      <h2 id="history-heading">History of changes</h2>
      <ol className={styles.list}>
        {revisions.map((r) => (
          <li key={r.id}>
            <p>
              <strong>Version {r.version}</strong>, {r.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC, by {r.userEmail ?? "a deleted account"}
              {r.reason ? ` (${r.reason})` : ""}
            </p>
            <div className={styles.scroll}>
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(r.changes)
                    .filter(([k]) => !HIDDEN.has(k))
                    .map(([k, c]) => (
                      <tr key={k}>
                        <th scope="row">{fieldLabel(k)}</th>
                        <td>{describeValue(c.old)}</td>
                        <td>{describeValue(c.new)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
