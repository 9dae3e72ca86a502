import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listPendingClaims } from "@/db/queries/claims";
import { findListingsForModeration, listCredentialsToCheck, listLicensesToCheck, listReviewRequests, statedCredential, type CredentialKind } from "@/db/queries/moderation";
import { listProofsForListings, type ProofMeta } from "@/db/queries/proofs";
import { associationLookupsFor, credentialLookup, defaultCheckSource } from "@/db/reference/credential-lookups";
import { listOpenReports } from "@/db/queries/reports";
import { listPendingRemovals, listRegistryDifferences } from "@/db/queries/registry";
import { listTextReviews } from "@/db/queries/text-review";
import { requireAdmin } from "@/lib/auth/session";
import { NO_LOOKUP_ON_FILE } from "@/lib/licensing/state-facts";
import { PROOF_TYPES, type ProofMimeType } from "@/lib/proofs/file-check";
import { CHECKED_LICENSE_STATUSES, checkedWhen, LICENSE_STATUS_LABELS } from "@/lib/therapists/vocabulary";
import styles from "../dashboard/dashboard.module.css";
import { RegistryQueue } from "./_components/registry-queue";
import { ReportsQueue } from "./_components/reports-queue";
import { TextReviewQueue } from "./_components/text-review-queue";
import { checkCredentialAction, checkLicenseAction, decideClaimAction, liftLockAction, unpublishAction } from "./actions";
import { noControlChars } from "@/lib/validation/therapist-profile";

