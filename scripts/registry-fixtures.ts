// node --import tsx scripts/registry-fixtures.ts
// Writes the small registry fixtures in tests/fixtures/registry/ (committed; rerun after a change
// here): a month's full file, a weekly update, and the next month's full file, in the registry's
// exact layout with fictional rows. The line numbers the tests expect are noted per row.
import fs from "node:fs";
import path from "node:path";
import { individual, registryHeaderLine, registryLine, taxonomySlot, type RowValues } from "@/db/seed/registry-rows";
import { MASSAGE_THERAPIST_TAXONOMY } from "@/db/reference/nppes-layout";

const DIR = path.join(process.cwd(), "tests/fixtures/registry");
const MT = MASSAGE_THERAPIST_TAXONOMY;
const PHYSICAL_THERAPIST = "225100000X";

const person = (npi: string, last: string, first: string, zip: string, city: string, state: string, extra: RowValues = {}) => ({
  ...individual({ npi, last, first, credential: "LMT", street: `${npi.slice(-3)} TESTVILLE ROAD`, city, state, zip, phone: `555010${npi.slice(-4)}`, updated: "03/15/2026" }),
  ...taxonomySlot(1, { code: MT, licence: `TEST-${npi.slice(-5)}`, state, primary: true }),
  ...extra,
});
// In the registry's file a deactivated NPI keeps only its number and the deactivation.
const deactivated = (npi: string, on: string) => ({ NPI: npi, "NPI Deactivation Reason Code": "", "NPI Deactivation Date": on });

const ann = person("0000000011", "EXAMPLE", "ANN", "10001", "NEW YORK", "NY");
const multiSlot = person("0000000012", "O'TESTER-SMITH", "MARY-JANE", "60601", "CHICAGO", "IL", {
  ...taxonomySlot(1, { code: PHYSICAL_THERAPIST, licence: "TEST-PT-1", state: "IL", primary: true }),
  ...taxonomySlot(2, { code: "225X00000X", licence: "TEST-OT-2", state: "IL" }),
  ...taxonomySlot(3, { code: MT, licence: "TEST-MT-3", state: "IL" }),
  ...taxonomySlot(4, { code: MT, licence: "TEST-MT-4", state: "WI" }),
});
const bob = person("0000000013", "SAMPLE", "BOB", "94103", "SAN FRANCISCO", "CA");
const carol = person("0000000014", "DEMO", "CAROL", "02108", "BOSTON", "MA");
const dave = person("0000000015", "PLACEHOLDER", "DAVE", "98101", "SEATTLE", "WA");
const erin = person("0000000016", "FICTION", "ERIN", "30301", "ATLANTA", "GA", {
  "NPI Deactivation Date": "01/10/2020",
  "NPI Reactivation Date": "02/10/2020",
});
const frank = person("0000000017", "MADEUP", "FRANK", "80202", "DENVER", "CO");
const physio = { ...individual({ npi: "0000000021", last: "OTHER", first: "PAT", street: "1 TESTVILLE ROAD", city: "PORTLAND", state: "OR", zip: "97201", phone: "5550100021", updated: "03/15/2026" }), ...taxonomySlot(1, { code: PHYSICAL_THERAPIST, licence: "TEST-PT-21", state: "OR", primary: true }) };
const organisation = {
  NPI: "0000000022",
  "Entity Type Code": "2",
  "Provider Organization Name (Legal Business Name)": "TESTVILLE MASSAGE CLINIC LLC",
  "Provider First Line Business Practice Location Address": "2 TESTVILLE ROAD",
  "Provider Business Practice Location Address City Name": "PORTLAND",
  "Provider Business Practice Location Address State Name": "OR",
  "Provider Business Practice Location Address Postal Code": "97201",
  "Last Update Date": "03/15/2026",
  ...taxonomySlot(1, { code: MT, primary: true }),
};
const noName = person("0000000031", "", "", "10001", "NEW YORK", "NY");
const unknownZip = person("0000000032", "NOWHERE", "GINA", "00000", "NOWHERE", "NY");
const badDate = person("0000000035", "CALENDAR", "HAL", "10001", "NEW YORK", "NY", { "Last Update Date": "13/45/2026" });

