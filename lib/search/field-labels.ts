// The search form's visible labels, by parameter name: error summaries name a field the way the
// form does ("Sort by", not "sort"), and link to it. Flag filters use their filter labels.
import { FLAG_LABELS, PRACTICE_FLAG_LABELS } from "./filters";
import { FLAG_FILTERS, PRACTICE_FLAGS } from "./params";

const FIELD_LABELS: Record<string, string> = {
  location: "ZIP code, city and state, or state",
  radius: "Within",
  sort: "Sort by",
  modality: "Modalities",
  sciatica: "Experience with sciatica",
  plan: "Insurance plan",
  setting: "Where",
  q: "Therapist or practice name",
  page: "Page",
  pageSize: "Results per page",
  minPrice: "Lowest price",
  maxPrice: "Highest price",
  language: "Speaks",
  gender: "Therapist's gender",
  ...Object.fromEntries(FLAG_FILTERS.map((f) => [f, FLAG_LABELS[f]])),
  ...Object.fromEntries(PRACTICE_FLAGS.map((f) => [f, PRACTICE_FLAG_LABELS[f]])),
};

/** The label a person sees for a search parameter (the parameter's own name if it has no field). */
export const searchFieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

/** The form control an error about this parameter should take the visitor to, if there is one. */
export const searchFieldAnchor = (field: string) =>
  ["location", "radius", "sort", "sciatica", "plan", "q", "minPrice", "maxPrice", "language", "gender"].includes(field) ? `#f-${field}` : undefined;
