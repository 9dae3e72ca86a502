// Matching the associations a listing names (free text) to their member directories, for the
// administrators' queue: the link per association, "No look-up address on file" for the others,
// and what the check's source field starts with.
import { describe, expect, it } from "vitest";
import { ASSOCIATION_LOOKUPS, associationKey, associationLookup, associationLookupsFor, credentialLookup, defaultCheckSource } from "@/db/reference/credential-lookups";

const AMTA_DIRECTORY = "https://www.amtamassage.org/find-massage-therapist/";
const ABMP_DIRECTORY = "https://www.massagetherapy.com/find/search";

describe("associationLookup", () => {
  it("matches the short and the full name, whatever the case, spacing and punctuation", () => {
    for (const n of ["AMTA", "amta", " Amta ", "A.M.T.A.", "American Massage Therapy Association", "american massage therapy association", "The American Massage Therapy Association"])
      expect(associationLookup(n)?.association, n).toBe("AMTA");
    for (const n of ["ABMP", "abmp", "Associated Bodywork & Massage Professionals", "Associated Bodywork and Massage Professionals", "associated bodywork &massage professionals"])
      expect(associationLookup(n)?.association, n).toBe("ABMP");
  });

  it("finds nothing for a name not on file, a near miss or an empty name", () => {
    for (const n of ["", "   ", "AMTA-Ohio chapter", "American Massage Association", "ABMPX", "Florida State Massage Therapy Association", "NCBTMB"]) expect(associationLookup(n), n).toBeUndefined();
  });

  it("every alias on file leads back to its own association, and the directory addresses are the sourced ones", () => {
    for (const l of ASSOCIATION_LOOKUPS) for (const a of l.aliases) expect(associationLookup(a)?.association, a).toBe(l.association);
    expect(associationLookup("AMTA")?.lookupUrl).toBe(AMTA_DIRECTORY);
    expect(associationLookup("ABMP")?.lookupUrl).toBe(ABMP_DIRECTORY);
  });

  it("reduces names the same way whatever their form", () => {
    expect(associationKey("Associated Bodywork & Massage Professionals")).toBe(associationKey("associated  bodywork and massage professionals."));
    expect(associationKey("A.M.T.A.")).toBe("amta");
    expect(associationKey("The  American Massage-Therapy Association")).toBe("american massage therapy association");
  });
});

describe("associationLookupsFor", () => {
  it("lists each association once, in the listing's order, with its look-up or null", () => {
    const items = associationLookupsFor(["ABMP", "Some Local Guild", "amta", "Associated Bodywork and Massage Professionals", "some local guild", " "]);
    expect(items.map((i) => [i.name, i.lookup?.association ?? null])).toEqual([
      ["ABMP", "ABMP"],
      ["Some Local Guild", null],
      ["amta", "AMTA"],
    ]);
    expect(associationLookupsFor([])).toEqual([]);
  });
});

describe("defaultCheckSource", () => {
  it("starts an association check with the directory of the one association named that has an address", () => {
    expect(defaultCheckSource("associations", ["AMTA"])).toBe(AMTA_DIRECTORY);
    expect(defaultCheckSource("associations", ["American Massage Therapy Association", "Some Local Guild"])).toBe(AMTA_DIRECTORY);
    expect(defaultCheckSource("associations", ["abmp", "Associated Bodywork & Massage Professionals"])).toBe(ABMP_DIRECTORY);
  });

  it("leaves the source empty when no association named has an address, or two or more do", () => {
    expect(defaultCheckSource("associations", ["Some Local Guild"])).toBeUndefined();
    expect(defaultCheckSource("associations", [])).toBeUndefined();
    expect(defaultCheckSource("associations", ["AMTA", "ABMP"])).toBeUndefined();
  });

  it("uses the credential's own look-up for NCBTMB and schools", () => {
    expect(defaultCheckSource("ncbtmb")).toBe(credentialLookup("ncbtmb").lookupUrl);
    expect(defaultCheckSource("school", ["AMTA"])).toBe(credentialLookup("school").lookupUrl);
  });
});