const month1Rows: (string | Buffer)[] = [
  registryLine(ann), // line 2: created
  registryLine(multiSlot), // 3: created, licences from slots 3 and 4 only
  registryLine(bob), // 4: created; deactivated next month
  registryLine(carol), // 5: created; deactivated in the weekly update, reactivated next month
  registryLine(dave), // 6: created; claimed, the owner edits the phone; next month the registry changes phone and address
  registryLine(erin), // 7: deactivated in 2020 and reactivated since: created
  registryLine(frank), // 8: created; asks to be removed
  registryLine(physio), // 9: another taxonomy: not kept
  registryLine(organisation), // 10: an organisation: not kept
  registryLine(deactivated("0000000018", "06/01/2025")), // 11: deactivated, never listed: nothing to do
  registryLine(noName), // 12: bad: missing name
  registryLine(unknownZip), // 13: bad: unknown ZIP
  `"0000000033","1","","SHORT","ROW","${MT}"\n`, // 14: bad: wrong number of columns (a massage therapist's row cut short)
  // 15: bad: invalid UTF-8 (the bytes FF FE in the first name)
  invalidUtf8Line(),
  registryLine(badDate), // 16: bad: a date that is not one
];

function invalidUtf8Line(): Buffer {
  const line = registryLine(person("0000000034", "BYTES", "IVYMARK", "10001", "NEW YORK", "NY"));
  const [before, after] = line.split("IVYMARK") as [string, string];
  return Buffer.concat([Buffer.from(before), Buffer.from([0x49, 0xff, 0xfe, 0x56]), Buffer.from(after)]);
}

const week = [
  registryLine(deactivated("0000000014", "04/02/2026")), // line 2: Carol deactivated: unpublished
];

const month2Rows = [
  registryLine(ann), // 2: unchanged
  registryLine(multiSlot), // 3: unchanged
  registryLine(deactivated("0000000013", "04/20/2026")), // 4: Bob deactivated: unpublished
  registryLine({ ...carol, "NPI Deactivation Date": "04/02/2026", "NPI Reactivation Date": "04/25/2026", "Last Update Date": "04/25/2026" }), // 5: Carol reactivated
  registryLine({
    ...dave,
    "Provider First Line Business Practice Location Address": "15 NEW TESTVILLE AVENUE",
    "Provider Business Practice Location Address Telephone Number": "5550109999",
    "Last Update Date": "04/18/2026",
  }), // 6: Dave: new address and phone in the registry
  registryLine({ ...erin, "Provider Business Practice Location Address City Name": "ATLANTA", "Provider Business Practice Location Address Postal Code": "303010001", "Provider Credential Text": "LMT, CMT", "Last Update Date": "04/11/2026" }), // 7: Erin: credential changed
  registryLine(frank), // 8: Frank, removed at his request: left out
  registryLine(person("0000000019", "NEWCOMER", "GEORGE", "97201", "PORTLAND", "OR")), // 9: created
  registryLine(physio), // 10: not kept
];

// The browser suite's registry listings (playwright.config.ts imports this file before the server
// starts): one per browser project, in a city no other spec searches.
const e2eRows = [
  registryLine(person("0000000041", "REGISTRYTEST", "WREN", "58501", "BISMARCK", "ND")), // desktop-chromium
  registryLine(person("0000000042", "REGISTRYTEST", "QUILL", "58501", "BISMARCK", "ND")), // phone-chromium
];

function write(name: string, rows: (string | Buffer)[]) {
  const body = Buffer.concat([Buffer.from(registryHeaderLine()), ...rows.map((r) => (typeof r === "string" ? Buffer.from(r) : r))]);
  fs.writeFileSync(path.join(DIR, name), body);
  console.log(`${name}: ${rows.length} rows, ${body.length} bytes`);
}

fs.mkdirSync(DIR, { recursive: true });
write("npidata-month1.csv", month1Rows);
write("npidata-week.csv", week);
write("npidata-month2.csv", month2Rows);
write("npidata-e2e.csv", e2eRows);
