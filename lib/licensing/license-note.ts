// What a state's rule makes of a therapist's licence, in one line a patient can read next to
// it: "LMT, Massachusetts - active, checked with the state board on 2026-10-02".
import { checkedWhen, CLAIMED_WORDING, REGISTRY_LICENCE_SOURCE, REGISTRY_LICENCE_WORDING, type LicenseStatus } from "@/lib/therapists/vocabulary";
import { ACTIVE_STANDING, CHECKED_WITH, CREDENTIAL_NOUN, isMandatory, statePageHref, type Regulation } from "./vocabulary";

export type LicenseFacts = {
  state: string;
  credentialTitle: string;
  status: LicenseStatus;
  verifiedAt: Date | null;
  /** Where the licence came from; a registry import reads as registered with NPPES. */
  source?: string;
};

export type StateRule = { code: string; name: string; regulation: Regulation };

export const LICENSE_NOTE_TONES = [
  "verified", // checked with the board and in good standing
  "self_reported", // not yet checked
  "problem", // expired, disciplinary action, or missing where the state requires one
  "not_required", // no statewide licence, or a voluntary certification
] as const;
export type LicenseNoteTone = (typeof LICENSE_NOTE_TONES)[number];

export type LicenseNote = { text: string; tone: LicenseNoteTone; stateCode: string; stateHref: string };

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const isoDay = (iso: string) => iso.slice(0, 10);

const standing = (rule: StateRule) => ACTIVE_STANDING[rule.regulation];
const checkedWith = (rule: StateRule) => CHECKED_WITH[rule.regulation];

/** The note for one licence the therapist lists. */
export function describeLicense(license: LicenseFacts, rule: StateRule, now: Date = new Date()): LicenseNote {
  const head = `${license.credentialTitle}, ${rule.name}`;
  const base = { stateCode: rule.code, stateHref: statePageHref(rule.code) };
  const verifiedOn = license.verifiedAt ? isoDate(license.verifiedAt) : null;

  // No statewide licence: whatever the therapist holds is a local (city or county) licence;
  // there is no state board that could have checked it.
  if (rule.regulation === "none") {
    const why = `(${rule.name} has no statewide licence)`;
    const when = verifiedOn ? `checked${checkedWhen(license.verifiedAt, now, isoDay)}` : "reported, not yet checked";
    switch (license.status) {
      case "expired":
        return { ...base, tone: "problem", text: `${head} - local licence expired, ${when} ${why}` };
      case "disciplinary_action":
        return { ...base, tone: "problem", text: `${head} - local licence with disciplinary action on record, ${when} ${why}` };
      case "active":
        if (verifiedOn) return { ...base, tone: "verified", text: `${head} - local licence, active, ${when} ${why}` };
    }
    return { ...base, tone: "self_reported", text: `${head} - local licence ${CLAIMED_WORDING} ${why}` };
  }

  // A known problem is shown as one even before anyone has checked it with the board.
  if (!verifiedOn) {
    switch (license.status) {
      case "expired":
        return { ...base, tone: "problem", text: `${head} - reported as expired, not yet checked with ${checkedWith(rule)}` };
      case "disciplinary_action":
        return { ...base, tone: "problem", text: `${head} - reported disciplinary action, not yet checked with ${checkedWith(rule)}` };
      default:
        return { ...base, tone: "self_reported", text: `${head} - ${license.source === REGISTRY_LICENCE_SOURCE ? REGISTRY_LICENCE_WORDING : CLAIMED_WORDING}` };
    }
  }
  // A check older than 12 months says how old it is (check-age.ts); it is still a check.
  const checked = `checked with ${checkedWith(rule)}${checkedWhen(license.verifiedAt, now, isoDay)}`;
  switch (license.status) {
    case "active":
      return { ...base, tone: "verified", text: `${head} - ${standing(rule)}, ${checked}` };
    case "expired":
      return { ...base, tone: "problem", text: `${head} - expired, ${checked}` };
    case "disciplinary_action":
      return { ...base, tone: "problem", text: `${head} - disciplinary action on record, ${checked}` };
    default:
      return { ...base, tone: "self_reported", text: `${head} - status not confirmed by ${checkedWith(rule)}` };
  }
}

/** The note when the therapist lists no licence for the state they practise in. */
export function describeMissingLicense(rule: StateRule): LicenseNote {
  const base = { stateCode: rule.code, stateHref: statePageHref(rule.code) };
  if (rule.regulation === "none") {
    return { ...base, tone: "not_required", text: `${rule.name} has no statewide licence: ask about a city licence` };
  }
  if (rule.regulation === "voluntary_certification") {
    return {
      ...base,
      tone: "not_required",
      text: `${rule.name} certification is voluntary and none is listed: ask about state certification or a city permit`,
    };
  }
  const noun = CREDENTIAL_NOUN[rule.regulation];
  return { ...base, tone: "problem", text: `No ${rule.name} ${noun} listed, and ${rule.name} requires one: ask for the number and check it` };
}

/**
 * Notes for every licence a therapist lists, practice state first, plus a note for the
 * practice state when no licence there is listed.
 */
export function describeLicenses(
  practiceState: string,
  licenses: readonly LicenseFacts[],
  rules: ReadonlyMap<string, StateRule>,
  now: Date = new Date(),
): LicenseNote[] {
  const sorted = [...licenses].sort((a, b) => Number(b.state === practiceState) - Number(a.state === practiceState));
  const notes = sorted.flatMap((l) => {
    const rule = rules.get(l.state);
    return rule ? [describeLicense(l, rule, now)] : [];
  });
  const home = rules.get(practiceState);
  if (home && !licenses.some((l) => l.state === practiceState)) notes.unshift(describeMissingLicense(home));
  return notes;
}

export const requiresStateLicense = (rule: StateRule) => isMandatory(rule.regulation);
