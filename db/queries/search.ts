import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { indexWalkDb, INDEX_ORDER_SETTINGS, INDEX_WALK_SETTINGS, type Db } from "../client";
import {
  CRITERIA_SCORE_LEVELS,
  filterBit,
  licenses,
  MODALITY_BITS,
  SAMPLE_FACTOR,
  SAMPLE_PREDICATE,
  stateLicensing,
  therapists,
  UNCLAIMED_REGISTRY_SCORE,
  type FilterBit,
  latitudeBand,
} from "../schema";
import { requiredTrigramsPattern } from "./name-trigrams";
import { radiusBounds } from "./radius-bounds";
import { METRES_PER_MILE } from "./therapists";

export type SearchCriteria = {
  near?: { latitude: number; longitude: number; radiusMiles: number };
  state?: string;
  modalities?: readonly string[];
  /** With modalities: listings that state no modality at all (imported registry listings) match too. */
  includeModalityNotStated?: boolean;
  sciatica?: "some" | "extensive";
  licensed?: boolean;
  ncbtmb?: boolean;
  insurance?: boolean;
  plan?: string;
  referrals?: boolean;
  accredited?: boolean;
  association?: boolean;
  accepting?: boolean;
  setting?: "clinic" | "mobile";
  q?: string;
  /** A 60-minute session's price range in dollars: therapists with a stated price inside it. */
  minPrice?: number;
  maxPrice?: number;
  /** A language the therapist states they speak (any case). */
  language?: string;
  /** The therapist's gender as they state it (any case); never matches an unstated one. */
  gender?: string;
  wheelchair?: boolean;
  superbills?: boolean;
  hsaFsa?: boolean;
  /**
   * Credential filters (licensed, ncbtmb, accredited, association) match checked credentials
   * only, unless this is set: then self-reported ones match too (never ones an administrator
   * or the board found expired, lapsed or unconfirmed).
   */
  includeSelfReported?: boolean;
  sort: "nearest" | "best" | "name" | "price";
  limit: number;
  offset: number;
};

/**
 * Counts are exact up to here; past it a search's count is estimated from a fixed 1-in-16
 * sample of the rows (its own indexes, db/schema.ts) and shown as "about 3,400".
 */
export const COUNT_EXACT_UP_TO = 1000;
/** Kept for the API's totalIsCapped / countIsCapped: more than this many match. */
export const COUNT_CAP = COUNT_EXACT_UP_TO;

const t = therapists;
const centre = (n: { latitude: number; longitude: number }) => sql`ll_to_earth(${n.latitude}::float8, ${n.longitude}::float8)`;
// Must match the expression of the trigram index therapists_name_trgm_idx.
const nameText = sql`lower(${t.displayName} || ' ' || coalesce(${t.practiceName}, ''))`;

const noStatewideLicence = sql`${t.state} in (select ${stateLicensing.code} from ${stateLicensing} where ${stateLicensing.regulation} = 'none')`;

/**
 * The number of the six selection criteria met (lib/criteria.ts), kept in
 * therapists.criteria_score by a trigger (migration 0004) so that best-match sorting is indexed.
 */
export const criteriaScore = t.criteriaScore;

// A therapist's price range as stated: either end may be left out (one price), or both (not stated).
const lowestPrice = sql`coalesce(${t.priceMin}, ${t.priceMax})`;
const highestPrice = sql`coalesce(${t.priceMax}, ${t.priceMin})`;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// A yes/no filter is a test of its bit in filter_bits (db/schema.ts FILTER_BITS: each bit is the
// condition the search used to write out), so that the covering indexes answer it alone.
const has = (name: FilterBit) => sql`(${t.filterBits} & ${sql.raw(String(filterBit(name)))}) <> 0`;

/** The modalities' bits (db/schema.ts MODALITY_BITS), or null when one has no bit. */
function modalityMask(slugs: readonly string[]): number | null {
  let mask = 0;
  for (const slug of slugs) {
    const bit = MODALITY_BITS.get(slug);
    if (bit === undefined) return null;
    mask |= bit;
  }
  return mask;
}

/** The filters the covering indexes cannot answer (they read the table): see SEARCH_INDEX_INCLUDE. */
const UNCOVERED_FILTERS = ["plan", "language", "gender", "q"] as const;
/**
 * Every filter answered by the covering indexes. Read "every" (every entry of a place or a state:
 * the latitude bands' and the state names' indexes), a name is answered too: they carry
 * practice_name beside display_name (migration 0030), where the walks' indexes do not.
 */
const isCovered = (c: Omit<SearchCriteria, "sort" | "limit" | "offset">, read: "walk" | "every" = "walk") =>
  UNCOVERED_FILTERS.every((f) => !c[f] || (f === "q" && read === "every")) && (!c.modalities?.length || modalityMask(c.modalities) !== null);
/** In a place or a state, every filter answered by the indexes that hold every entry there. */
const everyCovered = (c: Omit<SearchCriteria, "sort" | "limit" | "offset">) => Boolean(c.near || c.state) && isCovered(c, "every");

/**
 * The SQL conditions of a search, one per filter, named so a "no results" page can drop each.
 * The radius is written for how it is read: "walk", through the GiST indexes' box (the
 * nearest-first walks, and the names walked in order, which test it on each entry); "every",
 * through the latitude bands' B-trees (every entry of the place: the sample, the exact counts,
 * and searches with few matches), unless the radius reaches a pole or the 180th meridian
 * (radiusBounds: then the box). Both select exactly the therapists within the radius.
 */
