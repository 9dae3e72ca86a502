// The six selection criteria of shared/DOMAIN.md, evaluated for one therapist. Each is met,
// not met, or not applicable, with a line saying why. The search's "best match" score counts
// the same criteria in SQL (db/queries/search.ts); a test keeps the two in step.
import { SCIATICA_TRIO } from "@/db/reference/modalities";
import type { LicenseFacts, StateRule } from "@/lib/licensing/license-note";
import { requiresStateLicense } from "@/lib/licensing/license-note";
import { CHECKED_WITH, CREDENTIAL_NOUN } from "@/lib/licensing/vocabulary";
import { checkedWhen, staleAge, CHECKED_WORDING, CLAIMED_WORDING, SCIATICA_ADJECTIVE, UNCONFIRMED_WORDING, type NcbtmbStatus, type SciaticaLevel } from "@/lib/therapists/vocabulary";

export const CRITERION_KEYS = ["referrals", "profile", "insurance", "license", "credentials", "modalities"] as const;
export type CriterionKey = (typeof CRITERION_KEYS)[number];
// "claimed": the therapist says so, an administrator or the board has not checked it yet;
// neither met nor not met, and never counted.
export const CRITERION_STATUSES = ["met", "claimed", "not_met", "not_applicable"] as const;
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];
export type Criterion = { key: CriterionKey; title: string; status: CriterionStatus; detail: string };

export type CriteriaInput = {
  state: string;
  acceptsPhysicianReferrals: boolean;
  bio: string;
  schoolName: string | null;
  modalitySlugs: readonly string[];
  acceptsInsurance: boolean;
  offersSuperbills: boolean;
  acceptsHsaFsa: boolean;
  licenses: readonly LicenseFacts[];
  ncbtmbStatus: NcbtmbStatus;
  schoolAccredited: boolean;
  schoolCheck: CheckStatus;
  associations: readonly string[];
  associationsCheck: CheckStatus;
  sciaticaExperience: SciaticaLevel;
  // When each credential was last checked, so that a stale check reads as stale (check-age.ts).
  ncbtmbVerifiedAt?: Date | null;
  schoolCheckedAt?: Date | null;
  associationsCheckedAt?: Date | null;
};

export type CheckStatus = "self_reported" | "checked" | "unconfirmed";

export { CHECKED_WORDING, CLAIMED_WORDING, UNCONFIRMED_WORDING };

export type CredentialState = "checked" | "claimed" | "unconfirmed";
export type CredentialFact = { credential: "ncbtmb" | "school" | "associations"; label: string; state: CredentialState; checkedAt?: Date | null };

const checkState = (s: CheckStatus): CredentialState => (s === "checked" ? "checked" : s === "unconfirmed" ? "unconfirmed" : "claimed");

/**
 * The credentials beyond the licence a listing states, each checked, claimed (self-reported) or
 * unconfirmed. The school's accreditation is listed only when the therapist states it.
 */
export function credentialFacts(
  t: Pick<CriteriaInput, "ncbtmbStatus" | "schoolName" | "schoolAccredited" | "schoolCheck" | "associations" | "associationsCheck" | "ncbtmbVerifiedAt" | "schoolCheckedAt" | "associationsCheckedAt">,
): CredentialFact[] {
  const out: CredentialFact[] = [];
  // A stale check (older than 12 months, check-age.ts) is still "checked": it was checked, and
  // it counts for the criteria and filters; only its wording says how old it is.
  if (t.ncbtmbStatus === "verified" || t.ncbtmbStatus === "self_reported")
    out.push({ credential: "ncbtmb", label: "NCBTMB board certification", state: t.ncbtmbStatus === "verified" ? "checked" : "claimed", checkedAt: t.ncbtmbVerifiedAt ?? null });
  // Tested on columns the covering search indexes carry (db/queries/search.ts): not the name.
  if (t.schoolAccredited) out.push({ credential: "school", label: "accredited school", state: checkState(t.schoolCheck), checkedAt: t.schoolCheckedAt ?? null });
  if (t.associations.length)
    out.push({ credential: "associations", label: `membership of ${t.associations.join(", ")}`, state: checkState(t.associationsCheck), checkedAt: t.associationsCheckedAt ?? null });
  return out;
}

/** "NCBTMB board certification (claimed, not yet checked)", "(checked 14 months ago)" and the like. */
export function credentialWords(f: CredentialFact, now: Date = new Date()): string {
  const age = f.state !== "claimed" && f.checkedAt ? staleAge(f.checkedAt, now) : "";
  if (f.state === "checked") return `${f.label} (${CHECKED_WORDING}${age ? ` ${age}` : ""})`;
  return `${f.label} (${f.state === "claimed" ? CLAIMED_WORDING : `${UNCONFIRMED_WORDING}${age ? `, checked ${age}` : ""}`})`;
}

export const CRITERIA_TITLES: Record<CriterionKey, string> = {
  referrals: "Welcomes physician referrals",
  profile: "States training and specialisations",
  insurance: "Insurance or reimbursement",
  // Who checks it depends on the state (a board, a certifying body, a city): the detail says.
  license: "Licence checked",
  credentials: "Credentials beyond the licence",
  modalities: "Several modalities and sciatica experience",
};

/** A profile "states its training" when it names a school and says something about the work. */
export const MIN_BIO_LENGTH = 40;

const c = (key: CriterionKey, status: CriterionStatus, detail: string): Criterion => ({ key, title: CRITERIA_TITLES[key], status, detail });

