// The owner's credentials on the listing page: each claim's check status and next step, its
// proof files (download, remove), and the upload form. The upload posts the file to
// POST /proofs (app/proofs/route.ts), which comes back here with a message code.
import type { ProofMeta } from "@/db/queries/proofs";
import { credentialItems, type ListingCredentials } from "@/lib/proofs/credential-status";
import { PROOF_ACCEPT } from "@/lib/proofs/file-check";
import { isProofNotice, PROOF_GOOD_NOTICES, PROOF_MESSAGES } from "@/lib/proofs/proof-input";
import { removeProofAction } from "../actions";
import styles from "../dashboard.module.css";

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export function CredentialProofs({ listingId, listing, proofs, notice }: { listingId: string; listing: ListingCredentials; proofs: ProofMeta[]; notice: unknown }) {
  const items = credentialItems(listing);
  const choiceOf = (p: ProofMeta) => (p.credential === "license" ? `license:${p.licenseId}` : p.credential);
  const good = isProofNotice(notice) && PROOF_GOOD_NOTICES.includes(notice);
  return (
    <section id="proofs" aria-labelledby="proofs-heading" className="stack">
      <h2 id="proofs-heading">Your credentials and their proof</h2>
      <p>
        Patients see a credential as met only once an administrator has checked it. Attach a proof to help: a PDF, PNG or JPEG of up to 5 MB. Only you and
        the site&rsquo;s administrators can open it, and it is deleted once the credential is checked.
      </p>
      {isProofNotice(notice) && (
        <p role={good ? "status" : "alert"} className={good ? "notice" : "notice notice-warning"}>
          {good ? PROOF_MESSAGES[notice] : `Nothing was stored. ${PROOF_MESSAGES[notice]}`}
        </p>
      )}
      {items.length === 0 ? (
        <p>This listing states no licence or other credential yet. Add them by editing the listing.</p>
      ) : (
        <>
          <ul className={styles.list}>
            {items.map((item) => {
              const mine = proofs.filter((p) => choiceOf(p) === item.choice);
              return (
                <li key={item.choice} className="stack">
                  <p>
                    <strong>{item.label}</strong>: {item.status}. {item.checked ? item.nextStep : mine.length ? "An administrator will check it against your proof." : item.nextStep}
                  </p>
                  {mine.length > 0 && (
                    <ul>
                      {mine.map((p) => (
                        <li key={p.id} className={styles.actions}>
                          <a href={`/proofs/${p.id}`} download>
                            Download {p.fileName}
                          </a>{" "}
                          ({size(p.byteSize)}, added {p.createdAt.toISOString().slice(0, 10)})
                          <form action={removeProofAction}>
                            <input type="hidden" name="id" value={p.id} />
                            <input type="hidden" name="listingId" value={listingId} />
                            <button type="submit">Remove {p.fileName}</button>
                          </form>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
          <form method="post" action={`/proofs?listing=${listingId}`} encType="multipart/form-data" className="stack" aria-label="Attach a proof">
            <div className="field">
              <label htmlFor="proof-credential">Credential</label>
              <select id="proof-credential" name="credential" required>
                {items.map((item) => (
                  <option key={item.choice} value={item.choice}>
                    {item.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="proof-file">Proof file</label>
              <p id="proof-file-hint" className={styles.hint}>
                A PDF, PNG or JPEG of up to 5 MB: a licence card, certificate or diploma.
              </p>
              <input id="proof-file" name="file" type="file" accept={PROOF_ACCEPT} required aria-describedby="proof-file-hint" />
            </div>
            <button type="submit">Attach proof</button>
          </form>
        </>
      )}
    </section>
  );
}
