// Writes rows in the registry's data-file layout (db/reference/nppes-layout.ts), for the
// fixtures (scripts/registry-fixtures.ts) and the benchmark's large file
// (scripts/generate-registry-file.ts). Everything written here is fictional: NPIs begin with 0,
// phones are 555-01xx, licence numbers begin with TEST.
import { nppesHeader } from "../reference/nppes-layout";

export type RowValues = Partial<Record<string, string>>;

// The registry encloses every value in double quotes and writes a quote inside a value as a
// single quote (its readme, section 1.1); so do we.
const quote = (v: string) => `"${v.replace(/"/g, "'")}"`;

export const registryHeaderLine = () => `${nppesHeader().map(quote).join(",")}\n`;

let columnIndex: Map<string, number> | undefined;

/** One data line: the named columns filled, every other column empty. Unknown names throw. */
export function registryLine(values: RowValues): string {
  const header = nppesHeader();
  columnIndex ??= new Map(header.map((name, i) => [name, i]));
  const cells: string[] = new Array<string>(header.length).fill('""');
  for (const [name, value] of Object.entries(values)) {
    const i = columnIndex.get(name);
    if (i === undefined) throw new Error(`not a registry column: ${name}`);
    if (value) cells[i] = quote(value);
  }
  return `${cells.join(",")}\n`;
}

/** The columns of one taxonomy slot (1-15). */
export function taxonomySlot(n: number, slot: { code: string; licence?: string; state?: string; primary?: boolean }): RowValues {
  return {
    [`Healthcare Provider Taxonomy Code_${n}`]: slot.code,
    [`Provider License Number_${n}`]: slot.licence ?? "",
    [`Provider License Number State Code_${n}`]: slot.state ?? "",
    [`Healthcare Provider Primary Taxonomy Switch_${n}`]: slot.primary ? "Y" : "N",
  };
}

/** An individual provider's practice location and name. */
export function individual(p: {
  npi: string;
  last: string;
  first: string;
  credential?: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
  updated: string;
  enumerated?: string;
}): RowValues {
  return {
    NPI: p.npi,
    "Entity Type Code": "1",
    "Provider Last Name (Legal Name)": p.last,
    "Provider First Name": p.first,
    "Provider Credential Text": p.credential ?? "",
    "Provider First Line Business Mailing Address": p.street,
    "Provider Business Mailing Address City Name": p.city,
    "Provider Business Mailing Address State Name": p.state,
    "Provider Business Mailing Address Postal Code": p.zip,
    "Provider Business Mailing Address Country Code (If outside U.S.)": "US",
    "Provider Business Mailing Address Telephone Number": p.phone,
    "Provider First Line Business Practice Location Address": p.street,
    "Provider Business Practice Location Address City Name": p.city,
    "Provider Business Practice Location Address State Name": p.state,
    "Provider Business Practice Location Address Postal Code": p.zip,
    "Provider Business Practice Location Address Country Code (If outside U.S.)": "US",
    "Provider Business Practice Location Address Telephone Number": p.phone,
    "Provider Enumeration Date": p.enumerated ?? "05/01/2015",
    "Last Update Date": p.updated,
    "Is Sole Proprietor": "Y",
  };
}
