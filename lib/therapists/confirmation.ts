// "Confirmed current by the therapist": the owner confirms in one click that the listing still
// holds. A confirmation older than 12 months no longer vouches for it: the profile says so and the
// dashboard asks again. One place for the rule and its words (profile, dashboard, API).
import { formatLongDate } from "./vocabulary";

export const CONFIRMATION_VALID_DAYS = 365;

/** True when the listing was never confirmed, or not in the last 12 months. */
export function confirmationDue(confirmedAt: Date | null, now: Date = new Date()): boolean {
  return !confirmedAt || now.getTime() - confirmedAt.getTime() > CONFIRMATION_VALID_DAYS * 86_400_000;
}

/** What the profile says about the therapist's last confirmation. */
export function confirmationWords(confirmedAt: Date | null, now: Date = new Date()): string {
  if (!confirmedAt) return "Not yet confirmed as current by the therapist.";
  const on = formatLongDate(confirmedAt.toISOString());
  return confirmationDue(confirmedAt, now)
    ? `Last confirmed as current by the therapist on ${on}, over a year ago: ask them whether the details still hold.`
    : `Confirmed current by the therapist on ${on}.`;
}
