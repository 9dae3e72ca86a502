// The six selection criteria of shared/DOMAIN.md, evaluated for one therapist. Each is met,
// not met, or not applicable, with a line saying why. The search's "best match" score counts
// the same criteria in SQL (db/queries/search.ts); a test keeps the two in step.
import { SCIATICA_TRIO } from "@/db/reference/modalities";
import type { LicenseFacts, StateRule } from "@/lib/licensing/license-note";
import { requiresStateLicense } from "@/lib/licensing/license-note";
import { CHECKED_WITH, CREDENTIAL_NOUN } from "@/lib/licensing/vocabulary";
import { SCIATICA_ADJECTIVE, type NcbtmbStatus, type SciaticaLevel } from "@/lib/therapists/vocabulary";

export const CRITERION_KEYS = ["referrals", "profile", "insurance", "license", "credentials", "modalities"] as const;
export type CriterionKey = (typeof CRITERION_KEYS)[number];
export const CRITERION_STATUSES = ["met", "not_met", "not_applicable"] as const;
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
  associations: readonly string[];
  sciaticaExperience: SciaticaLevel;
};

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

export function evaluateCriteria(t: CriteriaInput, rule: StateRule | undefined): Criterion[] {
  const trio = SCIATICA_TRIO.filter((m) => t.modalitySlugs.includes(m));
  const credentials = [
    ...(t.ncbtmbStatus === "verified" || t.ncbtmbStatus === "self_reported" ? ["NCBTMB board certified"] : []),
    ...(t.schoolAccredited ? ["trained at an accredited school"] : []),
    ...(t.associations.length ? [`member of ${t.associations.join(", ")}`] : []),
  ];
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
    licenseCriterion(t, rule),
    c(
      "credentials",
      credentials.length ? "met" : "not_met",
      credentials.length ? `${credentials.join("; ")}.`.replace(/^./, (s) => s.toUpperCase()) : "No NCBTMB certification, accredited school or association membership listed.",
    ),
    c(
      "modalities",
      t.sciaticaExperience !== "none" && trio.length >= 2 ? "met" : "not_met",
      `${trio.length} of deep tissue, myofascial release and Swedish; ${SCIATICA_ADJECTIVE[t.sciaticaExperience]} experience with sciatica.`,
    ),
  ];
}

function licenseCriterion(t: CriteriaInput, rule: StateRule | undefined): Criterion {
  const home = t.licenses.filter((l) => l.state === t.state);
  const good = home.find((l) => l.status === "active" && l.verifiedAt);
  const bad = home.find((l) => l.verifiedAt && (l.status === "expired" || l.status === "disciplinary_action"));
  if (!rule) return c("license", "not_met", "The state's rule is not known.");
  if (bad) return c("license", "not_met", bad.status === "expired" ? "The licence has expired." : "Disciplinary action is on record.");
  if (good) {
    // The same words as the licence note: who a credential is checked with depends on the rule.
    const noun = CREDENTIAL_NOUN[rule.regulation];
    const detail =
      rule.regulation === "none" ? "Local licence checked." : `${noun.replace(/^./, (s) => s.toUpperCase())} checked with ${CHECKED_WITH[rule.regulation]}.`;
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
  return c(
    "license",
    "not_met",
    home.length ? `Self-reported, not yet checked with ${CHECKED_WITH[rule.regulation]}.` : `No ${rule.name} ${CREDENTIAL_NOUN[rule.regulation]} listed.`,
  );
}

export const countMet = (criteria: readonly Criterion[]) => criteria.filter((x) => x.status === "met").length;
