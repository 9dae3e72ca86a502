// The one rule for how long a check holds: a check (of a licence with its board, or of NCBTMB
// certification, a school's accreditation or association membership) older than 12 months is
// stale. It reads as such to patients (vocabulary.ts words it) and returns to the
// administrators' queues (db/queries/moderation.ts compares against staleCutoff). A stale check
// still counts as checked for the criteria and the filters: it was checked, only a while ago.
// Pure functions of an explicit "now", safe anywhere.

export const STALE_AFTER_MONTHS = 12;

/** The moment STALE_AFTER_MONTHS before `now`: checks before it are stale. */
export function staleCutoff(now: Date): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - STALE_AFTER_MONTHS);
  return d;
}

export const isStale = (at: Date, now: Date) => at.getTime() < staleCutoff(now).getTime();

/** Whole calendar months from `at` to `now` (UTC). */
export function monthsSince(at: Date, now: Date): number {
  const months = (now.getUTCFullYear() - at.getUTCFullYear()) * 12 + (now.getUTCMonth() - at.getUTCMonth());
  const partial = now.getTime() < new Date(at).setUTCMonth(at.getUTCMonth() + months) ? 1 : 0;
  return Math.max(0, months - partial);
}
