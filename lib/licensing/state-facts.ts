// How a state's licensing entry reads on its page: the text for each field (a field the review
// could not establish says so rather than guessing), the URL slug of full state names, and the
// "how to verify a therapist here" checklist. The words themselves (regulation labels, the
// credential noun) come from lib/licensing/vocabulary.ts.
// Type-only imports from db/reference: this module is also loaded by the Playwright specs,
// whose loader cannot import the reviewed JSON file.
import type { StateEntry } from "@/db/reference/state-licensing";
import { CREDENTIAL_NOUN } from "./vocabulary";

export const NOT_ESTABLISHED = "Not established from a source";

export const CONFIDENCE_LABELS: Record<StateEntry["confidence"], string> = {
  high: "High: the main facts were confirmed on the board's own site or in the statute or regulation",
  medium: "Medium: consistent secondary sources, or a conflict between sources that could not be resolved",
  low: "Low: a single or older source, or an unresolved change to the regulator itself",
};

/** "New York" -> "new-york", "District of Columbia" -> "district-of-columbia". */
export function stateSlug(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

type NullableField = "minTrainingHours" | "exams" | "continuingEducation" | "board" | "lookupUrl";

/** Why a field has no value: not established (a gap in the review), or none (nothing required). */
function absence(s: StateEntry, field: NullableField): string {
  if (s.unknown.includes(field)) return NOT_ESTABLISHED;
  return s.regulation === "none" ? "None: no statewide licence" : "None required";
}

export function hoursText(s: StateEntry): string {
  return s.minTrainingHours === null ? absence(s, "minTrainingHours") : `${s.minTrainingHours.toLocaleString("en-US")} hours`;
}

export function examsText(s: StateEntry): string {
  if (s.exams === null) return NOT_ESTABLISHED;
  if (s.exams.length === 0) return s.regulation === "none" ? "None: no statewide licence" : s.unknown.includes("exams") ? NOT_ESTABLISHED : "None required";
  return s.exams.join("; ");
}

export function continuingEducationText(s: StateEntry): string {
  return s.continuingEducation ?? absence(s, "continuingEducation");
}

export function credentialTitlesText(s: StateEntry): string {
  if (s.credentialTitles.length) return s.credentialTitles.join(", ");
  return s.regulation === "none" ? "None: no statewide licence" : NOT_ESTABLISHED;
}

export function localLicensingText(s: StateEntry): string {
  return s.localLicensing ?? "None noted in the sources reviewed";
}

/** Wording for a missing look-up address: we never say a board publishes none, only that we have none on file. */
export const NO_LOOKUP_ON_FILE = "No look-up address on file";

/** Text for a missing board or look-up address. */
export function missingLinkText(s: StateEntry, field: "board" | "lookupUrl"): string {
  if (field === "lookupUrl" && s.regulation !== "none") return NO_LOOKUP_ON_FILE;
  return absence(s, field);
}

export type ChecklistItem = { text: string; link?: { href: string; label: string } };

/** What a patient can check, in order, before booking with a therapist in this state. */
export function verificationChecklist(s: StateEntry): ChecklistItem[] {
  const noun = CREDENTIAL_NOUN[s.regulation];
  const titles = s.credentialTitles.length ? ` (${s.credentialTitles.join(", ")})` : "";
  const lookUp: ChecklistItem = s.lookupUrl
    ? { text: `Look the ${noun} up on the regulator's online search:`, link: { href: s.lookupUrl, label: `${s.name} ${noun} look-up` } }
    : s.board
      ? {
          text: `${NO_LOOKUP_ON_FILE}: check the ${noun} with the regulator directly:`,
          link: { href: s.board.url, label: s.board.name },
        }
      : { text: `${NO_LOOKUP_ON_FILE}: check the ${noun} with the state regulator (we have not established its name or website from a source).` };
  const extras: ChecklistItem[] = [
    { text: "NCBTMB board certification: national and voluntary, not a licence, but a sign of training beyond the minimum. Ask for the certificate and check it with NCBTMB." },
    { text: "Membership of a professional association such as AMTA or ABMP, and training at a nationally accredited school." },
  ];

  if (s.regulation === "none") {
    return [
      { text: `${s.name} issues no statewide massage licence, so there is no state board to check with.` },
      { text: "Ask whether the therapist holds a licence or permit from your city or county, and check it with the city or county clerk." },
      ...extras,
    ];
  }
  if (s.regulation === "voluntary_certification") {
    return [
      { text: `State-level certification${titles} is voluntary in ${s.name}; ask whether the therapist holds it.` },
      lookUp,
      { text: "Check that the certification is active and shows no disciplinary action." },
      { text: "If the therapist is not certified, ask which city or county permit they hold, and check it with the city or county." },
      ...extras,
    ];
  }
  return [
    { text: `Ask for the therapist's ${s.name} ${noun} number${titles}.` },
    lookUp,
    { text: `Check that the ${noun} is active (not expired) and in the therapist's name.` },
    { text: "Check that it shows no disciplinary action." },
    ...extras,
  ];
}
