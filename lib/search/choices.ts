// The values the search form offers for "Speaks" and "Therapist's gender": only what published
// therapists state. Reading them scans every published row, so each database's answer is kept
// for a few minutes (a newly stated value shows up in the menu within that time; the filter
// itself, typed in the URL or the API, matches at once).
import "server-only";
import type { Db } from "@/db/client";
import { listStatedChoices, type StatedChoices } from "@/db/queries/search";

export type { StatedChoices };

const KEEP_MS = 5 * 60 * 1000;
const cache = new WeakMap<Db, { at: number; choices: Promise<StatedChoices> }>();

export function statedChoices(db: Db, now = Date.now()): Promise<StatedChoices> {
  const kept = cache.get(db);
  if (kept && now - kept.at < KEEP_MS) return kept.choices;
  const choices = listStatedChoices(db);
  choices.catch(() => cache.delete(db));
  cache.set(db, { at: now, choices });
  return choices;
}