export function searchConditions(c: Omit<SearchCriteria, "sort" | "limit" | "offset">, read: "walk" | "every" = "walk"): Map<string, SQL> {
  const where = new Map<string, SQL>();
  if (c.near) {
    const metres = c.near.radiusMiles * METRES_PER_MILE;
    const within = sql`earth_distance(${centre(c.near)}, ${t.earth}) <= ${metres}::float8`;
    const bounds = read === "every" ? radiusBounds(c.near, metres) : null;
    where.set(
      "radius",
      bounds
        ? sql`${latitudeBand(t.latitude)} = any(${`{${bounds.bands.join(",")}}`}::int[]) and ${t.longitude} between ${bounds.west}::float8 and ${bounds.east}::float8 and ${within}`
        : sql`earth_box(${centre(c.near)}, ${metres}::float8) @> ${t.earth} and ${within}`,
    );
  }
  if (c.state) where.set("state", eq(t.state, c.state));
  if (c.modalities?.length) {
    const mask = modalityMask(c.modalities);
    const offered =
      mask === null
        ? sql`${t.modalitySlugs} @> ${sql`array[${sql.join(c.modalities.map((m) => sql`${m}`), sql`, `)}]::text[]`}`
        : sql`(${t.modalityBits} & ${sql.raw(String(mask))}) = ${sql.raw(String(mask))}`;
    where.set("modality", c.includeModalityNotStated ? sql`(${offered} or ${has("noModalityStated")})` : offered);
  }
  if (c.sciatica) where.set("sciatica", has(c.sciatica === "extensive" ? "sciaticaExtensive" : "sciaticaSome"));
  const claimed = Boolean(c.includeSelfReported);
  if (c.licensed) where.set("licensed", sql`(${has(claimed ? "licenceClaimed" : "licenceChecked")} or ${noStatewideLicence})`);
  if (c.ncbtmb) where.set("ncbtmb", has(claimed ? "ncbtmbClaimed" : "ncbtmbChecked"));
  if (c.insurance || c.plan) where.set("insurance", has("insurance"));
  if (c.plan) where.set("plan", sql`exists (select 1 from unnest(${t.insurancePlans}) p where p ilike ${`%${likeEscape(c.plan)}%`})`);
  if (c.referrals) where.set("referrals", has("referrals"));
  // A check implies the claim (constraints therapists_*_check_stated): "checked" alone suffices.
  if (c.accredited) where.set("accredited", has(claimed ? "schoolClaimed" : "schoolChecked"));
  if (c.association) where.set("association", has(claimed ? "associationClaimed" : "associationChecked"));
  if (c.accepting) where.set("accepting", has("accepting"));
  if (c.setting) where.set("setting", has(c.setting === "clinic" ? "inClinic" : "mobile"));
  // Price: some session in the range (the therapist's range overlaps it); no stated price, no match.
  if (c.minPrice !== undefined || c.maxPrice !== undefined)
    where.set(
      "price",
      sql`(${c.maxPrice === undefined ? sql`${lowestPrice} is not null` : sql`${lowestPrice} <= ${c.maxPrice}::int`} and ${
        c.minPrice === undefined ? sql`true` : sql`${highestPrice} >= ${c.minPrice}::int`
      })`,
    );
  if (c.language) where.set("language", sql`exists (select 1 from unnest(${t.languages}) l where lower(l) = ${c.language.toLowerCase()})`);
  if (c.gender) where.set("gender", sql`lower(${t.gender}) = ${c.gender.toLowerCase()}`);
  if (c.wheelchair) where.set("wheelchair", has("wheelchair"));
  if (c.superbills) where.set("superbills", has("superbills"));
  if (c.hsaFsa) where.set("hsaFsa", has("hsaFsa"));
  if (c.q) {
    const q = c.q.toLowerCase();
    const matches = sql`(${nameText} like ${`%${likeEscape(q)}%`} or ${q} <% ${nameText})`;
    // In a place or a state every entry that passes the other filters is tested: first for a
    // substring that any match holds, where there is one (./name-trigrams.ts; a name containing
    // q holds it too). Nationally the trigram index finds the names, and the plain condition
    // keeps its plans.
    const required = c.near || c.state ? requiredTrigramsPattern(q) : null;
    where.set("q", required ? sql`(${nameText} ~ ${required} and ${matches})` : matches);
  }
  return where;
}

const published = eq(t.published, true);

/** A search's conditions with the radius written for each reading (searchConditions). */
type Conditions = { walk: SQL[]; every: SQL[] };
const conditionsOf = (c: Omit<SearchCriteria, "sort" | "limit" | "offset">): Conditions => ({
  walk: [...searchConditions(c).values()],
  every: [...searchConditions(c, "every").values()],
});

/** How many published therapists match, counted up to COUNT_CAP + 1. */
export async function countMatches(db: Db, conditions: Iterable<SQL>, upTo = COUNT_CAP): Promise<number> {
  const inner = db
    .select({ one: sql`1` })
    .from(t)
    .where(and(published, ...conditions))
    .limit(upTo + 1)
    .as("m");
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(inner);
  return row?.n ?? 0;
}

/** Two significant figures: an estimate does not pretend to more. */
const roughly = (n: number) => {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.round(n / step) * step;
};

export type MatchCount = { count: number; estimated: boolean };

