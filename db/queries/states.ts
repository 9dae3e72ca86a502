import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { stateEntryOf, type StateEntry } from "../reference/state-licensing";
import { stateLicensing, therapists } from "../schema";

/** One state's rules, in the same shape as the reviewed file (db/reference/state-licensing.json). */
export type StateLicensing = StateEntry;

const STATE_CODE = /^[A-Za-z]{2}$/;

/** A two-letter code in any case, upper-cased; undefined for anything else. */
export function normaliseStateCode(code: string): string | undefined {
  return STATE_CODE.test(code) ? code.toUpperCase() : undefined;
}

/** Every state and DC, by name. */
export async function listStates(db: Db): Promise<StateLicensing[]> {
  const rows = await db.select().from(stateLicensing).orderBy(asc(stateLicensing.name));
  return rows.map(stateEntryOf);
}

/** One state by its two-letter code, in any case; undefined when unknown or malformed. */
export async function getState(db: Db, options: { code: string }): Promise<StateLicensing | undefined> {
  const normalised = normaliseStateCode(options.code);
  if (!normalised) return undefined;
  const [row] = await db.select().from(stateLicensing).where(eq(stateLicensing.code, normalised));
  return row ? stateEntryOf(row) : undefined;
}

/** Published therapists in one state (the "search therapists in this state" link). */
export async function countPublishedTherapistsInState(db: Db, options: { code: string }): Promise<number> {
  const normalised = normaliseStateCode(options.code);
  if (!normalised) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(therapists)
    .where(and(eq(therapists.published, true), eq(therapists.state, normalised)));
  return row?.n ?? 0;
}

/** Published therapists per state code; states with none are absent from the map. */
export async function countPublishedTherapistsByState(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ state: therapists.state, n: sql<number>`count(*)`.mapWith(Number) })
    .from(therapists)
    .where(eq(therapists.published, true))
    .groupBy(therapists.state);
  return new Map(rows.map((r) => [r.state, r.n]));
}

/**
 * What a licence note and the criteria need of a state's rule (code, name, regulation): every
 * state, or only `codes`.
 */
export async function listStateRules(db: Db, options: { codes?: readonly string[] } = {}) {
  const { codes } = options;
  return db
    .select({ code: stateLicensing.code, name: stateLicensing.name, regulation: stateLicensing.regulation })
    .from(stateLicensing)
    .where(codes ? inArray(stateLicensing.code, [...codes]) : undefined);
}
