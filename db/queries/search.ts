import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { licenses, stateLicensing, therapists } from "../schema";
import { METRES_PER_MILE } from "./therapists";

export type SearchCriteria = {
  near?: { latitude: number; longitude: number; radiusMiles: number };
  state?: string;
  modalities?: readonly string[];
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
  sort: "nearest" | "best" | "name";
  limit: number;
  offset: number;
};

/** Counts stop here: past it the page says "1,000+" rather than count every match. */
export const COUNT_CAP = 1000;

const t = therapists;
const point = sql`ll_to_earth(${t.latitude}, ${t.longitude})`;
const centre = (n: { latitude: number; longitude: number }) => sql`ll_to_earth(${n.latitude}::float8, ${n.longitude}::float8)`;
// Must match the expression of the trigram index therapists_name_trgm_idx.
const nameText = sql`lower(${t.displayName} || ' ' || coalesce(${t.practiceName}, ''))`;

const noStatewideLicence = sql`${t.state} in (select ${stateLicensing.code} from ${stateLicensing} where ${stateLicensing.regulation} = 'none')`;

/**
 * The number of the six selection criteria met (lib/criteria.ts), kept in
 * therapists.criteria_score by a trigger (migration 0004) so that best-match sorting is indexed.
 */
export const criteriaScore = t.criteriaScore;
const bestFirst = sql`${t.criteriaScore} desc nulls last`;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The SQL conditions of a search, one per filter, named so a "no results" page can drop each. */
export function searchConditions(c: Omit<SearchCriteria, "sort" | "limit" | "offset">): Map<string, SQL> {
  const where = new Map<string, SQL>();
  if (c.near) {
    const metres = c.near.radiusMiles * METRES_PER_MILE;
    where.set(
      "radius",
      sql`earth_box(${centre(c.near)}, ${metres}::float8) @> ${point} and earth_distance(${centre(c.near)}, ${point}) <= ${metres}::float8`,
    );
  }
  if (c.state) where.set("state", eq(t.state, c.state));
  if (c.modalities?.length) where.set("modality", sql`${t.modalitySlugs} @> ${sql`array[${sql.join(c.modalities.map((m) => sql`${m}`), sql`, `)}]::text[]`}`);
  if (c.sciatica) where.set("sciatica", c.sciatica === "extensive" ? eq(t.sciaticaExperience, "extensive") : inArray(t.sciaticaExperience, ["some", "extensive"]));
  if (c.licensed) where.set("licensed", sql`(${t.homeLicenseChecked} or ${noStatewideLicence})`);
  if (c.ncbtmb) where.set("ncbtmb", inArray(t.ncbtmbStatus, ["verified", "self_reported"]));
  if (c.insurance || c.plan) where.set("insurance", eq(t.acceptsInsurance, true));
  if (c.plan) where.set("plan", sql`exists (select 1 from unnest(${t.insurancePlans}) p where p ilike ${`%${likeEscape(c.plan)}%`})`);
  if (c.referrals) where.set("referrals", eq(t.acceptsPhysicianReferrals, true));
  if (c.accredited) where.set("accredited", eq(t.schoolAccredited, true));
  if (c.association) where.set("association", sql`cardinality(${t.associations}) > 0`);
  if (c.accepting) where.set("accepting", eq(t.acceptingNewClients, true));
  if (c.setting) where.set("setting", eq(c.setting === "clinic" ? t.inClinic : t.mobile, true));
  if (c.q) {
    const q = c.q.toLowerCase();
    where.set("q", sql`(${nameText} like ${`%${likeEscape(q)}%`} or ${q} <% ${nameText})`);
  }
  return where;
}

const published = eq(t.published, true);

/** How many published therapists match, counted up to COUNT_CAP + 1. */
export async function countMatches(db: Db, conditions: Iterable<SQL>): Promise<number> {
  const inner = db
    .select({ one: sql`1` })
    .from(t)
    .where(and(published, ...conditions))
    .limit(COUNT_CAP + 1)
    .as("m");
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(inner);
  return row?.n ?? 0;
}

function orderFor(c: SearchCriteria): SQL[] {
  if (c.sort === "nearest" && c.near) return [sql`${point} <-> ${centre(c.near)}`, asc(t.id)];
  // With a name to match, the few trigram matches must come from the trigram index and then be
  // sorted; left alone, the planner (which overestimates trigram matches) walks a sort-order
  // index and tests every row. "+ 0" and "|| ''" keep the same order without matching an index.
  const score = c.q ? sql`(${t.criteriaScore} + 0) desc` : bestFirst;
  const name = c.q ? sql`lower(${t.displayName}) || ''` : sql`lower(${t.displayName})`;
  if (c.sort === "name") return [asc(name), asc(t.id)];
  return [score, ...(c.near ? [sql`${point} <-> ${centre(c.near)}`] : []), asc(name), asc(t.id)];
}

function pageQuery(db: Db, c: SearchCriteria, conditions: Iterable<SQL>) {
  const distance = c.near ? sql<number>`earth_distance(${centre(c.near)}, ${point}) / ${METRES_PER_MILE}::float8`.mapWith(Number) : sql<null>`null`;
  return db
    .select({
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
      associations: t.associations,
      ncbtmbStatus: t.ncbtmbStatus,
      ncbtmbVerifiedAt: t.ncbtmbVerifiedAt,
      acceptingNewClients: t.acceptingNewClients,
      inClinic: t.inClinic,
      mobile: t.mobile,
      isDemo: t.isDemo,
      score: criteriaScore,
    })
    .from(t)
    .where(and(published, ...conditions))
    .orderBy(...orderFor(c))
    .limit(c.limit)
    .offset(c.offset);
}

/** The plan PostgreSQL chooses for one page of a search (for docs/benchmarks.md). */
export async function explainSearch(db: Db, c: SearchCriteria): Promise<string> {
  const result = await db.execute(sql`explain ${pageQuery(db, c, searchConditions(c).values())}`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, string>[];
  return rows.map((r) => Object.values(r)[0]).join("\n");
}

export async function searchTherapists(db: Db, c: SearchCriteria) {
  const conditions = [...searchConditions(c).values()];
  const rows = await pageQuery(db, c, conditions);
  // A first page that is not full already says how many match: no count needed.
  const total = c.offset === 0 && rows.length < c.limit ? rows.length : await countMatches(db, conditions);

  const held = rows.length
    ? await db
        .select({
          therapistId: licenses.therapistId,
          state: licenses.state,
          credentialTitle: licenses.credentialTitle,
          status: licenses.status,
          verifiedAt: licenses.verifiedAt,
        })
        .from(licenses)
        .where(inArray(licenses.therapistId, rows.map((r) => r.id)))
    : [];

  return {
    rows: rows.map((r) => ({ ...r, licenses: held.filter((l) => l.therapistId === r.id) })),
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
  };
}

export type SearchRow = Awaited<ReturnType<typeof searchTherapists>>["rows"][number];
