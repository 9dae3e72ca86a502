// The /licensing table's URL parameters (sort, direction, "no statewide licence" filter) and
// the sorting itself, so the table works without JavaScript and can be bookmarked.
import { z } from "zod";
import type { StateEntry } from "@/db/reference/state-licensing";
import { REGULATIONS } from "./vocabulary";

export const SORT_KEYS = ["state", "regulation", "hours"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";
export const NO_STATEWIDE_FILTER = "no-statewide";

export type TableParams = { sort: SortKey; dir: SortDir; noStatewide: boolean; invalid: string[] };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const sortSchema = z.enum(SORT_KEYS);
const dirSchema = z.enum(["asc", "desc"]);
const filterSchema = z.literal(NO_STATEWIDE_FILTER);

/** Reads the table's parameters; an unrecognised value falls back to the default and is named in `invalid`. */
export function parseTableParams(search: Record<string, string | string[] | undefined>): TableParams {
  const invalid: string[] = [];
  function pick<T>(key: string, schema: z.ZodType<T>): T | undefined {
    const value = first(search[key]);
    if (value === undefined || value === "") return undefined;
    const parsed = schema.safeParse(value);
    if (!parsed.success) invalid.push(key);
    return parsed.success ? parsed.data : undefined;
  }
  const sort = pick("sort", sortSchema) ?? "state";
  const dir = pick("dir", dirSchema) ?? "asc";
  const noStatewide = pick("filter", filterSchema) === NO_STATEWIDE_FILTER;
  return { sort, dir, noStatewide, invalid };
}

/** The query string for a table view; defaults are left out so the plain URL stays canonical. */
export function tableHref(p: { sort: SortKey; dir: SortDir; noStatewide: boolean }): string {
  const q = new URLSearchParams();
  if (p.sort !== "state") q.set("sort", p.sort);
  if (p.dir !== "asc") q.set("dir", p.dir);
  if (p.noStatewide) q.set("filter", NO_STATEWIDE_FILTER);
  const s = q.toString();
  return s ? `/licensing?${s}` : "/licensing";
}

// From the strictest (a mandatory licence) to none.
const REGULATION_RANK = new Map(REGULATIONS.map((r, i) => [r, i]));

/** Sorted copy; unknown hours always come last, whichever the direction; ties by state name. */
export function sortStates(states: readonly StateEntry[], sort: SortKey, dir: SortDir): StateEntry[] {
  const sign = dir === "asc" ? 1 : -1;
  const byName = (a: StateEntry, b: StateEntry) => a.name.localeCompare(b.name, "en-US");
  return [...states].sort((a, b) => {
    if (sort === "state") return sign * byName(a, b);
    if (sort === "regulation") {
      return sign * (REGULATION_RANK.get(a.regulation)! - REGULATION_RANK.get(b.regulation)!) || byName(a, b);
    }
    const ha = a.minTrainingHours;
    const hb = b.minTrainingHours;
    if (ha === null || hb === null) return ha === hb ? byName(a, b) : ha === null ? 1 : -1;
    return sign * (ha - hb) || byName(a, b);
  });
}

export const filterStates = (states: readonly StateEntry[], noStatewide: boolean) =>
  noStatewide ? states.filter((s) => s.regulation === "none") : [...states];
