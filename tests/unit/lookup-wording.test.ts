// Acceptance 3 of issue 13: no page says that a board (or anyone) publishes no look-up; a
// missing address reads "No look-up address on file". Scans every source file that renders text
// (app/, components/, lib/) and the reviewed state rules, and checks the wording the state pages
// and the administrators' queue build. Also: the look-up addresses for credentials beyond the
// licence come with the page they were seen on, and none is invented.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ASSOCIATION_LOOKUPS, associationLookupSchema, CREDENTIAL_LOOKUPS, credentialLookupSchema } from "@/db/reference/credential-lookups";
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

  it("credential look-ups beyond the licence: an address only with the page it was seen on, on the same host unless that page quotes the publisher or is marked secondary", () => {
    expect(CREDENTIAL_LOOKUPS.map((l) => l.credential).sort()).toEqual(["associations", "ncbtmb", "school"]);
    for (const l of [...CREDENTIAL_LOOKUPS, ...ASSOCIATION_LOOKUPS]) {
      if ("site" in l && l.site) expect(new URL(l.site).host).toBe(new URL(l.siteSeenOn!).host);
      if (l.lookupUrl) {
        expect(l.lookupUrl.startsWith("https://")).toBe(true);
        expect(l.lookupSeenOn).not.toBeNull();
        if (!l.lookupQuotedFrom && !l.lookupSecondary) expect(new URL(l.lookupUrl).host).toBe(new URL(l.lookupSeenOn!).host);
      }
    }
    // NCBTMB and the schools have one look-up each; association memberships are checked in each
    // association's own directory, so the credential-level entry has none and the per-association
    // list has AMTA's (seen in a secondary source) and ABMP's (a stored copy of its consumer site).
    expect(CREDENTIAL_LOOKUPS.filter((l) => l.lookupUrl).map((l) => l.credential).sort()).toEqual(["ncbtmb", "school"]);
    expect(ASSOCIATION_LOOKUPS.filter((l) => l.lookupUrl).map((l) => l.association).sort()).toEqual(["ABMP", "AMTA"]);
    const amta = ASSOCIATION_LOOKUPS.find((l) => l.association === "AMTA")!;
    expect([amta.lookupUrl, amta.lookupSecondary !== null, amta.lookupQuotedFrom]).toEqual(["https://www.amtamassage.org/find-massage-therapist/", true, null]);
    const abmp = ASSOCIATION_LOOKUPS.find((l) => l.association === "ABMP")!;
    expect([abmp.lookupUrl, abmp.lookupQuotedFrom !== null, abmp.lookupSecondary]).toEqual(["https://www.massagetherapy.com/find/search", true, null]);
    const base = {
      credential: "ncbtmb",
      organisation: "NCBTMB",
      lookup: "NCBTMB's certificant look-up",
      lookupQuotedFrom: null,
      lookupSecondary: null,
      lookupArchivedCopy: null,
      site: null,
      siteName: null,
      siteSeenOn: null,
    };
    const parses = (extra: object) => credentialLookupSchema.safeParse({ ...base, ...extra }).success;
    expect(parses({ lookupUrl: "https://example.org/lookup", lookupSeenOn: null })).toBe(false);
    expect(parses({ lookupUrl: "https://example.org/lookup", lookupSeenOn: "https://example.com/page" })).toBe(false);
    expect(parses({ lookupUrl: "https://example.org/lookup", lookupSeenOn: "https://example.com/page", lookupQuotedFrom: "the publisher's own notice" })).toBe(true);
    expect(parses({ lookupUrl: "https://example.org/lookup", lookupSeenOn: "https://example.org/page" })).toBe(true);
    expect(parses({ lookupUrl: null, lookupSeenOn: null, lookupQuotedFrom: "the publisher's own notice" })).toBe(false);
    expect(parses({ lookupUrl: null, lookupSeenOn: null, site: "https://example.org/", siteName: "Example", siteSeenOn: "https://example.com/" })).toBe(false);
    expect(parses({ lookupUrl: "https://example.org/lookup", lookupSeenOn: "https://github.com/o/r/blob/abc/tool.py", lookupSecondary: "a tool that loads and searches it" })).toBe(true);
    expect(parses({ lookupUrl: null, lookupSeenOn: null, lookupSecondary: "a tool that loads and searches it" })).toBe(false);
    expect(
      parses({ lookupUrl: "https://example.org/lookup", lookupSeenOn: "https://example.com/page", lookupQuotedFrom: "the publisher's own notice", lookupSecondary: "a tool that loads and searches it" }),
    ).toBe(false);
  });

  it("association look-ups follow the same rules, and name the association by its short and full name", () => {
    const base = { association: "EXA", name: "Example Association", aliases: ["EXA", "Example Association"], lookup: "EXA's member directory", lookupQuotedFrom: null, lookupSecondary: null };
    const parses = (extra: object) => associationLookupSchema.safeParse({ ...base, ...extra }).success;
    expect(parses({ lookupUrl: null, lookupSeenOn: null })).toBe(true);
    expect(parses({ lookupUrl: "https://example.org/members", lookupSeenOn: "https://example.org/about" })).toBe(true);
    expect(parses({ lookupUrl: "https://example.org/members", lookupSeenOn: null })).toBe(false);
    expect(parses({ lookupUrl: "https://example.org/members", lookupSeenOn: "https://example.com/page" })).toBe(false);
    expect(parses({ lookupUrl: "https://example.org/members", lookupSeenOn: "https://github.com/o/r/blob/abc/scraper.py", lookupSecondary: "a scraper that searches it" })).toBe(true);
    expect(parses({ lookupUrl: "http://example.org/members", lookupSeenOn: "http://example.org/about" })).toBe(false);
    expect(parses({ lookupUrl: null, lookupSeenOn: null, aliases: ["EXA"] })).toBe(false);
    expect(parses({ lookupUrl: null, lookupSeenOn: null, aliases: ["EXA", "Another Name"] })).toBe(false);
  });
});
