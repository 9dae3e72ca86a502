// node --import tsx scripts/generate-registry-file.ts --rows 1000000 --out /tmp/npidata-bench.csv [--seed NAME] [--massage-share 0.03]
// Writes a large fictional file in the registry's exact layout (db/reference/nppes-layout.ts) for
// the import benchmark (docs/benchmarks.md): about 1 KB a row, like the registry's. Of the rows,
// 3% are individual massage therapists (kept; --massage-share, up to 0.73, measures the write
// side), 2% deactivated NPIs, 25% organisations, the rest individuals of other taxonomies. Fictional throughout: NPIs begin with 0, phones are 555-01xx.
import fs from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import seedrandom from "seedrandom";
import { MASSAGE_THERAPIST_TAXONOMY } from "@/db/reference/nppes-layout";
import { individual, registryHeaderLine, registryLine, taxonomySlot } from "@/db/seed/registry-rows";
import { zipsByState } from "@/lib/geo/zip";

const { values } = parseArgs({
  options: { rows: { type: "string", default: "1000000" }, out: { type: "string" }, seed: { type: "string", default: "registry-bench" }, "massage-share": { type: "string", default: "0.03" } },
  strict: true,
});
const rows = Number(values.rows);
const massageShare = Number(values["massage-share"]);
if (!values.out || !Number.isInteger(rows) || rows < 1 || !(massageShare >= 0 && massageShare <= 0.73)) {
  console.error("Usage: generate-registry-file.ts --rows N --out FILE [--seed NAME] [--massage-share 0 to 0.73]");
  process.exit(2);
}

const random = seedrandom(values.seed);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
const zips = [...zipsByState().values()].flat();
const LAST = ["EXAMPLE", "SAMPLE", "TESTER", "PLACEHOLDER", "FICTION", "MADEUP", "DEMO", "MOCKINGTON", "NOTREAL", "INVENTED"];
const FIRST = ["ANN", "BOB", "CAROL", "DAVE", "ERIN", "FRANK", "GINA", "HAL", "IVY", "JO", "KIM", "LEE"];
const OTHER_TAXONOMIES = ["207Q00000X", "225100000X", "363LF0000X", "1223G0001X", "261QM0801X", "208D00000X"];
const date = () => `${String(1 + Math.floor(random() * 12)).padStart(2, "0")}/${String(1 + Math.floor(random() * 28)).padStart(2, "0")}/${2008 + Math.floor(random() * 18)}`;

function row(i: number): string {
  const npi = `0${String(i).padStart(9, "0")}`;
  const kind = random();
  if (kind < 0.02) return registryLine({ NPI: npi, "NPI Deactivation Date": date() });
  const z = pick(zips);
  const phone = `555010${String(i % 10000).padStart(4, "0")}`;
  const place = { street: `${1 + (i % 9000)} TESTVILLE ROAD`, city: z.city.toUpperCase(), state: z.state, zip: `${z.zip}${String(i % 10000).padStart(4, "0")}`, phone, updated: date(), enumerated: date() };
  const identifiers = {
    "Other Provider Identifier_1": `TEST${i}`,
    "Other Provider Identifier Type Code_1": "05",
    "Other Provider Identifier State_1": z.state,
    "Other Provider Identifier Issuer_1": "FICTIONAL HEALTH PLAN",
    "Provider Business Mailing Address Fax Number": phone,
    "Provider Business Practice Location Address Fax Number": phone,
    "Provider Second Line Business Practice Location Address": `SUITE ${i % 500}`,
  };
  if (kind < 0.27) {
    return registryLine({
      NPI: npi,
      "Entity Type Code": "2",
      "Provider Organization Name (Legal Business Name)": `TESTVILLE HEALTH GROUP ${i} LLC`,
      "Provider First Line Business Practice Location Address": place.street,
      "Provider Business Practice Location Address City Name": place.city,
      "Provider Business Practice Location Address State Name": place.state,
      "Provider Business Practice Location Address Postal Code": place.zip,
      "Provider Business Practice Location Address Country Code (If outside U.S.)": "US",
      "Provider Business Practice Location Address Telephone Number": phone,
      "Authorized Official Last Name": pick(LAST),
      "Authorized Official First Name": pick(FIRST),
      "Authorized Official Title or Position": "OWNER",
      "Authorized Official Telephone Number": phone,
      "Last Update Date": place.updated,
      "Provider Enumeration Date": place.enumerated,
      ...taxonomySlot(1, { code: pick(OTHER_TAXONOMIES), primary: true }),
      ...taxonomySlot(2, { code: random() < 0.1 ? MASSAGE_THERAPIST_TAXONOMY : pick(OTHER_TAXONOMIES) }),
      ...identifiers,
    });
  }
  const massage = kind >= 1 - massageShare;
  return registryLine({
    ...individual({ npi, last: pick(LAST), first: pick(FIRST), credential: massage ? "LMT" : "MD", ...place }),
    ...taxonomySlot(1, { code: pick(OTHER_TAXONOMIES), licence: `TEST-${i}`, state: z.state, primary: !massage }),
    ...(massage ? taxonomySlot(2, { code: MASSAGE_THERAPIST_TAXONOMY, licence: `TEST-MT-${i}`, state: z.state, primary: true }) : {}),
    "Healthcare Provider Taxonomy Group_1": "",
    ...identifiers,
  });
}

const out = fs.createWriteStream(values.out);
out.write(registryHeaderLine());
const started = Date.now();
let chunk = "";
for (let i = 1; i <= rows; i++) {
  chunk += row(i);
  if (chunk.length > 1 << 20 || i === rows) {
    if (!out.write(chunk)) await once(out, "drain");
    chunk = "";
  }
  if (i % 200_000 === 0) console.log(`  ${i.toLocaleString("en-US")} rows (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
out.end();
await once(out, "finish");
console.log(`Wrote ${rows.toLocaleString("en-US")} rows, ${(fs.statSync(values.out).size / 1e6).toFixed(0)} MB, to ${values.out}`);
