// The six selection criteria of shared/DOMAIN.md, evaluated for one therapist. Each is met,
// not met, or not applicable, with a line saying why. The search's "best match" score counts
// the same criteria in SQL (db/queries/search.ts); a test keeps the two in step.
import type { LicenseFacts, StateRule } from "@/lib/licensing/license-note";
import { requiresStateLicense } from "@/lib/licensing/license-note";
import { SCIATICA_TRIO } from "@/db/reference/modalities";

export type CriterionKey = "referrals" | "profile" | "insurance" | "license" | "credentials" | "modalities";
export type CriterionStatus = "met" | "not_met" | "not_applicable";
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
  ncbtmbStatus: "not_certified" | "self_reported" | "verified" | "lapsed";
  schoolAccredited: boolean;
  associations: readonly string[];
  sciaticaExperience: "none" | "some" | "extensive";
};

export const CRITERIA_TITLES: Record<CriterionKey, string> = {
  referrals: "Welcomes physician referrals",
  profile: "States training and specialisations",
  insurance: "Insurance or reimbursement",
  license: "Licence checked with the state board",
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
      `${trio.length} of deep tissue, myofascial release and Swedish; ${
        t.sciaticaExperience === "extensive" ? "extensive" : t.sciaticaExperience === "some" ? "some" : "no stated"
      } experience with sciatica.`,
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
    const checkedWith =
      rule.regulation === "none"
        ? "Local licence checked."
        : rule.regulation === "voluntary_certification"
          ? "Certification checked with the certifying body."
          : `Checked with the ${rule.name} board.`;
    return c("license", "met", checkedWith);
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
  const credential = rule.regulation === "registration" ? "registration" : rule.regulation === "certification" ? "certification" : "licence";
  return c("license", "not_met", home.length ? "Self-reported, not yet checked with the state board." : `No ${rule.name} ${credential} listed.`);
}

export const countMet = (criteria: readonly Criterion[]) => criteria.filter((x) => x.status === "met").length;
