// Human labels for the active filters of a search, and the search without each of them: the
// results page's removable filter chips and its "no results" advice both come from here.
import { MODALITIES } from "@/db/reference/modalities";
import { PRICE_UNIT } from "@/lib/therapists/vocabulary";
import { FLAG_FILTERS, PRACTICE_FLAGS, RADIUS_DEFAULT, type FlagFilter, type PracticeFlag, type SearchParams } from "./params";

export const FLAG_LABELS: Record<FlagFilter, string> = {
  licensed: "Licence checked with the state board",
  ncbtmb: "NCBTMB board certification checked",
  insurance: "Accepts insurance",
  referrals: "Accepts physician referrals",
  accredited: "School's accreditation checked",
  association: "Association membership checked",
  accepting: "Accepting new clients",
};

/** Practice facts the therapist states and nobody checks: the form groups them under this. */
export const STATED_LEGEND = "Practice details, as therapists describe them (not checked)";
/** Added to the chip of a filter on something only the therapist states. */
export const STATED_SUFFIX = "(as the therapist states)";

export const PRACTICE_FLAG_LABELS: Record<PracticeFlag, string> = {
  wheelchair: "Wheelchair accessible",
  superbills: "Gives superbills for out-of-network claims",
  hsaFsa: "Accepts HSA/FSA cards",
};

/** The price filter in words: "$60 to $100 per 60-minute session", "Up to $100 ...", "From $60 ...". */
export function priceFilterLabel(p: Pick<SearchParams, "minPrice" | "maxPrice">): string | undefined {
  const { minPrice: min, maxPrice: max } = p;
  if (min !== undefined && max !== undefined) return `$${min} to $${max} per ${PRICE_UNIT}`;
  if (max !== undefined) return `Up to $${max} per ${PRICE_UNIT}`;
  if (min !== undefined) return `From $${min} per ${PRICE_UNIT}`;
  return undefined;
}

/** The modality filter's extra choice: listings that state no modality (imported registry listings) match too. */
export const MODALITY_NOT_STATED_LABEL = "Also therapists whose modalities are not stated (from the national provider registry)";

/** The "include self-reported" choice: the credential filters then match claimed credentials too. */
export const SELF_REPORTED_LABEL = "Include self-reported credentials (claimed, not yet checked)";
/** The credential filters that choice widens. */
export const CREDENTIAL_FLAGS = ["licensed", "ncbtmb", "accredited", "association"] as const satisfies readonly FlagFilter[];

export const modalityName = (slug: string) => MODALITIES.find((m) => m.slug === slug)?.name ?? slug;

export type ActiveFilter = {
  /** The condition this filter adds in db/queries/search.ts (searchConditions). */
  condition: string;
  label: string;
  without: SearchParams;
};

export function activeFilters(p: SearchParams): ActiveFilter[] {
  const base = { ...p, page: 1 };
  const out: ActiveFilter[] = [];
  for (const m of p.modality) {
    out.push({ condition: "modality", label: modalityName(m), without: { ...base, modality: p.modality.filter((x) => x !== m) } });
  }
  if (p.modalityNotStated && p.modality.length)
    out.push({ condition: "modalityNotStated", label: "Including modality not stated", without: { ...base, modalityNotStated: undefined } });
  if (p.sciatica) out.push({ condition: "sciatica", label: p.sciatica === "extensive" ? "Extensive sciatica experience" : "Some sciatica experience", without: { ...base, sciatica: undefined } });
  for (const f of FLAG_FILTERS) {
    if (p[f]) out.push({ condition: f, label: FLAG_LABELS[f], without: { ...base, [f]: undefined, ...(f === "insurance" ? { plan: undefined } : {}) } });
  }
  if (p.selfReported && CREDENTIAL_FLAGS.some((f) => p[f]))
    out.push({ condition: "selfReported", label: "Including self-reported credentials", without: { ...base, selfReported: undefined } });
  if (p.plan) out.push({ condition: "plan", label: `Insurance plan "${p.plan}"`, without: { ...base, plan: undefined } });
  if (p.setting) out.push({ condition: "setting", label: p.setting === "clinic" ? "In a clinic" : "Mobile (comes to you)", without: { ...base, setting: undefined } });
  if (p.q) out.push({ condition: "q", label: `Name contains "${p.q}"`, without: { ...base, q: undefined } });
  const price = priceFilterLabel(p);
  if (price) out.push({ condition: "price", label: price, without: { ...base, minPrice: undefined, maxPrice: undefined } });
  if (p.language) out.push({ condition: "language", label: `Speaks ${p.language}`, without: { ...base, language: undefined } });
  if (p.gender) out.push({ condition: "gender", label: `Gender: ${p.gender} ${STATED_SUFFIX}`, without: { ...base, gender: undefined } });
  for (const f of PRACTICE_FLAGS) {
    if (p[f]) out.push({ condition: f, label: `${PRACTICE_FLAG_LABELS[f]} ${STATED_SUFFIX}`, without: { ...base, [f]: undefined } });
  }
  return out;
}

export const radiusOf = (p: SearchParams) => p.radius ?? RADIUS_DEFAULT;