export function evaluateCriteria(t: CriteriaInput, rule: StateRule | undefined, now: Date = new Date()): Criterion[] {
  const trio = SCIATICA_TRIO.filter((m) => t.modalitySlugs.includes(m));
  const facts = credentialFacts(t);
  const checked = facts.filter((f) => f.state === "checked");
  const claimed = facts.filter((f) => f.state === "claimed");
  const sentence = (list: CredentialFact[]) => `${list.map((f) => credentialWords(f, now)).join("; ")}.`.replace(/^./, (s) => s.toUpperCase());
  return [
    c(
      "referrals",
      t.acceptsPhysicianReferrals ? "met" : "not_met",
      t.acceptsPhysicianReferrals ? "Accepts physician referrals and prescriptions." : "Does not say it accepts physician referrals or prescriptions.",
    ),
    c(
      "profile",
      t.schoolName && t.bio.trim().length >= MIN_BIO_LENGTH ? "met" : "not_met",
      t.schoolName && t.bio.trim().length >= MIN_BIO_LENGTH
        ? `Names where they trained (${t.schoolName}) and describes their work.`
        : "The profile does not yet say where they trained and what they focus on.",
    ),
    c(
      "insurance",
      t.acceptsInsurance || t.offersSuperbills ? "met" : "not_met",
      t.acceptsInsurance
        ? "Accepts insurance; ask whether your plan covers massage."
        : t.offersSuperbills
          ? "Gives superbills you can submit to your insurer for reimbursement."
          : `Does not accept insurance${t.acceptsHsaFsa ? " (HSA/FSA cards accepted)" : ""}.`,
    ),
    licenseCriterion(t, rule, now),
    c(
      "credentials",
      checked.length ? "met" : claimed.length ? "claimed" : "not_met",
      facts.length ? sentence([...checked, ...claimed, ...facts.filter((f) => f.state === "unconfirmed")]) : "No NCBTMB certification, accredited school or association membership listed.",
    ),
    c(
      "modalities",
      t.sciaticaExperience !== "none" && trio.length >= 2 ? "met" : "not_met",
      `${trio.length} of deep tissue, myofascial release and Swedish; ${SCIATICA_ADJECTIVE[t.sciaticaExperience]} experience with sciatica.`,
    ),
  ];
}

function licenseCriterion(t: CriteriaInput, rule: StateRule | undefined, now: Date): Criterion {
  const home = t.licenses.filter((l) => l.state === t.state);
  const good = home.find((l) => l.status === "active" && l.verifiedAt);
  const bad = home.find((l) => l.verifiedAt && (l.status === "expired" || l.status === "disciplinary_action"));
  if (!rule) return c("license", "not_met", "The state's rule is not known.");
  if (bad) return c("license", "not_met", bad.status === "expired" ? "The licence has expired." : "Disciplinary action is on record.");
  if (good) {
    // The same words as the licence note: who a credential is checked with depends on the rule.
    // A stale check still meets the criterion (it was checked); the detail says how long ago.
    const noun = CREDENTIAL_NOUN[rule.regulation];
    const age = good.verifiedAt ? staleAge(good.verifiedAt, now) : "";
    const ago = age ? ` ${age}` : "";
    const detail =
      rule.regulation === "none" ? `Local licence checked${ago}.` : `${noun.replace(/^./, (s) => s.toUpperCase())} checked with ${CHECKED_WITH[rule.regulation]}${ago}.`;
    return c("license", "met", detail);
  }
  if (!requiresStateLicense(rule)) {
    return c(
      "license",
      "not_applicable",
      rule.regulation === "none"
        ? `${rule.name} has no statewide licence; ask about a city licence.`
        : `${rule.name} certification is voluntary; ask about it or a city permit.`,
    );
  }
  if (home.some((l) => !l.verifiedAt))
    return c("license", "claimed", `${CLAIMED_WORDING.replace(/^./, (s) => s.toUpperCase())} with ${CHECKED_WITH[rule.regulation]}.`);
  return c(
    "license",
    "not_met",
    home.length ? `${UNCONFIRMED_WORDING.replace(/^./, (s) => s.toUpperCase())} with ${CHECKED_WITH[rule.regulation]}.` : `No ${rule.name} ${CREDENTIAL_NOUN[rule.regulation]} listed.`,
  );
}

export const countMet = (criteria: readonly Criterion[]) => criteria.filter((x) => x.status === "met").length;

/** The school line of a profile: its accreditation is stated as fact only when checked. */
export function schoolWords(s: { name: string | null; accredited: boolean; check: CheckStatus; checkedAt: string | null; source?: string | null }, now: Date = new Date()): string {
  if (!s.name) return s.accredited ? `Not named; accredited programme ${CLAIMED_WORDING}` : "Not stated";
  if (!s.accredited) return `${s.name}, programme not stated as accredited`;
  const when = `${checkedWhen(s.checkedAt, now)}${s.source ? `, source: ${s.source}` : ""}`;
  if (s.check === "checked") return `${s.name}, a nationally accredited programme (${CHECKED_WORDING}${when})`;
  if (s.check === "unconfirmed") return `${s.name}; the programme's accreditation ${UNCONFIRMED_WORDING}${when ? ` (checked${when})` : ""}`;
  return `${s.name}; accredited programme ${CLAIMED_WORDING}`;
}

/** The associations line of a profile. */
export function associationsWords(list: readonly string[], a: { status: CheckStatus; checkedAt: string | null; source?: string | null }, now: Date = new Date()): string {
  if (!list.length) return "None listed";
  const when = `${checkedWhen(a.checkedAt, now)}${a.source ? `, source: ${a.source}` : ""}`;
  const state = a.status === "checked" ? `${CHECKED_WORDING}${when}` : a.status === "unconfirmed" ? `${UNCONFIRMED_WORDING}${when ? ` (checked${when})` : ""}` : CLAIMED_WORDING;
  return `${list.join(", ")} (membership ${state})`;
}