export const metadata: Metadata = { title: "Administration", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminPage({ searchParams }: Props) {
  const admin = await requireAdmin();
  const params = await searchParams;
  const q = typeof params.q === "string" && noControlChars(params.q) ? params.q.slice(0, 100) : "";
  const db = await getDb();
  const [queue, credentialQueue, claims, reviews, textReviews, reports, found, removals, differences] = await Promise.all([
    listLicensesToCheck(db, { limit: 50 }),
    listCredentialsToCheck(db, { limit: 50 }),
    listPendingClaims(db, { limit: 50 }),
    listReviewRequests(db, { limit: 50 }),
    listTextReviews(db, { limit: 50 }),
    listOpenReports(db, { limit: 50 }),
    q ? findListingsForModeration(db, { query: q }) : Promise.resolve([]),
    listPendingRemovals(db, { limit: 50 }),
    listRegistryDifferences(db, { limit: 50 }),
  ]);
  const proofs = await listProofsForListings(db, { therapistIds: [...new Set([...queue.map((l) => l.therapistId), ...credentialQueue.map((t) => t.id)])] });
  const licenceProofs = (licenseId: string) => proofs.filter((p) => p.licenseId === licenseId);
  const credentialProofs = (therapistId: string, kind: CredentialKind) => proofs.filter((p) => p.therapistId === therapistId && p.credential === kind);
  // Every queue on one page, each oldest first; at most 50 of each are shown.
  const count = (n: number) => (n >= 50 ? "50 or more" : String(n));
  const queues = [
    ["queue-heading", "Licences to check", queue.length],
    ["credentials-heading", "Other credentials to check", credentialQueue.length],
    ["claims-heading", "Claims", claims.length],
    ["text-review-heading", "Text changes to review", textReviews.length],
    ["reports-heading", "Reports of incorrect information", reports.length],
    ["reviews-heading", "Review requests on locked listings", reviews.length],
    ["removals-heading", "Removal requests for registry listings", removals.length],
    ["registry-differences-heading", "Claimed registry listings that differ from the registry", differences.length],
  ] as const;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="container stack">
      <h1>Administration</h1>
      <p>
        Signed in as {admin.email}. <Link href="/dashboard">Your dashboard</Link>
      </p>
      {typeof params.ok === "string" && (
        <p role="status" className="notice">
          {params.ok}
        </p>
      )}
      {typeof params.error === "string" && (
        <p role="alert" className="notice notice-warning">
          {params.error}
        </p>
      )}

      <nav aria-labelledby="queues-heading">
        <h2 id="queues-heading">Queues</h2>
        <ul>
          {queues.map(([id, label, n]) => (
            <li key={id}>
              <a href={`#${id}`}>
                {label}: {count(n)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="queue-heading" className="stack">
        <h2 id="queue-heading">Licences waiting to be checked ({queue.length})</h2>
        <p>Look each licence up with the state board, then record what it shows. Fictional demo listings are left out.</p>
        {queue.length === 0 ? (
          <p>Nothing to check.</p>
        ) : (
          <ul className={styles.list}>
            {queue.map((l) => (
              <li key={l.id} className="stack">
                <p>
                  <strong>
                    {l.state} {l.credentialTitle} {l.number}
                  </strong>{" "}
                  held by {l.displayName} ({l.source}, added {l.createdAt.toISOString().slice(0, 10)})
                  {l.lastCheckedAt && <LastChecked at={l.lastCheckedAt} />}
                </p>
                <p>
                  {l.lookupUrl ? (
                    <a href={l.lookupUrl} rel="noopener noreferrer" target="_blank">
                      Look up licence {l.number} with {l.boardName ?? `the ${l.stateName ?? l.state} board`} (opens in a new tab)
                    </a>
                  ) : (
                    <>
                      {NO_LOOKUP_ON_FILE} for {l.stateName ?? l.state}: check with the regulator directly
                      {l.boardUrl ? (
                        <>
                          {" "}
                          (
                          <a href={l.boardUrl} rel="noopener noreferrer" target="_blank">
                            {l.boardName ?? `the ${l.stateName ?? l.state} regulator`}&rsquo;s page, opens in a new tab
                          </a>
                          )
                        </>
                      ) : null}
                      .
                    </>
                  )}
                </p>
                <ProofLinks proofs={licenceProofs(l.id)} />
                <form action={checkLicenseAction} className={styles.actions} aria-label={`Record the check of licence ${l.number}`}>
                  <input type="hidden" name="licenseId" value={l.id} />
                  <div className="field">
                    <label htmlFor={`status-${l.id}`}>Board shows</label>
                    <select id={`status-${l.id}`} name="status" defaultValue="active">
                      {CHECKED_LICENSE_STATUSES.map((status) => (
                        <option key={status} value={status}>
                          {LICENSE_STATUS_LABELS[status]}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`date-${l.id}`}>Checked on</label>
                    <input id={`date-${l.id}`} name="checkedOn" type="date" defaultValue={today} required />
                  </div>
                  <div className="field">
                    <label htmlFor={`note-${l.id}`}>Note</label>
                    <input id={`note-${l.id}`} name="note" type="text" maxLength={1000} />
                  </div>
                  {licenceProofs(l.id).length > 0 && <KeepProof id={`keep-${l.id}`} />}
                  <button type="submit">Record check of {l.number}</button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="credentials-heading" className="stack">
        <h2 id="credentials-heading">Other credentials waiting to be checked ({credentialQueue.length})</h2>
        <p>
          NCBTMB certification, a school stated as accredited, association membership. Until checked, patients read each as &ldquo;claimed, not yet
          checked&rdquo; and the search filters leave it out. Record the source: the look-up address you used or the document you saw.
        </p>
        {credentialQueue.length === 0 ? (
          <p>Nothing to check.</p>
        ) : (
          <ul className={styles.list}>
            {credentialQueue.flatMap((t) =>
              (
                [
                  ["ncbtmb", t.needsNcbtmb, `NCBTMB certificate ${t.ncbtmbNumber ?? ""}`, t.ncbtmbCheckedAt],
                  ["school", t.needsSchool, `Accreditation of ${t.schoolName ?? ""}`, t.schoolCheckedAt],
                  ["associations", t.needsAssociations, `Membership of ${t.associations.join(", ")}`, t.associationsCheckedAt],
                ] as [CredentialKind, boolean, string, Date | null][]
              )
                .filter(([, needed]) => needed)
                .map(([kind, , label, lastCheckedAt]) => {
                  const key = `${kind}-${t.id}`;
                  return (
                    <li key={key} className="stack">
                      <p>
                        <strong>{label}</strong> stated by <Link href={`/dashboard/listings/${t.id}`}>{t.displayName}</Link>, {t.city}, {t.state} (updated{" "}
                        {t.updatedAt.toISOString().slice(0, 10)})
                        {lastCheckedAt && <LastChecked at={lastCheckedAt} />}
                      </p>
                      {kind === "associations" ? <AssociationLookupLines names={t.associations} /> : <CredentialLookupLine kind={kind} />}
                      <ProofLinks proofs={credentialProofs(t.id, kind)} />
                      <form action={checkCredentialAction} className={styles.actions} aria-label={`Record the check of: ${label}`}>
                        <input type="hidden" name="therapistId" value={t.id} />
                        <input type="hidden" name="credential" value={kind} />
                        <input type="hidden" name="stated" value={statedCredential(t, kind)} />
                        <div className="field">
                          <label htmlFor={`cr-result-${key}`}>Result</label>
                          <select id={`cr-result-${key}`} name="result" defaultValue="checked">
                            <option value="checked">Checked: confirmed</option>
                            <option value="unconfirmed">{kind === "ncbtmb" ? "Not confirmed (recorded as lapsed)" : "Could not be confirmed"}</option>
                          </select>
                        </div>
                        <div className="field">
                          <label htmlFor={`cr-source-${key}`}>Source (look-up address or document)</label>
                          <input id={`cr-source-${key}`} name="source" type="text" required minLength={3} maxLength={500} defaultValue={defaultCheckSource(kind, t.associations)} />
                        </div>
                        <div className="field">
                          <label htmlFor={`cr-date-${key}`}>Checked on</label>
                          <input id={`cr-date-${key}`} name="checkedOn" type="date" defaultValue={today} required />
                        </div>
                        <div className="field">
                          <label htmlFor={`cr-note-${key}`}>Note</label>
                          <input id={`cr-note-${key}`} name="note" type="text" maxLength={1000} />
                        </div>
                        {credentialProofs(t.id, kind).length > 0 && <KeepProof id={`cr-keep-${key}`} />}
                        <button type="submit">Record check: {label}</button>
                      </form>
                    </li>
                  );
                }),
            )}
          </ul>
        )}
      </section>

      <section aria-labelledby="claims-heading" className="stack">
        <h2 id="claims-heading">Claims waiting for a decision ({claims.length})</h2>
        {claims.length === 0 ? (
          <p>No claims.</p>
        ) : (
          <ul className={styles.list}>
            {claims.map((c) => (
              <li key={c.id} className="stack">
                <p>
                  {c.claimantEmail} claims <strong>{c.displayName}</strong>, {c.city}, {c.state} (listing e-mail: {c.listingEmail ?? "none"}), asked{" "}
                  {c.createdAt.toISOString().slice(0, 10)}. <Link href={`/therapists/${c.slug}`}>Profile of {c.displayName}</Link>{" "}
                  <Link href={`/dashboard/listings/${c.therapistId}`}>Details and history of {c.displayName}</Link>
                </p>
                <p>
                  Proof:{" "}
                  {c.proof === "licence"
                    ? `licence number ${c.licenceNumber}, which matches a licence on the listing${c.npi ? `, and the listing's NPI ${c.npi} (a registry listing)` : ""}: check with the state board, and the file, that it is the claimant's. `
                    : c.message
                      ? `note: “${c.message}”`
                      : "none given (a claim from before proof was required)"}
                  {c.proofFileName && (
                    <>
                      {" "}
                      <a href={`/claims/${c.id}/proof`}>Download the proof file ({c.proofFileName})</a>
                    </>
                  )}
                </p>
                <form action={decideClaimAction} className={styles.actions} aria-label={`Decide the claim of ${c.displayName}`}>
                  <input type="hidden" name="claimId" value={c.id} />
                  <div className="field">
                    <label htmlFor={`claim-note-${c.id}`}>Note</label>
                    <input id={`claim-note-${c.id}`} name="note" type="text" maxLength={1000} />
                  </div>
                  <button type="submit" name="decision" value="approve">
                    Approve
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

      <TextReviewQueue reviews={textReviews} />

      <ReportsQueue reports={reports} />

      <RegistryQueue removals={removals} differences={differences} />

      <section aria-labelledby="reviews-heading" className="stack">
        <h2 id="reviews-heading">Locked listings whose owner asks for a review ({reviews.length})</h2>
        {reviews.length === 0 ? (
          <p>No requests.</p>
        ) : (
          <ul className={styles.list}>
            {reviews.map((r) => (
              <li key={r.id} className="stack">
                <p>
                  <strong>{r.displayName}</strong>, {r.city}, {r.state} ({r.ownerEmail ?? "no owner"}), asked on {r.reviewRequestedAt!.toISOString().slice(0, 10)}:
                  “{r.reviewRequestNote}”. Locked because: {r.moderationNote ?? "no reason recorded"}.{" "}
                  <Link href={`/dashboard/listings/${r.id}`}>Details and history of {r.displayName}</Link>
                </p>
                <LiftLockForm id={r.id} name={r.displayName} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="moderation-heading" className="stack">
        <h2 id="moderation-heading">Unpublish (and lock) a listing</h2>
        <form role="search" aria-label="Find a listing to moderate" className={styles.actions}>
          <div className="field">
            <label htmlFor="mod-q">Name or address of the listing</label>
            <input id="mod-q" name="q" type="search" defaultValue={q} />
          </div>
          <button type="submit">Find</button>
        </form>
        {q && found.length === 0 && <p>No listing matches “{q}”.</p>}
        {found.length > 0 && (
          <ul className={styles.list}>
            {found.map((t) => (
              <li key={t.id} className="stack">
                <p>
                  <strong>{t.displayName}</strong>, {t.city}, {t.state}: {t.published ? "published" : "not published"}
                  {t.lockedAt ? ", locked" : ""}
                  {t.moderationNote ? ` (moderated: ${t.moderationNote})` : ""}.{" "}
                  <Link href={`/dashboard/listings/${t.id}`}>Details and history of {t.displayName}</Link>
                </p>
                {t.published && (
                  <form action={unpublishAction} className={styles.actions} aria-label={`Unpublish ${t.displayName}`}>
                    <input type="hidden" name="id" value={t.id} />
                    <div className="field">
                      <label htmlFor={`reason-${t.id}`}>Reason (shown to the owner)</label>
                      <input id={`reason-${t.id}`} name="reason" type="text" required minLength={3} maxLength={1000} />
                    </div>
                    <button type="submit">Unpublish {t.displayName}</button>
                  </form>
                )}
                {t.lockedAt && <LiftLockForm id={t.id} name={t.displayName} />}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** A queue item that is back because its check is stale (older than 12 months). */
function LastChecked({ at }: { at: Date }) {
  return <>; last checked{checkedWhen(at)}, due for a new check</>;
}

/** Where to check a credential beyond the licence: the look-up if on file, never an invented one. */
function CredentialLookupLine({ kind }: { kind: CredentialKind }) {
  const l = credentialLookup(kind);
  if (l.lookupUrl)
    return (
      <p>
        <a href={l.lookupUrl} rel="noopener noreferrer" target="_blank">
          {l.lookup} (opens in a new tab)
        </a>
      </p>
    );
  return (
    <p>
      {NO_LOOKUP_ON_FILE} for {l.lookup}: check with {l.organisation}
      {l.site ? (
        <>
          {" "}
          (
          <a href={l.site} rel="noopener noreferrer" target="_blank">
            {l.siteName}&rsquo;s site, opens in a new tab
          </a>
          )
        </>
      ) : null}
      , or against the proof file.
    </p>
  );
}

/**
 * Where to check each association a listing names: its member directory if on file, never an
 * invented one; an association not on file reads "No look-up address on file".
 */
function AssociationLookupLines({ names }: { names: string[] }) {
  const items = associationLookupsFor(names);
  if (!items.length) return <CredentialLookupLine kind="associations" />;
  return (
    <ul>
      {items.map(({ name, lookup }) => (
        <li key={name}>
          {lookup?.lookupUrl ? (
            <a href={lookup.lookupUrl} rel="noopener noreferrer" target="_blank">
              {lookup.lookup} (opens in a new tab)
            </a>
          ) : (
            <>
              {NO_LOOKUP_ON_FILE} for the member directory of {lookup ? lookup.name : name}: check with the association directly, or against the proof file.
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The owner's proof files for a credential, beside it in the queue (downloads, never shown inline). */
function ProofLinks({ proofs }: { proofs: ProofMeta[] }) {
  if (!proofs.length) return <p>No proof attached.</p>;
  return (
    <p>
      Proof attached by the owner:{" "}
      {proofs.map((p, i) => (
        <span key={p.id}>
          {i > 0 && ", "}
          <a href={`/proofs/${p.id}`} download>
            {p.fileName}
          </a>{" "}
          ({PROOF_TYPES[p.mimeType as ProofMimeType]?.label ?? p.mimeType}, added {p.createdAt.toISOString().slice(0, 10)})
        </span>
      ))}
    </p>
  );
}

/** Proof is deleted when the check is recorded, unless the administrator keeps it. */
function KeepProof({ id }: { id: string }) {
  return (
    <div className={styles.check}>
      <input id={id} name="keepProof" type="checkbox" />
      <label htmlFor={id}>Keep the proof file after recording (otherwise it is deleted; the check&rsquo;s record stays)</label>
    </div>
  );
}

/** Lifts an administrator's lock, with a reason: publish again, or leave it to the owner. */
function LiftLockForm({ id, name }: { id: string; name: string }) {
  return (
    <form action={liftLockAction} className={styles.actions} aria-label={`Lift the lock on ${name}`}>
      <input type="hidden" name="id" value={id} />
      <div className="field">
        <label htmlFor={`lift-reason-${id}`}>Reason for lifting the lock (kept in the history)</label>
        <input id={`lift-reason-${id}`} name="reason" type="text" required minLength={3} maxLength={1000} />
      </div>
      <button type="submit" name="publish" value="true">
        Lift the lock and publish {name}
      </button>
      <button type="submit" name="publish" value="false">
        Lift the lock only
      </button>
    </form>
  );
}
