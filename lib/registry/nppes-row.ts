// One row of the registry's data file (db/reference/nppes-layout.ts) read as the importer needs
// it: kept (an individual massage therapist), deactivated, not ours, or bad (with why).
import { MASSAGE_THERAPIST_TAXONOMY, nppesHeader, TAXONOMY_SLOTS, type RegistryFacts } from "@/db/reference/nppes-layout";
import { lookupZip } from "@/lib/geo/zip";
import { isStateCode } from "@/lib/licensing/vocabulary";

export type RegistryListing = { npi: string; facts: RegistryFacts };

export type ReadRow =
  | { kind: "listing"; listing: RegistryListing }
  /** A deactivated NPI (not reactivated since): its listing, if there is one, is unpublished. */
  | { kind: "deactivated"; npi: string; on: string }
  /** An organisation, or a provider without the massage therapist taxonomy. */
  | { kind: "other" }
  | { kind: "bad"; reason: string };

type Columns = { byName: Record<string, number>; code: number[]; number: number[]; state: number[] };
let columns: Columns | undefined;
/** Each column's position, and the taxonomy slots' (1 to 15) positions, found once. */
function col(): Columns {
  if (columns) return columns;
  const byName = Object.fromEntries(nppesHeader().map((name, i) => [name, i]));
  const slots = Array.from({ length: TAXONOMY_SLOTS }, (_, i) => i + 1);
  return (columns = {
    byName,
    code: slots.map((n) => byName[`Healthcare Provider Taxonomy Code_${n}`]!),
    number: slots.map((n) => byName[`Provider License Number_${n}`]!),
    state: slots.map((n) => byName[`Provider License Number State Code_${n}`]!),
  });
}

/** MM/DD/YYYY (the file's date format) to YYYY-MM-DD; "" stays null; anything else is an error. */
export function registryDate(value: string): { ok: true; iso: string | null } | { ok: false } {
  if (value === "") return { ok: true, iso: null };
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  if (!m) return { ok: false };
  const [, mm, dd, yyyy] = m;
  const d = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  if (d.getUTCFullYear() !== Number(yyyy) || d.getUTCMonth() !== Number(mm) - 1 || d.getUTCDate() !== Number(dd)) return { ok: false };
  return { ok: true, iso: `${yyyy}-${mm}-${dd}` };
}

/** "MARY-JANE O'BRIEN" -> "Mary-Jane O'Brien": the registry writes names in capitals. */
export function properCase(value: string): string {
  return value
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/(^|[\s\-'.])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Ten digits as 555-010-1234; anything else as given (or null when empty). */
export function formatRegistryPhone(value: string): string | null {
  const digits = value.replace(/\D/g, "");
  if (digits.length === 10) return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  return value.trim() || null;
}

const DATE_COLUMNS = ["Last Update Date", "NPI Deactivation Date", "NPI Reactivation Date"] as const;

/** Reads one data row (`fields` as the CSV parser gave them). */
export function readRegistryRow(fields: readonly string[]): ReadRow {
  const c = col();
  const expected = nppesHeader().length;
  if (fields.length !== expected) return { kind: "bad", reason: `${fields.length} columns where the registry's layout has ${expected}` };
  for (const f of fields) if (f.includes("\uFFFD")) return { kind: "bad", reason: "invalid UTF-8 (a byte sequence that is not text)" };
  const get = (name: string) => (fields[c.byName[name]!] ?? "").trim();
  const npi = get("NPI");
  if (!/^\d{10}$/.test(npi)) return { kind: "bad", reason: `NPI "${npi.slice(0, 20)}" is not 10 digits` };
  const dates: Record<string, string | null> = {};
  for (const name of DATE_COLUMNS) {
    const d = registryDate(get(name));
    if (!d.ok) return { kind: "bad", reason: `${name} "${get(name).slice(0, 20)}" is not a date (MM/DD/YYYY)` };
    dates[name] = d.iso;
  }
  const deactivated = dates["NPI Deactivation Date"];
  const reactivated = dates["NPI Reactivation Date"];
  if (deactivated && (!reactivated || reactivated < deactivated)) return { kind: "deactivated", npi, on: deactivated };

  if (get("Entity Type Code") !== "1") return { kind: "other" };
  // The taxonomy slots (0 to 14) that hold the massage therapist code.
  const slots: number[] = [];
  for (let i = 0; i < c.code.length; i++) if (fields[c.code[i]!]!.trim().toUpperCase() === MASSAGE_THERAPIST_TAXONOMY) slots.push(i);
  if (!slots.length) return { kind: "other" };

  const last = properCase(get("Provider Last Name (Legal Name)"));
  const first = properCase(get("Provider First Name"));
  if (!last || !first) return { kind: "bad", reason: "missing name (first or last name is empty)" };
  const suffix = get("Provider Name Suffix Text");
  const lastUpdated = dates["Last Update Date"];
  if (!lastUpdated) return { kind: "bad", reason: "Last Update Date is empty" };
  const country = get("Provider Business Practice Location Address Country Code (If outside U.S.)");
  if (country && country !== "US") return { kind: "bad", reason: `practice location outside the US (country ${country.slice(0, 4)})` };
  const zipText = get("Provider Business Practice Location Address Postal Code");
  const place = lookupZip(zipText.slice(0, 5));
  if (!place || !/^\d{5}(\d{4})?$/.test(zipText)) return { kind: "bad", reason: `unknown ZIP code "${zipText.slice(0, 12)}" in the practice location` };
  const stated = get("Provider Business Practice Location Address State Name").toUpperCase();
  const state = isStateCode(stated) ? stated : place.state;
  const city = properCase(get("Provider Business Practice Location Address City Name")) || place.city;
  const line1 = get("Provider First Line Business Practice Location Address");
  const line2 = get("Provider Second Line Business Practice Location Address");
  const licences = slots.flatMap((i) => {
    const number = fields[c.number[i]!]!.trim();
    const licenceState = fields[c.state[i]!]!.trim().toUpperCase();
    return number && isStateCode(licenceState) ? [{ state: licenceState, number }] : [];
  });
  const unique = [...new Map(licences.map((l) => [`${l.state} ${l.number}`, l])).values()];
  const facts: RegistryFacts = {
    displayName: suffix ? `${first} ${last} ${properCase(suffix)}` : `${first} ${last}`,
    credential: get("Provider Credential Text") || null,
    addressLine: [line1, line2].filter(Boolean).map(properCase).join(", ") || null,
    city,
    state,
    zip: place.zip,
    latitude: place.latitude,
    longitude: place.longitude,
    phone: formatRegistryPhone(get("Provider Business Practice Location Address Telephone Number")),
    licences: unique,
    lastUpdated,
  };
  return { kind: "listing", listing: { npi, facts } };
}

/** The facts as one string whatever the key order (a jsonb column returns keys reordered). */
export function canonicalFacts(facts: RegistryFacts): string {
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sortKeys) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sortKeys(facts));
}
