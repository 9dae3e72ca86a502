// The search's parameters: one zod schema for the results page, the JSON API and the tests.
// Every filter lives in the URL, so a search can be shared, bookmarked and navigated back to.
import { z } from "zod";
import { MODALITIES } from "@/db/reference/modalities";
import { SCIATICA_FILTER_LEVELS } from "@/lib/therapists/vocabulary";

export const RADIUS_CHOICES = [5, 10, 25, 50, 100] as const;
export const RADIUS_DEFAULT = 25;
export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 50;
export const PAGE_MAX = 500;
export const SORTS = ["nearest", "best", "name", "price"] as const;
export type Sort = (typeof SORTS)[number];
/** How each order is named, in the sort menu and in "sorted by ...". */
export const SORT_LABELS: Record<Sort, string> = {
  nearest: "Nearest first",
  best: "Best match: most criteria met",
  name: "Name",
  price: "Lowest price first",
};
/** The default order in words when no search has run yet (it depends on the place searched). */
export const DEFAULT_SORT_RULE = "nearest first for a ZIP code or city, best match otherwise";
export const FLAG_FILTERS = ["licensed", "ncbtmb", "insurance", "referrals", "accredited", "association", "accepting"] as const;
export type FlagFilter = (typeof FLAG_FILTERS)[number];
/** Yes/no facts of a practice as the therapist describes it (self-described, not checked). */
export const PRACTICE_FLAGS = ["wheelchair", "superbills", "hsaFsa"] as const;
export type PracticeFlag = (typeof PRACTICE_FLAGS)[number];
/** The highest price a search accepts, in whole dollars (the profile form's own limit). */
export const PRICE_LIMIT = 2000;

const MODALITY_SLUGS = MODALITIES.map((m) => m.slug) as [string, ...string[]];
// Control characters (NUL above all) are never part of a place, a name or a plan.
const CONTROL = /[\u0000-\u001f\u007f]/;

const text = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), "must not contain control characters")
    .refine((s) => s.length >= min, `must be at least ${min} characters`);

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform((s) => (s.length > 9 ? Number.MAX_SAFE_INTEGER : Number(s)))
    .pipe(z.number().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));

const flag = z.enum(["1", "true", "on", "0", "false", "off"], { error: 'use 1 (on) or 0 (off)' }).transform((v) => v === "1" || v === "true" || v === "on");

export const searchSchema = z.object({
  location: text(100).optional(),
  radius: wholeNumber("radius", 5, 100).optional(),
  modality: z
    .array(z.enum(MODALITY_SLUGS, { error: (i) => `unknown modality "${String(i.input).slice(0, 40)}"; see GET /api/modalities` }))
    .max(MODALITY_SLUGS.length)
    .transform((list) => [...new Set(list)])
    .default([]),
  // With modalities chosen, listings that state none (imported registry listings) match too.
  modalityNotStated: flag.optional(),
  sciatica: z.enum(SCIATICA_FILTER_LEVELS, { error: "use some or extensive" }).optional(),
  licensed: flag.optional(),
  ncbtmb: flag.optional(),
  insurance: flag.optional(),
  referrals: flag.optional(),
  accredited: flag.optional(),
  association: flag.optional(),
  accepting: flag.optional(),
  // Credential filters (licensed, ncbtmb, accredited, association) match checked credentials
  // only; with this on, self-reported ("claimed, not yet checked") ones match too.
  selfReported: flag.optional(),
  plan: text(60, 2).optional(),
  setting: z.enum(["clinic", "mobile"], { error: "use clinic or mobile" }).optional(),
  q: text(100, 2).optional(),
  // A 60-minute session's price in whole dollars: therapists with a price in this range.
  minPrice: wholeNumber("minPrice", 0, PRICE_LIMIT).optional(),
  maxPrice: wholeNumber("maxPrice", 0, PRICE_LIMIT).optional(),
  // A language the therapist states they speak, and their gender as they state it (both matched
  // without regard to case; the form offers only values therapists have stated).
  language: text(40, 2).optional(),
  gender: text(40, 1).optional(),
  wheelchair: flag.optional(),
  superbills: flag.optional(),
  hsaFsa: flag.optional(),
  sort: z.enum(SORTS, { error: "use nearest, best, name or price" }).optional(),
  page: wholeNumber("page", 1, PAGE_MAX).default(1),
  pageSize: wholeNumber("pageSize", 1, PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
  // The results page only (the API answers with data, not views): show the page's results on a
  // map of the searched area above the list.
  view: z.enum(["list", "map"], { error: "use list or map" }).optional(),
});

export type SearchParams = z.infer<typeof searchSchema>;
export type FieldErrors = Record<string, string[]>;
export type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

const MULTI_VALUED = new Set(["modality"]);
const KNOWN = new Set(Object.keys(searchSchema.shape));

function entries(raw: RawParams): [string, string[]][] {
  if (raw instanceof URLSearchParams) {
    const map = new Map<string, string[]>();
    for (const [k, v] of raw) map.set(k, [...(map.get(k) ?? []), v]);
    return [...map];
  }
  return Object.entries(raw).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v : [v]] as [string, string[]]]));
}