/**
 * How many published therapists match: exact up to `exactUpTo`, else estimated from the
 * 1-in-16 sample (the sampled matches times 16, to two significant figures). On uniformly
 * mixed rows the estimate's relative error is about 1/sqrt(count / 16): 13% at 1,000 matches,
 * 4% at 10,000.
 *
 * The sample is counted first, from its covering indexes alone (migration
 * covering_sample_indexes): cheap. The exact count (up to `exactUpTo` + 1 matches, read from the
 * table) is skipped when the sample already settles it: when more sampled rows match than
 * `exactUpTo` (the sample is a subset: certain), or when at least 64 sampled rows match and they
 * stand for twice `exactUpTo` or more (from 1,000 matches or fewer, a 1-in-16 sample holds 126 or
 * more, twice its mean and over 8 standard deviations above it, in about one case in 10^11; with
 * a lower threshold, 64 sampled rows are more than the threshold itself: certain). A caller that
 * has counted the sample already passes it as `sampled`.
 */
export async function countOrEstimate(
  db: Db,
  conditions: Conditions,
  exactUpTo = COUNT_EXACT_UP_TO,
  covered = false,
  sampled?: number,
): Promise<MatchCount> {
  const inSample = sampled ?? (await withoutBitmapScans(db, true, (d) => sampleCount(d, conditions.every)));
  if (sampleSettles(inSample, exactUpTo)) return estimateFrom(inSample, exactUpTo);
  // Covered (every filter on the covering indexes, in a place or a state): the exact count too is
  // read from an index alone. Otherwise the planner chooses for it (a name is matched through its
  // trigram index, which only a bitmap scan reads).
  const exact = await withoutBitmapScans(db, covered, (d) => countMatches(d, conditions.every, exactUpTo));
  return exact <= exactUpTo ? { count: exact, estimated: false } : estimateFrom(inSample, exactUpTo);
}

/** The sampled matches times 16, to two significant figures, and never at or below the threshold. */
const estimateFrom = (sampled: number, exactUpTo: number): MatchCount => ({
  count: Math.max(roughly(sampled * SAMPLE_FACTOR), roughly(exactUpTo + 1)),
  estimated: true,
});

/**
 * How many published therapists match, exactly up to `cap`, or only that more than `cap` do
 * (the "no results" advice: "1,000+"). Read like a search's count: the sample first, then, if it
 * does not settle it, the exact count, from the covering indexes alone when they answer every filter.
 */
export async function countUpTo(db: Db, c: Omit<SearchCriteria, "sort" | "limit" | "offset">, cap = COUNT_CAP): Promise<{ count: number; capped: boolean }> {
  const counted = await countOrEstimate(db, conditionsOf(c), cap, everyCovered(c));
  return counted.estimated ? { count: cap, capped: true } : { count: counted.count, capped: false };
}

/** The sample says fewer match than the exact-count threshold (about sampled x 16): read them all (everyMatchRows). */
const fewMatch = (sampled: number, exactUpTo: number) => !sampleSettles(sampled, exactUpTo) && sampled * SAMPLE_FACTOR < exactUpTo;

const sampleSettles = (sampled: number, exactUpTo: number) =>
  sampled > exactUpTo || (sampled >= 64 && sampled * SAMPLE_FACTOR >= 2 * (exactUpTo + 1));

/** Matches among the 1-in-16 sample, read from its covering indexes (run without bitmap plans: they read the table). */
async function sampleCount(db: Db, conditions: SQL[]): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(t)
    .where(and(published, sql.raw(SAMPLE_PREDICATE), ...conditions));
  return row?.n ?? 0;
}

// The order of every search (the results must never change with the query's plan):
// - nearest:  distance, id
// - best:     criteria score (high first), [distance when near a place], lower(name), id
// - name:     lower(name), id
// - price:    lowest stated price (none stated last), [distance when near a place], lower(name), id
type SortKey = "distance" | "score" | "name" | "price" | "id";
function sortKeys(c: Pick<SearchCriteria, "near" | "sort">): SortKey[] {
  const distance: SortKey[] = c.near ? ["distance"] : [];
  if (c.sort === "nearest" && c.near) return ["distance", "id"];
  if (c.sort === "name") return ["name", "id"];
  if (c.sort === "price") return ["price", ...distance, "name", "id"];
  return ["score", ...distance, "name", "id"];
}
const DIRECTION: Record<SortKey, string> = { distance: "asc", score: "desc nulls last", name: "asc", price: "asc nulls last", id: "asc" };
const ordered = (c: Pick<SearchCriteria, "near" | "sort">, expr: Record<SortKey, SQL>) =>
  sortKeys(c).map((k) => sql`${expr[k]} ${sql.raw(DIRECTION[k])}`);

// With a name to match (q), the few trigram matches must come from the trigram index and then
// be sorted; left alone, the planner (which overestimates trigram matches) walks a sort-order
// index and tests every row. "+ 0" and "|| ''" keep the same order without matching an index.
function orderFor(c: SearchCriteria): SQL[] {
  return ordered(c, {
    distance: c.near ? sql`${t.earth} <-> ${centre(c.near)}` : sql`null`,
    score: c.q ? sql`(${t.criteriaScore} + 0)` : sql`${t.criteriaScore}`,
    name: c.q ? sql`lower(${t.displayName}) || ''` : sql`lower(${t.displayName})`,
    price: lowestPrice,
    id: sql`${t.id}`,
  });
}

/** The criteria-score levels "best match" walks, highest first (the list lives in db/schema.ts); imported
 * registry listings nobody has claimed come last (UNCLAIMED_REGISTRY_SCORE, -1). */
const SCORE_LEVELS = [...[...CRITERIA_SCORE_LEVELS].sort((a, b) => b - a), UNCLAIMED_REGISTRY_SCORE];

/**
 * Where a nearest-first walk stops: after `fetch` rows, or (`Bound`) after every row up to a
 * level and distance: every row of the levels above `s` and those of level `s` no farther than
 * `d` (the rows that can come before a page whose last row is at `s`, `d`).
 */
