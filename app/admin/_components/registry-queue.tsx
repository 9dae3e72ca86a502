// Administrators: requests to remove an imported registry listing (approve: the listing is
// unpublished, never deleted, and its NPI stays out of later imports), and the claimed registry
// listings whose owner's values differ from what the registry now says (the importer never
// overwrites an owner's edit; it keeps the registry's value beside it).
import Link from "next/link";
import type { listPendingRemovals, listRegistryDifferences } from "@/db/queries/registry";
import { FIELD_LABELS } from "@/lib/therapists/field-labels";
import styles from "../../dashboard/dashboard.module.css";
import { decideRemovalAction } from "../actions";

type Removals = Awaited<ReturnType<typeof listPendingRemovals>>;
type Differences = Awaited<ReturnType<typeof listRegistryDifferences>>;

const shown = (v: unknown) => (v === null || v === undefined || v === "" ? "(empty)" : String(v));

export function RegistryQueue({ removals, differences }: { removals: Removals; differences: Differences }) {
  return (
    <>
      <section aria-labelledby="removals-heading" className="stack">
        <h2 id="removals-heading">Removal requests for registry listings ({removals.length})</h2>
        {removals.length === 0 ? (
          <p>No removal requests.</p>
        ) : (
          <ul className={styles.list}>
            {removals.map((r) => (
              <li key={r.id} className="stack">
                <p>
                  {r.requesterEmail ?? "A deleted account"} asks to remove <strong>{r.displayName ?? "a listing"}</strong>
                  {r.city ? `, ${r.city}, ${r.state}` : ""} (NPI {r.npi}, which matches the listing, and licence number {r.licenceNumber}, which
                  matches a licence on it), asked {r.createdAt.toISOString().slice(0, 10)}.{" "}
                  {r.slug && <Link href={`/therapists/${r.slug}`}>Profile of {r.displayName}</Link>}
                </p>
                {r.message && <p>Note: &ldquo;{r.message}&rdquo;</p>}
                <form action={decideRemovalAction} className={styles.actions} aria-label={`Decide the removal of ${r.displayName ?? r.npi}`}>
                  <input type="hidden" name="removalId" value={r.id} />
                  <button type="submit" name="decision" value="approve">
                    Approve the removal
                  </button>
                  <button type="submit" name="decision" value="refuse">
                    Refuse
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="registry-differences-heading" className="stack">
        <h2 id="registry-differences-heading">Claimed registry listings that differ from the registry ({differences.length})</h2>
        {differences.length === 0 ? (
          <p>None: every claimed registry listing says what the registry says.</p>
        ) : (
          <ul className={styles.list}>
            {differences.map((d) => (
              <li key={d.id}>
                <p>
                  <Link href={`/dashboard/listings/${d.id}`}>{d.displayName}</Link> (NPI {d.npi}, registry record of {d.registryUpdatedOn ?? "unknown date"}):
                </p>
                <ul>
                  {d.differences.map((x) => (
                    <li key={x.field}>
                      {FIELD_LABELS[x.field] ?? x.field}: the owner&rsquo;s &ldquo;{shown(x.listing)}&rdquo;, the
                      registry&rsquo;s &ldquo;{shown(x.registry)}&rdquo;
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
