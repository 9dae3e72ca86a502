"use client";
// The claim's proof, first two ways: a link to the listing's public e-mail, or a note for the
// administrator (the third, a licence number with a file, is its own form: LicenceClaimForm).
// One must be chosen and completed; what was typed stays on error.
import { useActionState, useEffect, useRef } from "react";
import { claimListingAction, type ClaimState } from "../../actions";

export function ClaimForm({ id, name, emailHint, accountEmail }: { id: string; name: string; emailHint: string | null; accountEmail: string }) {
  const [state, action, pending] = useActionState<ClaimState, FormData>(claimListingAction, { ok: null, values: { id, proof: "", note: "" } });
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.ok === false) summary.current?.focus();
  }, [state]);
  const errors = state.fieldErrors ?? {};
  const v = state.values;
  return (
    <form action={action} className="stack" noValidate aria-label={`Claim ${name}`}>
      {state.ok === false && (
        <div ref={summary} tabIndex={-1} role="alert" className="notice notice-warning">
          {state.message}
        </div>
      )}
      <input type="hidden" name="id" value={id} />
      <fieldset className="stack" aria-describedby={errors.proof ? "proof-error" : undefined}>
        <legend>Show that this listing is yours by e-mail or with a note</legend>
        {errors.proof && (
          <p id="proof-error" className="field-error">
            {errors.proof}
          </p>
        )}
        <div>
          <input id="proof-email" type="radio" name="proof" value="email_link" defaultChecked={v.proof === "email_link"} disabled={!emailHint} />{" "}
          <label htmlFor="proof-email">
            {emailHint
              ? `Send a link to the listing's public e-mail (${emailHint}); open it while signed in as ${accountEmail}`
              : "Send a link to the listing's public e-mail (this listing has none)"}
          </label>
        </div>
        <div>
          <input id="proof-note" type="radio" name="proof" value="note" defaultChecked={v.proof === "note"} />{" "}
          <label htmlFor="proof-note">Write a note for the administrator</label>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="claim-note">Note for the administrator (for the note option)</label>
        <textarea
          id="claim-note"
          name="note"
          rows={4}
          maxLength={1000}
          defaultValue={v.note}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={`claim-note-hint${errors.note ? " claim-note-error" : ""}`}
        />
        <p id="claim-note-hint">How can they check that this is your practice? For example, the practice phone number they can call.</p>
        {errors.note && (
          <p id="claim-note-error" className="field-error">
            {errors.note}
          </p>
        )}
      </div>
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Sending…" : `Claim ${name}`}
      </button>
    </form>
  );
}