type WalkEnd = number | Bound;
type Bound = { s: number; d: number };

/**
 * Nearest first through the GiST index: PostgreSQL reads a nearest-first (`<->`) scan only
 * when the ORDER BY is that distance alone, so each scan takes the `fetch` nearest rows and
 * the outer query sorts them with the tie-breakers. For best match, one scan per criteria
 * score (a partial index each), highest score first, and the first `fetch` rows of them in
 * that order: PostgreSQL runs the scans one after the other and stops as soon as it has
 * `fetch` rows, so lower levels are not read at all when higher ones fill the page. Every level
 * before the last one read is then complete; the caller checks that no row tied with the page's
 * last one was cut from the last (see pageRows). With a Bound instead, every row up to it: the
 * levels below it are left out, and its own level is read within a box of its distance.
 */
function nearestScans(c: SearchCriteria & { near: NonNullable<SearchCriteria["near"]> }, conditions: SQL[], end: WalkEnd) {
  const bound = typeof end === "number" ? null : end;
  const levels = (c.sort === "nearest" ? [null] : SCORE_LEVELS).filter((level) => !bound || level === null || level >= bound.s);
  const distance = sql`${t.earth} <-> ${centre(c.near)}`;
  // `<->` is the straight-line distance through the earth, as is cube_enlarge's radius: the box
  // holds every point within `d` (the margin only guards the box's own rounding; the exact test
  // is the distance itself).
  const within = (d: number) => sql`cube_enlarge(${centre(c.near)}, ${d * (1 + 1e-9) + 1e-6}::float8, 3) @> ${t.earth} and ${distance} <= ${d}::float8`;
  const scans = levels.map(
    (level) =>
      sql`(select ${t.id} as id, ${level === null ? sql`0` : sql.raw(String(level))}::int as s, ${distance} as d, lower(${t.displayName}) as n
         from ${t} where ${and(published, level === null ? undefined : eq(t.criteriaScore, level), ...conditions, bound && (level === null || level === bound.s) ? within(bound.d) : undefined)}
         order by ${distance}${bound ? sql`` : sql` limit ${end}`})`,
  );
  return sql`select * from (${sql.join(scans, sql` union all `)}) u${bound ? sql`` : sql` limit ${end}`}`;
}

/**
 * nearestScans as a page: the rows from `offset` to `wanted` in order (ord), each with how many
 * rows the walk read (fetched) and the last one's level and distance (cut_s, cut_d), for the
 * check in pageRows. Joined with the rows' columns in the same statement.
 */
function nearestPage(c: SearchCriteria & { near: NonNullable<SearchCriteria["near"]> }, conditions: SQL[], fetch: WalkEnd) {
  const order = c.sort === "nearest" ? sql`d, id` : sql`s desc, d, n, id`;
  return sql`with k as materialized (select id, s, d, row_number() over (order by ${order}) as ord, count(*) over () as fetched from (${nearestScans(c, conditions, fetch)}) w)
    select k.id, k.ord, k.s, k.d, k.fetched, cut.s as cut_s, cut.d as cut_d from k, (select s, d from k where ord = fetched) cut
     where k.ord > ${c.offset} and k.ord <= ${c.offset + c.limit}`;
}

/**
 * Runs the nearest-first scans as PostgreSQL must run them to stop after the page: each an
 * ordered GiST walk (Index Cond: the radius's box, so the walk ends at the radius; Order By:
 * earth <-> centre; the other filters tested on the way, on the covering index's entries). Left to itself, the planner guesses
 * about 1,000 rows for any box, prefers a bitmap plan that ANDs the box with the modality's GIN
 * index, and then reads and sorts every candidate in the box (tens of thousands of random page
 * reads at national scale: docs/benchmarks.md). Turning bitmap scans off for this one statement
 * leaves the ordered walk as the cheapest plan. Unless `walk` is false (a filter the covering
 * indexes cannot answer, isCovered): then the planner chooses.
 */
async function withoutBitmapScans<T>(db: Db, walk: boolean, run: (db: Db) => Promise<T>, inIndexOrder = false): Promise<T> {
  // PostgreSQL keeps connections with these settings (db/client.ts): no transaction needed.
  const walker = walk ? indexWalkDb(db, inIndexOrder) : undefined;
  if (walker) return run(walker);
  // Otherwise one statement sets them all (a round trip each would cost more than many a walk).
  // One process reads the scans in order (a parallel append would interleave the levels; a
  // parallel count pays more to start its workers than a covering index takes to read). With
  // `inIndexOrder`, read in the index's order and stop after the page (no sort of every match).
  const settings = [
    ["max_parallel_workers_per_gather", INDEX_WALK_SETTINGS.max_parallel_workers_per_gather],
    ...(walk ? [["enable_bitmapscan", INDEX_WALK_SETTINGS.enable_bitmapscan]] : []),
    ...(walk && inIndexOrder ? [["enable_sort", INDEX_ORDER_SETTINGS.enable_sort]] : []),
  ];
  // Inside a caller's transaction the settings would outlive this statement: put them back.
  const nested = "rollback" in db;
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`select ${settings.map(([name, value]) => `set_config('${name}', '${value}', true)`).join(", ")}`));
    const result = await run(tx as unknown as Db);
    if (nested) for (const [name] of settings) await tx.execute(sql.raw(`set local ${name} to default`));
    return result;
  });
}

/** Other orders: only the ids, so that a covering index is read without the table. */
function orderedIds(db: Db, c: SearchCriteria, conditions: SQL[]) {
  return db
    .select({ id: t.id })
    .from(t)
    .where(and(published, ...conditions))
    .orderBy(...orderFor(c))
    .limit(c.limit)
    .offset(c.offset);
}

