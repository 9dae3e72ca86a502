// One search, as the results page and GET /api/therapists both run it: parse, resolve the
// place, query, then explain each result (criteria, licence notes) and, when nothing matches,
// which filters removed the most and the one change that brings results back.
import "server-only";
import type { Db } from "@/db/client";
import { countUpTo, nearestTherapists, searchConditions, searchTherapists, type SearchCriteria } from "@/db/queries/search";
import { listStateRules } from "@/db/queries/states";
import { stateName } from "@/lib/licensing/vocabulary";
import type { StateRule } from "@/lib/licensing/license-note";
import { toSearchResult, type SearchResult } from "@/lib/therapists/search-result";
import { activeFilters, CREDENTIAL_FLAGS, modalityName, radiusOf, SELF_REPORTED_LABEL } from "./filters";
import { resolveLocation, type ResolvedLocation } from "./location";
import { RADIUS_CHOICES, toQueryString, type FieldErrors, type SearchParams } from "./params";

export type { SearchResult };

/** The search's default order: nearest first around a point, best match otherwise (a whole state, or no place). */
export const defaultSort = (location: ResolvedLocation | null): SearchCriteria["sort"] => (location?.kind === "point" ? "nearest" : "best");

// Field names as the API serves them (GET /api/therapists), so nothing is renamed on the way out.
export type Change = { label: string; count: number; countIsCapped: boolean; params: SearchParams; query: string };

export type SearchOutcome =
  | {
      ok: true;
      params: SearchParams;
      location: ResolvedLocation | null;
      sort: SearchCriteria["sort"];
      total: number;
      totalIsCapped: boolean;
      /** total is an estimate ("about 3,400"): more matches than are counted exactly. */
      totalIsEstimate: boolean;
      page: number;
      pageSize: number;
      pageCount: number;
      results: SearchResult[];
      /** Only when nothing matched: what to do next (see NoResults). */
      noResults?: NoResults;
    }
  | { ok: false; fieldErrors: FieldErrors; suggestions: string[] };

/** How many of the nearest therapists beyond the largest radius are shown. */
export const NEAREST_ANYWAY = 3;

export type NoResults = {
  /** Each filter's removal, most results first. */
  removals: Change[];
  /** The one change to offer: a wider radius that finds someone, else the most helpful removal. */
  suggestion: Change | null;
  /**
   * When no one is within even the largest radius of a point: the nearest therapists matching
   * every other filter, nearest first, with their distance (a search never ends with nothing).
   */
  nearest: SearchResult[];
  /** Then too: the same search across the point's whole state, when that finds someone. */
  wholeState: Change | null;
};

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
    includeModalityNotStated: p.modalityNotStated,
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
    includeSelfReported: p.selfReported,
    minPrice: p.minPrice,
    maxPrice: p.maxPrice,
    language: p.language,
    gender: p.gender,
    wheelchair: p.wheelchair,
    superbills: p.superbills,
    hsaFsa: p.hsaFsa,
  };
}

// Identical searches that arrive while one is running share its answer instead of running
// again: under a crowd, most visitors open the same few searches (the results page with no
// filters above all), and on the embedded database every statement waits its turn. Nothing is
// kept once the search is done, so no answer is older than the request that asked for it.
const inFlight = new WeakMap<Db, Map<string, Promise<SearchOutcome>>>();

export function runSearch(db: Db, params: SearchParams): Promise<SearchOutcome> {
  let running = inFlight.get(db);
  if (!running) inFlight.set(db, (running = new Map()));
  const key = JSON.stringify(params);
  const shared = running.get(key);
  if (shared) return shared;
  const search = searchOnce(db, params).finally(() => running.delete(key));
  running.set(key, search);
  return search;
}

async function searchOnce(db: Db, params: SearchParams): Promise<SearchOutcome> {
  let location: ResolvedLocation | null = null;
  if (params.location) {
    const resolved = resolveLocation(params.location);
    if (resolved.kind === "unknown") return { ok: false, fieldErrors: { location: [resolved.message] }, suggestions: resolved.suggestions };
    location = resolved;
  }
  if (params.sort === "nearest" && location?.kind !== "point") {
    return { ok: false, fieldErrors: { sort: ["nearest needs a ZIP code or a city, not a whole state"] }, suggestions: [] };
  }
  const sort = params.sort ?? defaultSort(location);
  const criteria = toCriteria(params, location);
  const [{ rows, total, totalCapped: totalIsCapped, totalIsEstimate }, rules] = await Promise.all([
    searchTherapists(db, { ...criteria, sort, limit: params.pageSize, offset: (params.page - 1) * params.pageSize }),
    stateRules(db),
  ]);

  const results = rows.map((r) => toSearchResult(r, rules, modalityName));

  const outcome: SearchOutcome = {
    ok: true,
    params,
    location,
    sort,
    total,
    totalIsCapped,
    totalIsEstimate,
    page: params.page,
    pageSize: params.pageSize,
    pageCount: Math.max(1, Math.ceil(total / params.pageSize)),
    results,
  };
  if (total === 0) outcome.noResults = await explainNoResults(db, params, location);
  return outcome;
}

async function explainNoResults(db: Db, params: SearchParams, location: ResolvedLocation | null): Promise<NoResults> {
  const conditions = searchConditions(toCriteria(params, location));
  const change = async (label: string, next: SearchParams, at = location): Promise<Change> => {
    const { count, capped } = await countUpTo(db, toCriteria(next, at));
    return { label, count, countIsCapped: capped, params: next, query: toQueryString(next) };
  };
  // Each removal counted at once (each its own connection on PostgreSQL).
  const removals: Change[] = await Promise.all([
    ...activeFilters(params)
      .filter((f) => conditions.has(f.condition))
      .map((f) => change(`Remove "${f.label}"`, f.without)),
    // Credential filters count checked credentials only: offer the self-reported ones too.
    ...(!params.selfReported && CREDENTIAL_FLAGS.some((f) => params[f]) ? [change(SELF_REPORTED_LABEL, { ...params, selfReported: true, page: 1 })] : []),
  ]);
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
  let nearest: SearchResult[] = [];
  let wholeState: Change | null = null;
  if (location?.kind === "point" && !suggestion) {
    const criteria = toCriteria(params, location);
    const [rows, rules] = await Promise.all([nearestTherapists(db, { ...criteria, near: criteria.near!, limit: NEAREST_ANYWAY }), stateRules(db)]);
    nearest = rows.map((r) => toSearchResult(r, rules, modalityName));
    const name = stateName(location.state);
    // The radius means nothing for a state, and "nearest" needs a point.
    const state = { ...params, location: name, radius: undefined, sort: params.sort === "nearest" ? undefined : params.sort, page: 1 };
    const all = await change(`Search all of ${name}`, state, { kind: "state", label: name, state: location.state });
    if (all.count > 0) wholeState = all;
  }
  if (!suggestion && removals[0] && removals[0].count > 0) suggestion = removals[0];
  return { removals, suggestion, nearest, wholeState };
}
