// A therapist's vocabulary: the enum values (derived from db/schema.ts, never typed out again),
// the words each value is shown with, and the formatters every page, card and preview uses.
// Pure data and functions, safe for server components, the API and the tests.
import { licenseStatus, ncbtmbStatus, sciaticaExperience } from "@/db/schema";
import { isStale, monthsSince } from "./check-age";

// ---------------------------------------------------------------------------
// Enums (the schema's pgEnums)

export const SCIATICA_LEVELS = sciaticaExperience.enumValues;
export type SciaticaLevel = (typeof SCIATICA_LEVELS)[number];

export const NCBTMB_STATUSES = ncbtmbStatus.enumValues;
export type NcbtmbStatus = (typeof NCBTMB_STATUSES)[number];
/** What a therapist may say of themselves; only an administrator marks a certification verified or lapsed. */
export const SELF_NCBTMB_STATUSES = NCBTMB_STATUSES.filter(
  (s): s is Extract<NcbtmbStatus, "not_certified" | "self_reported"> => s === "not_certified" || s === "self_reported",
);

export const LICENSE_STATUSES = licenseStatus.enumValues;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];
/** What an administrator can find on a board's look-up ("unknown" is only ever the starting point). */
export const CHECKED_LICENSE_STATUSES = LICENSE_STATUSES.filter(
  (s): s is Exclude<LicenseStatus, "unknown"> => s !== "unknown",
);

// ---------------------------------------------------------------------------
// Labels

/** A sentence about the therapist's sciatica experience. */
export const SCIATICA_LABELS: Record<SciaticaLevel, string> = {
  none: "No stated experience with sciatica",
  some: "Some experience with sciatica",
  extensive: "Extensive experience with sciatica",
};

/** The search filter's levels: "at least some", or "extensive". */
export const SCIATICA_FILTER_LEVELS = SCIATICA_LEVELS.filter((l): l is Exclude<SciaticaLevel, "none"> => l !== "none");
export const SCIATICA_FILTER_LABELS: Record<(typeof SCIATICA_FILTER_LEVELS)[number], string> = {
  some: "Some or extensive",
  extensive: "Extensive",
};

/** The choice a therapist makes in the profile form. */
export const SCIATICA_FORM_LABELS: Record<SciaticaLevel, string> = { none: "None yet", some: "Some", extensive: "Extensive" };

/** The adjective the selection criteria use: "extensive experience with sciatica". */
export const SCIATICA_ADJECTIVE: Record<SciaticaLevel, string> = { none: "no stated", some: "some", extensive: "extensive" };

/** How a credential stated but not checked reads to patients, everywhere (one place). */
export const CLAIMED_WORDING = "claimed, not yet checked";
export const CHECKED_WORDING = "checked";
export const UNCONFIRMED_WORDING = "could not be confirmed";
/**
 * A licence imported from the national provider registry (NPPES): the provider's own report to
 * CMS, so self-reported like any unchecked licence, in its own words. Its `source` is this.
 */
export const REGISTRY_LICENCE_SOURCE = "national provider registry (NPPES)";
export const REGISTRY_LICENCE_WORDING = "registered with NPPES, not checked with the state board";
/** The label of an imported listing nobody has claimed, on cards and profiles. */
export const UNCLAIMED_REGISTRY_LABEL = "From the national provider registry; not yet claimed by the therapist";
/** "as registered on March 15, 2026": the registry's last update of the provider's record. */
export const asRegisteredOn = (isoDate: string) => `as registered on ${formatLongDate(isoDate)}`;

/** The status alone, as the search card shows it. */
export const NCBTMB_LABELS: Record<NcbtmbStatus, string> = {
  verified: "Board certified, verified with NCBTMB",
  self_reported: `Board certified, ${CLAIMED_WORDING}`,
  lapsed: "Board certification has lapsed",
  not_certified: "Not board certified",
};

