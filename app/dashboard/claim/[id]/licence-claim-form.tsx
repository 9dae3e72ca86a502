// The third kind of claim proof: a licence number shown on the listing plus a file (a photo or
// scan of the licence card, for example). A plain multipart form to POST /claims, which answers by
// redirecting here with what went wrong (and the number kept) or to the dashboard.
import { LICENCE_CLAIM_ERRORS, type LicenceClaimError } from "@/lib/claims/claim-requests";
import { PROOF_ACCEPT } from "@/lib/proofs/file-check";

export function LicenceClaimForm({
  id,
  name,
  error,
  licence,
  fromRegistry = false,
}: {
  id: string;
  name: string;
  error: LicenceClaimError | null;
  licence: string;
  /** An imported registry listing: the claimant gives its NPI too. */
  fromRegistry?: boolean;
}) {
  return (
    <section id="licence" aria-labelledby="licence-claim-heading" className="stack">
      <h2 id="licence-claim-heading">Or: a licence number on the listing, with proof</h2>
      {error && (
        <p role="alert" className="notice notice-warning">
          Your claim was not sent: {LICENCE_CLAIM_ERRORS[error]}
        </p>
      )}
      <form action={`/claims?listing=${id}`} method="post" encType="multipart/form-data" className="stack" aria-label={`Claim ${name} with a licence number`}>
        <div className="field">
          <label htmlFor="licence-number">Licence number (as shown on the listing)</label>
          <input id="licence-number" name="licenceNumber" type="text" required maxLength={40} defaultValue={licence} />
        </div>
        {fromRegistry && (
          <div className="field">
            <label htmlFor="licence-npi">Your NPI (National Provider Identifier, 10 digits)</label>
            <input id="licence-npi" name="npi" type="text" inputMode="numeric" required pattern="[0-9]{10}" maxLength={10} autoComplete="off" />
          </div>
        )}
        <div className="field">
          <label htmlFor="licence-file">Proof file: your licence card or certificate (PDF, PNG or JPEG, up to 5 MB)</label>
          <input id="licence-file" name="file" type="file" required accept={PROOF_ACCEPT} aria-describedby="licence-file-hint" />
          <p id="licence-file-hint">Only administrators see it; it is deleted once your claim is decided.</p>
        </div>
        <button type="submit">Send the licence number and proof file</button>
      </form>
    </section>
  );
}
