// Acceptance 3 of issue 13: no page says that a board (or anyone) publishes no look-up; a
// missing address reads "No look-up address on file". Scans every source file that renders text
// (app/, components/, lib/) and the reviewed state rules, and checks the wording the state pages
// and the administrators' queue build. Also: the look-up addresses for credentials beyond the
// licence come with the page they were seen on, and none is invented.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CREDENTIAL_LOOKUPS, credentialLookupSchema } from "@/db/reference/credential-lookups";
import { loadStateLicensing } from "@/db/reference/state-licensing";
import { missingLinkText, NO_LOOKUP_ON_FILE, verificationChecklist } from "@/lib/licensing/state-facts";

const root = path.join(import.meta.dirname, "../..");
// Claims about what a board publishes, rather than what we have on file.
const FALSE_CLAIMS = [
  /publish(es|ed)? no (online )?look-?up/i,
  /no online look-?up/i,
  /(does|do) not (publish|offer|provide|have) (an? )?(online )?(licen[cs]e )?(look-?up|search|verification)/i,
  /(has|have) no (online )?(licen[cs]e )?(look-?up|verification search)/i,
  /no (online )?look-?up (is )?(available|exists|offered|published)/i,
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(tsx?|json)$/.test(e.name) ? [p] : [];
  });
}

describe("look-up wording", () => {
  it("no source file or reviewed state entry says a look-up is not published", () => {
    const files = [...["app", "components", "lib"].flatMap((d) => sourceFiles(path.join(root, d))), path.join(root, "db/reference/state-licensing.json")];
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((f) => {
      const text = fs.readFileSync(f, "utf8");
      return FALSE_CLAIMS.filter((re) => re.test(text)).map((re) => `${path.relative(root, f)}: ${re}`);
    });
    expect(found).toEqual([]);
  });

  it("the patterns catch the old wording", () => {
    for (const s of ["Oregon publishes no online look-up", "The board does not publish a look-up", "Oregon has no online look-up"]) expect(FALSE_CLAIMS.some((re) => re.test(s)), s).toBe(true);
    expect(FALSE_CLAIMS.some((re) => re.test(NO_LOOKUP_ON_FILE))).toBe(false);
  });

  it("every regulating state without an address reads 'No look-up address on file' on its page and checklist", () => {
    const states = loadStateLicensing();
    const missing = states.filter((s) => s.regulation !== "none" && !s.lookupUrl);
    expect(missing.length).toBeGreaterThan(0);
    for (const s of missing) {
      expect(missingLinkText(s, "lookupUrl"), s.code).toBe(NO_LOOKUP_ON_FILE);
      expect(verificationChecklist(s).some((item) => item.text.startsWith(NO_LOOKUP_ON_FILE)), s.code).toBe(true);
    }
    for (const s of states.filter((x) => x.lookupUrl)) expect(verificationChecklist(s).some((item) => item.link?.href === s.lookupUrl), s.code).toBe(true);
  });

  it("credential look-ups beyond the licence: an address only with the page it was seen on, on the same host", () => {
    expect(CREDENTIAL_LOOKUPS.map((l) => l.credential).sort()).toEqual(["associations", "ncbtmb", "school"]);
    for (const l of CREDENTIAL_LOOKUPS) {
      for (const u of [l.site, l.lookupUrl].filter((x): x is string => x !== null)) {
        expect(u.startsWith("https://")).toBe(true);
        expect(new URL(u).host).toBe(new URL(l.seenOn!).host);
      }
    }
    const base = { credential: "ncbtmb", organisation: "NCBTMB", lookup: "NCBTMB's certificant look-up", siteName: null, site: null };
    expect(credentialLookupSchema.safeParse({ ...base, lookupUrl: "https://example.org/lookup", seenOn: null }).success).toBe(false);
    expect(credentialLookupSchema.safeParse({ ...base, lookupUrl: "https://example.org/lookup", seenOn: "https://example.com/page" }).success).toBe(false);
    expect(credentialLookupSchema.safeParse({ ...base, lookupUrl: "https://example.org/lookup", seenOn: "https://example.org/page" }).success).toBe(true);
  });
});