/** The choice a therapist makes in the profile form. */
export const NCBTMB_FORM_LABELS: Record<(typeof SELF_NCBTMB_STATUSES)[number], string> = {
  not_certified: "Not board certified",
  self_reported: "Board certified (NCBTMB)",
};

export const LICENSE_STATUS_LABELS: Record<LicenseStatus, string> = {
  active: "Active",
  expired: "Expired",
  disciplinary_action: "Disciplinary action on record",
  unknown: "Not yet checked",
};

export const NCBTMB_NOTE = "NCBTMB certification is national and voluntary; it is not a licence.";

// ---------------------------------------------------------------------------
// Formatters

const longDate = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });
/** "October 2, 2026" from an ISO date or date-time. */
export const formatLongDate = (iso: string) => longDate.format(new Date(iso));

/**
 * When a check was made, after "checked": " on October 2, 2026"; a stale one (check-age.ts)
 * says how old it is first, " 14 months ago, on October 2, 2025". "" when never checked.
 */
export function checkedWhen(at: string | Date | null | undefined, now: Date = new Date(), format: (iso: string) => string = formatLongDate): string {
  if (!at) return "";
  const d = typeof at === "string" ? new Date(at) : at;
  const on = ` on ${format(d.toISOString())}`;
  return isStale(d, now) ? ` ${staleAge(d, now)},${on}` : on;
}

/** "14 months ago" for a stale check; "" for a current one (the card shows no date). */
export const staleAge = (at: Date, now: Date) => (isStale(at, now) ? `${monthsSince(at, now)} months ago` : "");

/** " (source: the NCBTMB look-up)" after a check's date, when the check recorded one. */
export const formatCheckSource = (source: string | null | undefined) => (source ? ` (source: ${source})` : "");

/** The NCBTMB line: status, number, and when and against what it was checked. */
export function formatNcbtmb(n: { status: NcbtmbStatus; number: string | null; verifiedAt: string | null; source?: string | null }, now: Date = new Date()): string {
  const number = n.number ? ` (number ${n.number})` : "";
  const when = checkedWhen(n.verifiedAt, now);
  switch (n.status) {
    case "verified":
      return `Board certified${number}, verified with NCBTMB${when}${formatCheckSource(n.source)}.`;
    case "self_reported":
      return `Board certified${number}, ${CLAIMED_WORDING}.`;
    case "lapsed":
      return `Board certification has lapsed${number}${n.verifiedAt ? `, checked${when}` : ""}${formatCheckSource(n.source)}.`;
    case "not_certified":
      return "Not board certified.";
  }
}

export const PRICE_UNIT = "60-minute session";

/** "$80 to $120 per 60-minute session", "$90 per 60-minute session", or undefined when not given. */
export function formatPrice(p: { min: number | null; max: number | null }): string | undefined {
  if (p.min == null && p.max == null) return undefined;
  if (p.min != null && p.max != null && p.max !== p.min) return `$${p.min} to $${p.max} per ${PRICE_UNIT}`;
  return `$${p.min ?? p.max} per ${PRICE_UNIT}`;
}

/** schema.org's compact priceRange, "$80-$120". */
export function formatPriceRange(p: { min: number | null; max: number | null }): string | undefined {
  if (p.min == null && p.max == null) return undefined;
  if (p.min != null && p.max != null && p.max !== p.min) return `$${p.min}-$${p.max}`;
  return `$${p.min ?? p.max}`;
}

/** Where sessions happen: "in a clinic and at your home (mobile)"; "" when neither. */
export function formatSetting(s: { inClinic: boolean; mobile: boolean }): string {
  return [s.inClinic && "in a clinic", s.mobile && "at your home (mobile)"].filter(Boolean).join(" and ");
}

export const formatYesNo = (v: boolean) => (v ? "Yes" : "No");

export const formatAccepting = (accepting: boolean) => (accepting ? "Accepting new clients" : "Not accepting new clients");

/** "3.0 miles away": a result's distance, as its card and its map marker say it. */
export const formatDistance = (miles: number) => `${miles.toFixed(1)} miles away`;