export type ParsedSearch =
  | { ok: true; params: SearchParams; ignored: string[] }
  | { ok: false; fieldErrors: FieldErrors; values: Record<string, string | string[]> };

/**
 * Parses query parameters. Empty values (a form's blank fields) count as absent. Unknown and
 * repeated parameters are errors for the API; the page passes `ignoreUnknown` and says which
 * it ignored.
 */
export function parseSearchParams(raw: RawParams, options: { ignoreUnknown?: boolean; allowPageSize?: boolean; allowView?: boolean } = {}): ParsedSearch {
  const fieldErrors: FieldErrors = {};
  const values: Record<string, string | string[]> = {};
  const ignored: string[] = [];
  for (const [key, list] of entries(raw)) {
    const nonEmpty = list.filter((v) => v.trim() !== "");
    const known = KNOWN.has(key) && (key !== "pageSize" || options.allowPageSize) && (key !== "view" || options.allowView);
    if (!known) {
      if (options.ignoreUnknown) ignored.push(key.slice(0, 40));
      else fieldErrors[key.slice(0, 40)] = ["unknown parameter"];
      continue;
    }
    if (nonEmpty.length === 0) continue;
    if (MULTI_VALUED.has(key)) {
      values[key] = nonEmpty;
    } else if (nonEmpty.length > 1) {
      fieldErrors[key] = ["given more than once"];
      values[key] = nonEmpty[0]!;
    } else {
      values[key] = nonEmpty[0]!;
    }
  }
  const parsed = searchSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "query");
      (fieldErrors[key] ??= []).push(issue.message);
    }
  }
  if (parsed.success && parsed.data.sort === "nearest" && !parsed.data.location) {
    fieldErrors.sort = ["nearest needs a location"];
  }
  if (parsed.success && parsed.data.minPrice !== undefined && parsed.data.maxPrice !== undefined && parsed.data.minPrice > parsed.data.maxPrice) {
    fieldErrors.maxPrice = ["maxPrice must not be below minPrice"];
  }
  if (Object.keys(fieldErrors).length || !parsed.success) {
    return { ok: false, fieldErrors, values: truncateValues(values) };
  }
  return { ok: true, params: parsed.data, ignored };
}

// Echoed values stay short: a 10,000-character parameter is not sent back whole.
function truncateValues(values: Record<string, string | string[]>) {
  const cut = (s: string) => (s.length > 200 ? `${s.slice(0, 200)}…` : s);
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.slice(0, 20).map(cut) : cut(v)]));
}

/** The canonical query string of a search (defaults left out), for links and sharing. */
export function toQueryString(p: Partial<SearchParams>, options: { includePageSize?: boolean } = {}): string {
  const qs = new URLSearchParams();
  if (p.location) qs.set("location", p.location);
  if (p.radius !== undefined && p.radius !== RADIUS_DEFAULT) qs.set("radius", String(p.radius));
  for (const m of p.modality ?? []) qs.append("modality", m);
  if (p.modalityNotStated) qs.set("modalityNotStated", "1");
  if (p.sciatica) qs.set("sciatica", p.sciatica);
  for (const f of FLAG_FILTERS) if (p[f]) qs.set(f, "1");
  if (p.selfReported) qs.set("selfReported", "1");
  if (p.plan) qs.set("plan", p.plan);
  if (p.setting) qs.set("setting", p.setting);
  if (p.q) qs.set("q", p.q);
  if (p.minPrice !== undefined) qs.set("minPrice", String(p.minPrice));
  if (p.maxPrice !== undefined) qs.set("maxPrice", String(p.maxPrice));
  if (p.language) qs.set("language", p.language);
  if (p.gender) qs.set("gender", p.gender);
  for (const f of PRACTICE_FLAGS) if (p[f]) qs.set(f, "1");
  if (p.sort) qs.set("sort", p.sort);
  if (p.page && p.page > 1) qs.set("page", String(p.page));
  if (options.includePageSize && p.pageSize && p.pageSize !== PAGE_SIZE_DEFAULT) qs.set("pageSize", String(p.pageSize));
  if (p.view === "map") qs.set("view", "map");
  return qs.toString();
}
