// The layout of the national provider registry's data file (NPPES, CMS): the "npidata_pfile"
// CSV that CMS publishes monthly (full) and weekly (updates), in one layout.
//
// The header is nppes-data-file-header.csv beside this file, one line exactly as the file's
// first line. Where it came from (found with the search tool, not written from memory):
// - CMS, "National Plan and Provider Enumeration System (NPPES) Data Dissemination - Readme",
//   updated February 1, 2025, section 2.1 "Data File Layout", Exhibit 2-1: the 330 column names
//   in file order, from "NPI" to "Certification Date" (taxonomy slots 1-15 as code, licence
//   number, licence state, primary switch; other identifiers 1-50; taxonomy groups 1-15 last).
//   The same readme says every value is enclosed in double quotes and a double quote inside a
//   value is replaced by a single quote.
// - Public programs that read the file check the same header (for example a PHP importer's
//   `$columns` list and a C# importer's `checkHeadersNPI`): they spell the identifier issuer
//   columns "Other Provider Identifier Issuer_N" where the readme's table shows "Issue_N" (a
//   cut-off in the table), and files before 2025 named column 42 "Provider Gender Code" where
//   the readme now has "Provider Sex Code". The header below follows the readme with "Issuer";
//   the importer accepts either name for column 42 (PREVIOUS_NAMES), nothing else.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";

const HEADER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "nppes-data-file-header.csv");

let header: readonly string[] | undefined;
/** The 330 column names, in file order. */
export function nppesHeader(): readonly string[] {
  header ??= Object.freeze((parse(fs.readFileSync(HEADER_FILE, "utf8")) as string[][])[0]!);
  return header;
}

/** Column names that earlier files used in place of the current one (index -> accepted names). */
export const PREVIOUS_NAMES: Record<string, readonly string[]> = { "Provider Sex Code": ["Provider Gender Code"] };

/** The NUCC taxonomy code of a massage therapist. */
export const MASSAGE_THERAPIST_TAXONOMY = "225700000X";
/** Taxonomy slots per row. */
export const TAXONOMY_SLOTS = 15;

/** The registry's facts about one provider as the importer keeps them (therapists.registry_facts). */
export type RegistryFacts = {
  displayName: string;
  credential: string | null;
  addressLine: string | null;
  city: string;
  state: string;
  zip: string;
  latitude: number;
  longitude: number;
  phone: string | null;
  licences: { state: string; number: string }[];
  /** "Last Update Date", ISO (YYYY-MM-DD). */
  lastUpdated: string;
};