/**
 * A page's rows read in the statement that finds the page (a round trip and a plan fewer a
 * search than reading them after): `page` gives the page's ids and their places in it (ord).
 * Its plan is its own (a subquery with a limit is planned apart), and the rows are read by
 * primary key for the page's ids only.
 */
const pageSelect = (near: SearchCriteria["near"]) => ({ row: rowColumns(near), ord: sql<number>`page.ord`.mapWith(Number) });
const rowsOfPage = (db: Db, near: SearchCriteria["near"], page: SQL) =>
  db.select(pageSelect(near)).from(t).innerJoin(sql`(${page}) as page`, sql`page.id = ${t.id}`);
/** orderedIds as a page: row_number() over () numbers the ids as the walk gives them, in order. */
const orderedPage = (db: Db, c: SearchCriteria, conditions: SQL[]) =>
  sql`select id, row_number() over () as ord from (${orderedIds(db, c, conditions)}) ids`;
const inOrder = <R extends { ord: number; row: PageRow }>(found: R[]) => found.sort((a, b) => a.ord - b.ord).map((r) => r.row);

const nearestRowsQuery = (db: Db, c: SearchCriteria & { near: NonNullable<SearchCriteria["near"]> }, conditions: SQL[], fetch: WalkEnd) =>
  db
    .select({
      ...pageSelect(c.near),
      s: sql<number>`page.s`.mapWith(Number),
      d: sql<number>`page.d`.mapWith(Number),
      fetched: sql<number>`page.fetched`.mapWith(Number),
      cutS: sql<number>`page.cut_s`.mapWith(Number),
      cutD: sql<number>`page.cut_d`.mapWith(Number),
    })
    .from(t)
    .innerJoin(sql`(${nearestPage(c, conditions, fetch)}) as page`, sql`page.id = ${t.id}`);

const usesNearestScans = (c: SearchCriteria): c is SearchCriteria & { near: NonNullable<SearchCriteria["near"]> } =>
  Boolean(c.near) && !c.q && (c.sort === "nearest" || c.sort === "best");

const rowsOf = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/**
 * How many rows a nearest-first walk reads at first for a page ending at row `wanted`: one past
 * the page would do (see the check in pageRows); the margin spares a second walk when rows tie
 * at the page's end (listings geocoded to one ZIP code share a point). Each row more is read
 * from an index walk that may have to pass many non-matching entries to find it.
 */
const firstFetch = (wanted: number) => wanted + Math.max(wanted, 10);

/** One page's rows, in order. */
async function pageRows(db: Db, c: SearchCriteria, conditions: SQL[]): Promise<PageRow[]> {
  if (!usesNearestScans(c)) {
    // In a place or a state with every filter covered, the covering indexes answer alone: never
    // the bitmap plans, which read the table for every candidate.
    const covered = Boolean(c.near || c.state) && isCovered(c);
    return inOrder(await withoutBitmapScans(db, covered, (d) => rowsOfPage(d, c.near, orderedPage(d, c, conditions))));
  }
  const wanted = c.offset + c.limit;
  // Every filter answered by the covering indexes: the walk reads index entries only, however
  // rare the matches (it ends at the radius). Otherwise each entry walked would read the table.
  const walk = isCovered(c);
  const fetch = firstFetch(wanted);
  const found = await withoutBitmapScans(db, walk, (d) => nearestRowsQuery(d, c, conditions, fetch));
  // Reading stopped at `fetch` rows: the last level read (the lowest score read) may have left
  // out rows at exactly its last distance. That matters only if the page's last row is in that
  // level at that distance (the levels before it were read to their end). Then every row up to
  // that level and distance is read, once: listings geocoded to one ZIP code share a point, and
  // hundreds may tie there in a city (walking again with a larger `fetch` took up to three walks).
  const last = found.find((r) => r.ord === wanted);
  if (!(last && last.fetched === fetch && last.cutS === last.s && last.cutD === last.d)) return inOrder(found);
  return inOrder(await withoutBitmapScans(db, walk, (d) => nearestRowsQuery(d, c, conditions, { s: last.s, d: last.d })));
}

/**
 * "By name" near a place reads the page one of two ways, chosen by how many match (counted
 * first, from the sample when there are many): with many matches, names in order through the
 * covering therapists_name_idx, testing the place and the filters on each entry and stopping
 * after the page (about wanted x published / matches entries); with few, every match in the
 * radius through the covering GiST index, then sorted. The walk is taken when it reads at most
 * NAME_WALK_MAX_ROWS entries.
 */
const NAME_WALK_MAX_ROWS = 20_000;
const walksNames = (c: SearchCriteria) => c.sort === "name" && Boolean(c.near) && isCovered(c);

