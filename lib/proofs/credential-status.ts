// The owner's view of each credential claim on a listing: what it is, where its check stands,
// and what to do next; also the choice value the proof-upload form sends for it ("license:<id>",
// "ncbtmb", "school", "associations"). The dashboard and the administrators' queue name
// credentials from here.
import { isStale } from "@/lib/therapists/check-age";
import { CHECKED_WORDING, checkedWhen, CLAIMED_WORDING, LICENSE_STATUS_LABELS, UNCONFIRMED_WORDING, type LicenseStatus, type NcbtmbStatus } from "@/lib/therapists/vocabulary";

type CheckStatus = "self_reported" | "checked" | "unconfirmed";

export type ListingCredentials = {
  therapist: {
    ncbtmbStatus: NcbtmbStatus;
    ncbtmbNumber: string | null;
    ncbtmbVerifiedAt: Date | null;
    schoolName: string | null;
    schoolAccredited: boolean;
    schoolCheck: CheckStatus;
    schoolCheckedAt: Date | null;
    associations: string[];
    associationsCheck: CheckStatus;
    associationsCheckedAt: Date | null;
  };
  licenses: { id: string; state: string; number: string; credentialTitle: string; status: LicenseStatus; verifiedAt: Date | null }[];
};

export type CredentialItem = { choice: string; label: string; status: string; checked: boolean; nextStep: string };

// The owner reads a stale check (older than 12 months) as patients do: "14 months ago, on ...".
const on = (d: Date | null) => checkedWhen(d);
const CLAIMED_NEXT = "Attach a proof (a licence card, certificate or diploma) so an administrator can check it; until then patients read it as claimed, not yet checked.";
const DONE_NEXT = "Nothing to do.";
const STALE_NEXT = "The check is more than 12 months old: an administrator will check it again. Attaching a current proof helps.";
/** Nothing to do, unless the check has gone stale (lib/therapists/check-age.ts). */
const doneNext = (d: Date | null) => (d && isStale(d, new Date()) ? STALE_NEXT : DONE_NEXT);
const UNCONFIRMED_NEXT = "If this is wrong, attach a current proof and ask for the check again by correcting the listing.";

function fromCheck(s: CheckStatus, at: Date | null) {
  if (s === "checked") return { status: `${CHECKED_WORDING}${on(at)}`, checked: true, nextStep: doneNext(at) };
  if (s === "unconfirmed") return { status: `${UNCONFIRMED_WORDING}${on(at)}`, checked: false, nextStep: UNCONFIRMED_NEXT };
  return { status: CLAIMED_WORDING, checked: false, nextStep: CLAIMED_NEXT };
}

/** Every credential the listing states, licences first. */
export function credentialItems({ therapist: t, licenses }: ListingCredentials): CredentialItem[] {
  const items: CredentialItem[] = licenses.map((l) => {
    const label = `${l.state} licence ${l.number} (${l.credentialTitle})`;
    if (!l.verifiedAt) return { choice: `license:${l.id}`, label, status: CLAIMED_WORDING, checked: false, nextStep: CLAIMED_NEXT };
    if (l.status === "active") return { choice: `license:${l.id}`, label, status: `${CHECKED_WORDING} with the state board${on(l.verifiedAt)}: active`, checked: true, nextStep: doneNext(l.verifiedAt) };
    const shown = l.status === "unknown" ? UNCONFIRMED_WORDING : `the state board showed: ${LICENSE_STATUS_LABELS[l.status].toLowerCase()}`;
    return { choice: `license:${l.id}`, label, status: `${shown}${on(l.verifiedAt)}`, checked: false, nextStep: UNCONFIRMED_NEXT };
  });
  if (t.ncbtmbStatus !== "not_certified" && t.ncbtmbNumber) {
    const label = `NCBTMB board certification ${t.ncbtmbNumber}`;
    items.push({
      choice: "ncbtmb",
      label,
      ...(t.ncbtmbStatus === "verified"
        ? { status: `${CHECKED_WORDING}${on(t.ncbtmbVerifiedAt)}`, checked: true, nextStep: doneNext(t.ncbtmbVerifiedAt) }
        : t.ncbtmbStatus === "lapsed"
          ? { status: `${UNCONFIRMED_WORDING} (recorded as lapsed)${on(t.ncbtmbVerifiedAt)}`, checked: false, nextStep: UNCONFIRMED_NEXT }
          : { status: CLAIMED_WORDING, checked: false, nextStep: CLAIMED_NEXT }),
    });
  }
  if (t.schoolAccredited || t.schoolName)
    items.push({ choice: "school", label: `Accreditation of ${t.schoolName ?? "your school"}`, ...(t.schoolAccredited ? fromCheck(t.schoolCheck, t.schoolCheckedAt) : { status: "not stated as accredited", checked: false, nextStep: DONE_NEXT }) });
  if (t.associations.length) items.push({ choice: "associations", label: `Membership of ${t.associations.join(", ")}`, ...fromCheck(t.associationsCheck, t.associationsCheckedAt) });
  return items;
}
