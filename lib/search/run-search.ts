// One search, as the results page and GET /api/therapists both run it: parse, resolve the
// place, query, then explain each result (criteria, licence notes) and, when nothing matches,
// which filters removed the most and the one change that brings results back.
import "server-only";
import type { Db } from "@/db/client";
import { countMatches, searchConditions, searchTherapists, type SearchCriteria, type SearchRow } from "@/db/queries/search";
import { listStateRules } from "@/db/queries/states";
import { countMet, evaluateCriteria, type Criterion } from "@/lib/criteria";
import { describeLicenses, type LicenseNote, type StateRule } from "@/lib/licensing/license-note";
import { activeFilters, modalityName, radiusOf } from "./filters";
import { resolveLocation, type ResolvedLocation } from "./location";
import { RADIUS_CHOICES, toQueryString, type FieldErrors, type SearchParams } from "./params";

export type SearchResult = {
  slug: string;
  displayName: string;
  practiceName: string | null;
  city: string;
  state: string;
  zip: string;
  distanceMiles: number | null;
  modalities: { slug: string; name: string }[];
  sciaticaExperience: SearchRow["sciaticaExperience"];
  ncbtmbStatus: SearchRow["ncbtmbStatus"];
  licenseNotes: LicenseNote[];
  criteria: Criterion[];
  criteriaMet: number;
  acceptingNewClients: boolean;
  inClinic: boolean;
  mobile: boolean;
  isDemo: boolean;
};

export type Change = { label: string; count: number; countCapped: boolean; params: SearchParams; query: string };

export type SearchOutcome =
  | {
      ok: true;
      params: SearchParams;
      location: ResolvedLocation | null;
      sort: SearchCriteria["sort"];
      total: number;
      totalCapped: boolean;
      /** total is an estimate ("about 3,400"): more matches than are counted exactly. */
      totalIsEstimate: boolean;
      page: number;
      pageSize: number;
      pageCount: number;
      results: SearchResult[];
      /** Only when nothing matched: each filter's removal, most results first, and the one change to offer. */
      noResults?: { removals: Change[]; suggestion: Change | null };
    }
  | { ok: false; fieldErrors: FieldErrors; suggestions: string[] };

const rulesCache = new WeakMap<Db, Promise<Map<string, StateRule>>>();
function stateRules(db: Db) {
  let rules = rulesCache.get(db);
  if (!rules) {
    rules = listStateRules(db).then((rows) => new Map(rows.map((r) => [r.code, r])));
    rules.catch(() => rulesCache.delete(db));
    rulesCache.set(db, rules);
  }
  return rules;
}

function toCriteria(p: SearchParams, location: ResolvedLocation | null): Omit<SearchCriteria, "sort" | "limit" | "offset"> {
  return {
    near: location?.kind === "point" ? { latitude: location.latitude, longitude: location.longitude, radiusMiles: radiusOf(p) } : undefined,
    state: location?.kind === "state" ? location.state : undefined,
    modalities: p.modality,
    sciatica: p.sciatica,
    licensed: p.licensed,
    ncbtmb: p.ncbtmb,
    insurance: p.insurance,
    plan: p.plan,
    referrals: p.referrals,
    accredited: p.accredited,
    association: p.association,
    accepting: p.accepting,
    setting: p.setting,
    q: p.q,
  };
}

export async function runSearch(db: Db, params: SearchParams): Promise<SearchOutcome> {
  let location: ResolvedLocation | null = null;
  if (params.location) {
    const resolved = resolveLocation(params.location);
    if (resolved.kind === "unknown") return { ok: false, fieldErrors: { location: [resolved.message] }, suggestions: resolved.suggestions };
    location = resolved;
  }
  if (params.sort === "nearest" && location?.kind !== "point") {
    return { ok: false, fieldErrors: { sort: ["nearest needs a ZIP code or a city, not a whole state"] }, suggestions: [] };
  }
  const sort = params.sort ?? (location?.kind === "point" ? "nearest" : "best");
  const criteria = toCriteria(params, location);
  const [{ rows, total, totalCapped, totalIsEstimate }, rules] = await Promise.all([
    searchTherapists(db, { ...criteria, sort, limit: params.pageSize, offset: (params.page - 1) * params.pageSize }),
    stateRules(db),
  ]);

  const results: SearchResult[] = rows.map((r) => {
    const criteriaList = evaluateCriteria(r, rules.get(r.state));
    return {
      slug: r.slug,
      displayName: r.displayName,
      practiceName: r.practiceName,
      city: r.city,
      state: r.state,
      zip: r.zip,
      distanceMiles: r.distanceMiles === null ? null : Math.round(r.distanceMiles * 10) / 10,
      modalities: r.modalitySlugs.map((slug) => ({ slug, name: modalityName(slug) })),
      sciaticaExperience: r.sciaticaExperience,
      ncbtmbStatus: r.ncbtmbStatus,
      licenseNotes: describeLicenses(r.state, r.licenses, rules),
      criteria: criteriaList,
      criteriaMet: countMet(criteriaList),
      acceptingNewClients: r.acceptingNewClients,
      inClinic: r.inClinic,
      mobile: r.mobile,
      isDemo: r.isDemo,
    };
  });

  const outcome: SearchOutcome = {
    ok: true,
    params,
    location,
    sort,
    total,
    totalCapped,
    totalIsEstimate,
    page: params.page,
    pageSize: params.pageSize,
    pageCount: Math.max(1, Math.ceil(total / params.pageSize)),
    results,
  };
  if (total === 0) outcome.noResults = await explainNoResults(db, params, location);
  return outcome;
}

async function explainNoResults(db: Db, params: SearchParams, location: ResolvedLocation | null) {
  const conditions = searchConditions(toCriteria(params, location));
  const change = async (label: string, next: SearchParams): Promise<Change> => {
    const count = await countMatches(db, searchConditions(toCriteria(next, location)).values());
    return { label, count: Math.min(count, 1000), countCapped: count > 1000, params: next, query: toQueryString(next) };
  };
  const removals: Change[] = [];
  for (const f of activeFilters(params)) {
    if (conditions.has(f.condition)) removals.push(await change(`Remove "${f.label}"`, f.without));
  }
  removals.sort((a, b) => b.count - a.count);

  let suggestion: Change | null = null;
  if (location?.kind === "point") {
    for (const radius of RADIUS_CHOICES.filter((r) => r > radiusOf(params))) {
      const wider = await change(`Search within ${radius} miles`, { ...params, radius, page: 1 });
      if (wider.count > 0) {
        suggestion = wider;
        break;
      }
    }
  }
  if (!suggestion && removals[0] && removals[0].count > 0) suggestion = removals[0];
  return { removals, suggestion };
}
