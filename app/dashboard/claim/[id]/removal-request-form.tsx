// A practitioner who does not want their imported registry listing shown asks for its removal,
// with the claim's proof (the NPI and a licence number on the listing). A plain form to a server
// action, which answers by coming back here with what happened (?removal=...).
import { requestRemovalAction } from "../../actions";
import { REMOVAL_NOTICES } from "@/lib/validation/therapist-profile";

type Notice = keyof typeof REMOVAL_NOTICES;

export function RemovalRequestForm({ id, name, notice }: { id: string; name: string; notice: Notice | null }) {
  return (
    <section id="removal" aria-labelledby="removal-heading" className="stack">
      <h2 id="removal-heading">Or: ask for this listing to be removed</h2>
      <p>
        This listing comes from the national provider registry&rsquo;s public data. If it is yours and you do not want to be listed, give the
        same proof as a claim. Once an administrator approves, the listing is unpublished and later imports leave your NPI out.
      </p>
      {notice && (
        <p role={notice === "sent" ? "status" : "alert"} className={notice === "sent" ? "notice" : "notice notice-warning"}>
          {REMOVAL_NOTICES[notice]}
        </p>
      )}
      <form action={requestRemovalAction} className="stack" aria-label={`Ask for the removal of ${name}`}>
        <input type="hidden" name="id" value={id} />
        <div className="field">
          <label htmlFor="removal-npi">Your NPI (National Provider Identifier, 10 digits)</label>
          <input id="removal-npi" name="npi" type="text" inputMode="numeric" required pattern="[0-9]{10}" maxLength={10} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="removal-licence">Licence number (as shown on the listing)</label>
          <input id="removal-licence" name="licenceNumber" type="text" required maxLength={40} />
        </div>
        <div className="field">
          <label htmlFor="removal-message">Note for the administrator (optional)</label>
          <textarea id="removal-message" name="message" rows={3} maxLength={1000} />
        </div>
        <button type="submit">Ask for the removal of this listing</button>
      </form>
    </section>
  );
}