async function publishedRows(db: Db): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'therapists'::regclass`));
  return Number(row?.n ?? 0);
}

/**
 * `counting` is how many match; `atLeast`, a lower bound already known (a capped read that
 * reached its cap): when the bound alone settles it for the walk, the walk starts without waiting
 * for the count, which is read meanwhile on another connection. `rowsInTable`, the table's size
 * (publishedRows), when the caller has asked for it already, beside its first statement.
 */
async function pageRowsByName(
  db: Db,
  c: SearchCriteria,
  conditions: Conditions,
  counting: Promise<MatchCount>,
  atLeast = 0,
  rowsInTable = publishedRows(db),
): Promise<PageRow[]> {
  const wanted = c.offset + c.limit;
  const published = await rowsInTable;
  const walks = (matches: number) => matches * NAME_WALK_MAX_ROWS >= wanted * published;
  const walk = walks(atLeast) || walks((await counting).count);
  return inOrder(await withoutBitmapScans(db, true, (d) => rowsOfPage(d, c.near, orderedPage(d, c, walk ? conditions.walk : conditions.every)), walk));
}

/** A page's columns: the listing as a search result shows it, with its licences. */
function rowColumns(near: SearchCriteria["near"]) {
  const distance = near
    ? sql<number>`earth_distance(${centre(near)}, ${t.earth}) / ${METRES_PER_MILE}::float8`.mapWith(Number)
    : sql<null>`null`;
  return {
    id: t.id,
    slug: t.slug,
    displayName: t.displayName,
    practiceName: t.practiceName,
    bio: t.bio,
    city: t.city,
    state: t.state,
    zip: t.zip,
    distanceMiles: distance,
    modalitySlugs: t.modalitySlugs,
    sciaticaExperience: t.sciaticaExperience,
    acceptsPhysicianReferrals: t.acceptsPhysicianReferrals,
    acceptsInsurance: t.acceptsInsurance,
    insurancePlans: t.insurancePlans,
    offersSuperbills: t.offersSuperbills,
    acceptsHsaFsa: t.acceptsHsaFsa,
    schoolName: t.schoolName,
    schoolAccredited: t.schoolAccredited,
    schoolCheck: t.schoolCheck,
    schoolCheckedAt: t.schoolCheckedAt,
    associations: t.associations,
    associationsCheck: t.associationsCheck,
    associationsCheckedAt: t.associationsCheckedAt,
    ncbtmbStatus: t.ncbtmbStatus,
    ncbtmbVerifiedAt: t.ncbtmbVerifiedAt,
    priceMin: t.priceMin,
    priceMax: t.priceMax,
    acceptingNewClients: t.acceptingNewClients,
    inClinic: t.inClinic,
    mobile: t.mobile,
    isDemo: t.isDemo,
    npi: t.npi,
    claimed: sql<boolean>`${t.ownerId} is not null`,
    registryUpdatedOn: t.registryUpdatedOn,
    registryCredential: sql<string | null>`${t.registryFacts} ->> 'credential'`,
    score: criteriaScore,
    // The licences the therapist holds, in the same statement (one round trip fewer a search).
    // (Written out: drizzle leaves columns of a one-table query unqualified, and the licences'
    // own id would be taken for the therapist's.)
    licenses: sql<PageLicence[]>`(${sql.raw(`select coalesce(json_agg(json_build_object(
        'state', l.state, 'credentialTitle', l.credential_title, 'status', l.status,
        'verifiedAt', l.verified_at, 'source', l.source) order by l.state, l.number), '[]'::json)
      from licenses l where l.therapist_id = therapists.id`)})`.mapWith(licencesFromJson),
  };
}

type PageLicence = {
  state: string;
  credentialTitle: string;
  status: (typeof licenses.$inferSelect)["status"];
  verifiedAt: Date | null;
  source: string;
};

/** json_agg gives dates as text (and some drivers the whole array as text). */
function licencesFromJson(value: unknown): PageLicence[] {
  const list = (typeof value === "string" ? JSON.parse(value) : value) as (Omit<PageLicence, "verifiedAt"> & { verifiedAt: string | null })[];
  return list.map((l) => ({ ...l, verifiedAt: l.verifiedAt === null ? null : new Date(l.verifiedAt) }));
}

/** The plans PostgreSQL chooses for one page of a search and its count (for docs/benchmarks.md). */
export async function explainSearch(db: Db, c: SearchCriteria): Promise<string> {
  const sets = conditionsOf(c);
  const wanted = c.offset + c.limit;
  const fetch = firstFetch(wanted);
  const covered = Boolean(c.near || c.state) && isCovered(c);
  const coveredEvery = everyCovered(c);
  const plan = async (d: Db, query: SQL) =>
    rowsOf<Record<string, string>>(await d.execute(sql`explain (analyze, buffers, costs off) ${query}`))
      .map((r) => Object.values(r)[0])
      .join("\n");
  const sample = db.select({ n: sql`count(*)` }).from(t).where(and(published, sql.raw(SAMPLE_PREDICATE), ...sets.every)).getSQL();
  const sampled = await withoutBitmapScans(db, true, (d) => sampleCount(d, sets.every));
  const samplePlan = async () => `-- count: the 1-in-16 sample (${sampled} match)\n${await withoutBitmapScans(db, true, (d) => plan(d, sample))}`;
  const everyPlan = async (cap?: number) =>
    `-- page, its rows and the exact count: every match${cap ? ` up to ${cap}` : ""}, then sorted\n${await withoutBitmapScans(db, coveredEvery, (d) => plan(d, everyMatchRowsQuery(d, c, sets.every, cap).getSQL()))}`;
  let out: string;
  if (readsEveryFirst(c)) {
    const cap = COUNT_EXACT_UP_TO + 1;
    out = await everyPlan(cap);
    if ((await everyMatchRows(db, c, sets.every, coveredEvery, cap)).total < cap) return out;
    out += `\n-- more than ${COUNT_EXACT_UP_TO} match: the count estimated\n${await samplePlan()}`;
  } else {
    out = `${await samplePlan()}`;
    if (fewMatch(sampled, COUNT_EXACT_UP_TO)) return `${out}\n${await everyPlan()}`;
  }
  let page: string;
  if (usesNearestScans(c)) {
    const walk = isCovered(c);
    page = `(${walk ? "nearest-first walk" : "a filter the covering indexes cannot answer: the planner's choice"})\n${await withoutBitmapScans(db, walk, (d) => plan(d, nearestRowsQuery(d, c, sets.walk, fetch).getSQL()))}`;
  } else if (walksNames(c)) {
    const matches = (await countOrEstimate(db, sets, COUNT_EXACT_UP_TO, coveredEvery, sampled)).count;
    const walk = matches * NAME_WALK_MAX_ROWS >= wanted * (await publishedRows(db));
    page = `(${walk ? "names in order" : "every match in the radius, sorted"}: about ${matches} match)\n${await withoutBitmapScans(db, true, (d) => plan(d, rowsOfPage(d, c.near, orderedPage(d, c, walk ? sets.walk : sets.every)).getSQL()), walk)}`;
  } else {
    page = await withoutBitmapScans(db, covered, (d) => plan(d, rowsOfPage(d, c.near, orderedPage(d, c, sets.walk)).getSQL()));
  }
  out += `\n-- page\n${page}`;
  if (!readsEveryFirst(c) && !sampleSettles(sampled, COUNT_EXACT_UP_TO)) {
    const count = db.select({ one: sql`1` }).from(t).where(and(published, ...sets.every)).limit(COUNT_CAP + 1).getSQL();
    out += `\n-- count: exact (up to ${COUNT_CAP + 1}), beside the page\n${await withoutBitmapScans(db, coveredEvery, (d) => plan(d, sql`select count(*) from (${count}) m`))}`;
  }
  return out;
}

export type SearchOptions = { /** Count exactly up to this many matches, estimate beyond (tests lower it). */ exactUpTo?: number };

/**
 * Up to this radius a covered search reads its matches (up to the threshold) before the sample;
 * beyond it the sample first. In a wide radius or a state, the read of up to 1,001 matches can
 * pass tens of thousands of entries before it stops when matches are rare but more than 1,000,
 * where the sample would have said "many" at a sixteenth of the cost (docs/benchmarks.md, ninth
 * pass: the bench's mix, both ways).
 */
const CAPPED_READ_MAX_MILES = 25;
const readsEveryFirst = (c: SearchCriteria) => everyCovered(c) && Boolean(c.near && c.near.radiusMiles <= CAPPED_READ_MAX_MILES);

export async function searchTherapists(db: Db, c: SearchCriteria, options: SearchOptions = {}) {
  const conditions = conditionsOf(c);
  const exactUpTo = options.exactUpTo ?? COUNT_EXACT_UP_TO;
  // Every filter, a name too, answered by the indexes that hold every entry of the place (the walks
  // of manyMatch ask isCovered themselves: their indexes carry no name).
  const coveredEvery = everyCovered(c);
  const sample = () => withoutBitmapScans(db, true, (d) => sampleCount(d, conditions.every));
  // A page by name near a place may walk the names: the table's size decides it (pageRowsByName),
  // asked for now, beside the first statement, rather than after it.
  const rowsInTable = walksNames(c) ? publishedRows(db) : undefined;
  rowsInTable?.catch(() => {}); // observed in pageRowsByName; a search that fails first must not leave it unobserved
  // Many match: the page is read in its order and stops after the page, beside the count.
  const manyMatch = async (counting: Promise<MatchCount>, atLeast = 0): Promise<{ rows: PageRow[]; count: MatchCount }> => {
    counting.catch(() => {}); // observed below; a failed page must not leave it unobserved
    const rows = rowsInTable ? await pageRowsByName(db, c, conditions, counting, atLeast, rowsInTable) : await pageRows(db, c, conditions.walk);
    return { rows, count: await counting };
  };
  let found: { rows: PageRow[]; count: MatchCount };
  if (readsEveryFirst(c)) {
    // Near a place, every filter (a name too) on the covering indexes: every match first, up to
    // one more than the exact-count threshold, in whatever order the index gives (the plans are
    // index-only scans of the place). When that is all of them (most searches), it is the page, its rows and
    // the exact count in one statement, and the sample's statement is spared; a walk in the
    // page's order that runs out of matches before the page is full would read as many entries,
    // about three times slower. Otherwise more than the threshold match: the count is estimated
    // from the sample.
    const every = await everyMatchRows(db, c, conditions.every, coveredEvery, exactUpTo + 1);
    found =
      every.total <= exactUpTo
        ? { rows: every.rows, count: { count: every.total, estimated: false } }
        : await manyMatch(
            sample().then((sampled) => estimateFrom(sampled, exactUpTo)),
            every.total,
          );
  } else {
    // Otherwise the sample first (from its covering indexes: about a sixteenth of what a count
    // reads): given a limit, the planner would walk an index reading the table for a filter it
    // overestimates (a name), hoping to stop early, where few match it would read every row.
    const sampled = await sample();
    if (fewMatch(sampled, exactUpTo)) {
      const every = await everyMatchRows(db, c, conditions.every, coveredEvery);
      found = { rows: every.rows, count: every.total <= exactUpTo ? { count: every.total, estimated: false } : estimateFrom(sampled, exactUpTo) };
    } else {
      // The exact count, if the sample does not settle it, beside the page (two connections on PostgreSQL).
      found = await manyMatch(countOrEstimate(db, conditions, exactUpTo, coveredEvery, sampled));
    }
  }
  const { rows, count } = found;
  // A first page that is not full says exactly how many match, whatever the count estimated.
  const counted: MatchCount = c.offset === 0 && rows.length < c.limit ? { count: rows.length, estimated: false } : count;

  return {
    rows,
    total: counted.count,
    /** More than COUNT_CAP match. */
    totalCapped: counted.estimated || counted.count > COUNT_CAP,
    /** `total` is an estimate (more than the exact-count threshold match). */
    totalIsEstimate: counted.estimated,
  };
}

/**
 * Every match, read once in whatever order its index gives (nothing walked in order), then
 * sorted: one page's ids and how many match. For searches with few matches (the sample says
 * so): cheaper than a walk in order, which would read as many entries and sort them as it goes.
 */
function everyMatchQuery(c: SearchCriteria, conditions: SQL[], cap?: number): SQL {
  const column: Record<SortKey, SQL> = {
    distance: c.near ? sql`${t.earth} <-> ${centre(c.near)}` : sql`null::float8`,
    score: sql`${t.criteriaScore}`,
    name: sql`lower(${t.displayName})`,
    price: lowestPrice,
    id: sql`${t.id}`,
  };
  // Only the keys the order needs, so that a covering index answers alone.
  const select = sql.join(
    sortKeys(c).map((k) => sql`${column[k]} as ${sql.raw(k)}`),
    sql`, `,
  );
  const order = sql.join(ordered(c, { distance: sql`distance`, score: sql`score`, name: sql`name`, price: sql`price`, id: sql`id` }), sql`, `);
  // Materialized: every match (up to the cap) is read before the sort, so no plan could stop early
  // in an index's order. At the cap, the page and count are of some matches only: the caller knows.
  const every = sql`with m as materialized (select ${select} from ${t} where ${and(published, ...conditions)}${cap === undefined ? sql`` : sql` limit ${cap}`})`;
  // As a page: its ids in order (ord) and how many match, to join with the rows' columns. A page
  // past the last match still says how many there are: it holds the last match alone (ord =
  // total), which the caller leaves out; no row at all means no match.
  return sql`${every} select id, total, ord from (select id, count(*) over () as total, row_number() over (order by ${order}) as ord from m) w
    where (ord > ${c.offset} and ord <= ${c.offset + c.limit}) or (ord = total and total <= ${c.offset})`;
}

type PageRow = Awaited<ReturnType<typeof rowsOfPage>>[number]["row"];

/** everyMatchQuery with the page's rows read in the same statement (one round trip and one plan fewer). */
const everyMatchRowsQuery = (db: Db, c: SearchCriteria, conditions: SQL[], cap?: number) =>
  db
    .select({ ...pageSelect(c.near), total: sql<number>`page.total`.mapWith(Number) })
    .from(t)
    .innerJoin(sql`(${everyMatchQuery(c, conditions, cap)}) as page`, sql`page.id = ${t.id}`);

/** The page's rows and how many match, reading at most `cap` matches if given (`total` is then `cap`). */
async function everyMatchRows(db: Db, c: SearchCriteria, conditions: SQL[], walk: boolean, cap?: number): Promise<{ rows: PageRow[]; total: number }> {
  const found = await withoutBitmapScans(db, walk, (d) => everyMatchRowsQuery(d, c, conditions, cap));
  // Past the last match, the one row is the last match, there for the count alone.
  return { rows: inOrder(found.filter((r) => r.ord > c.offset)), total: found[0]?.total ?? 0 };
}

/**
 * The `limit` nearest published therapists that match every filter but the radius, nearest
 * first: for a search that found no one even within its largest radius, so that it never ends
 * with nothing to show. Read through the same nearest-first GiST scan; no count.
 */
export async function nearestTherapists(db: Db, c: Omit<SearchCriteria, "sort" | "offset"> & { near: NonNullable<SearchCriteria["near"]> }) {
  const conditions = [...searchConditions({ ...c, near: undefined }).values()];
  return pageRows(db, { ...c, sort: "nearest", offset: 0 }, conditions);
}

export type SearchRow = Awaited<ReturnType<typeof searchTherapists>>["rows"][number];

/**
 * The floor a search is measured against (npm run bench): the 20 nearest published therapists
 * offering one modality, straight from the nearest-first GiST scan.
 */
export async function idealNearest(db: Db, near: { latitude: number; longitude: number }, modality: string): Promise<number> {
  const rows = await db
    .select({ id: t.id })
    .from(t)
    .where(and(published, sql`${t.modalitySlugs} @> array[${modality}]::text[]`))
    .orderBy(sql`${t.earth} <-> ${centre(near)}`)
    .limit(20);
  return rows.length;
}

/** After a bulk load: statistics for the planner and the visibility map for index-only scans. */
export async function vacuumAnalyzeTherapists(db: Db): Promise<void> {
  await db.execute(sql`vacuum analyze therapists`);
}

export type StatedChoices = { languages: string[]; genders: string[] };

/**
 * The languages and genders published therapists state, each once whatever its case (the
 * capitalised spelling when there are several: byte order, the same on every database), in
 * alphabetical order: the search form offers only these (a gender is never guessed or required).
 * It reads every published row, so callers cache it (lib/search/choices.ts).
 */
export async function listStatedChoices(db: Db): Promise<StatedChoices> {
  const [languages, genders] = await Promise.all([
    db.execute(
      sql`select min(u.l collate "C") as value from ${t} cross join lateral unnest(${t.languages}) as u(l)
          where ${t.published} and btrim(u.l) <> '' group by lower(u.l) order by lower(min(u.l collate "C"))`,
    ),
    db.execute(
      sql`select min(${t.gender} collate "C") as value from ${t}
          where ${t.published} and ${t.gender} is not null and btrim(${t.gender}) <> '' group by lower(${t.gender}) order by lower(min(${t.gender} collate "C"))`,
    ),
  ]);
  const values = (result: unknown) => rowsOf<{ value: string }>(result).map((r) => r.value);
  return { languages: values(languages), genders: values(genders) };
}
