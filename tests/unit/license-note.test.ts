// The one-line note next to every licence: what the state's rule makes of it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadStateLicensing } from "@/db/reference/state-licensing";
import {
  describeLicense,
  describeLicenses,
  describeMissingLicense,
  requiresStateLicense,
  type LicenseFacts,
  type StateRule,
} from "@/lib/licensing/license-note";

const rules = new Map<string, StateRule>(loadStateLicensing().map((s) => [s.code, s]));
const rule = (code: string) => rules.get(code)!;
const checkedOn = new Date("2026-10-02T15:00:00Z");

// A note says how old a check is once it is stale (12 months, lib/therapists/check-age.ts);
// a fixed today keeps these checks current whenever the suite runs (stale-checks.test.ts
// covers the stale wording).
beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-01T12:00:00Z"));
});
afterAll(() => {
  vi.useRealTimers();
});
const lic = (over: Partial<LicenseFacts> = {}): LicenseFacts => ({
  state: "MA",
  credentialTitle: "LMT",
  status: "active",
  verifiedAt: checkedOn,
  ...over,
});

describe("describeLicense", () => {
  it("verified and active: checked with the state board, with the date", () => {
    expect(describeLicense(lic(), rule("MA"))).toEqual({
      text: "LMT, Massachusetts - active, checked with the state board on 2026-10-02",
      tone: "verified",
      stateCode: "MA",
      stateHref: "/licensing/ma",
    });
  });

  it("self-reported: not yet checked", () => {
    const note = describeLicense(lic({ state: "OR", status: "unknown", verifiedAt: null }), rule("OR"));
    expect(note).toMatchObject({ text: "LMT, Oregon - claimed, not yet checked", tone: "self_reported", stateHref: "/licensing/or" });
    // A therapist's own "active" claim is still only self-reported.
    expect(describeLicense(lic({ state: "OR", verifiedAt: null }), rule("OR")).tone).toBe("self_reported");
  });

  it("expired: a problem, whether checked or only reported", () => {
    expect(describeLicense(lic({ state: "TX", status: "expired" }), rule("TX"))).toMatchObject({
      text: "LMT, Texas - expired, checked with the state board on 2026-10-02",
      tone: "problem",
    });
    expect(describeLicense(lic({ state: "TX", status: "expired", verifiedAt: null }), rule("TX"))).toMatchObject({
      text: "LMT, Texas - reported as expired, not yet checked with the state board",
      tone: "problem",
    });
  });

  it("disciplinary action: a problem", () => {
    expect(describeLicense(lic({ state: "NY", status: "disciplinary_action" }), rule("NY"))).toMatchObject({
      text: "LMT, New York - disciplinary action on record, checked with the state board on 2026-10-02",
      tone: "problem",
    });
    expect(describeLicense(lic({ state: "NY", status: "disciplinary_action", verifiedAt: null }), rule("NY")).tone).toBe("problem");
  });

  it("checked but the status was not confirmed: not shown as verified", () => {
    expect(describeLicense(lic({ status: "unknown" }), rule("MA"))).toMatchObject({
      text: "LMT, Massachusetts - status not confirmed by the state board",
      tone: "self_reported",
    });
  });

  it("voluntary certification (California): certified, checked with the certifying body, not a state board", () => {
    expect(describeLicense(lic({ state: "CA", credentialTitle: "CMT" }), rule("CA"))).toMatchObject({
      text: "CMT, California - certified, checked with the certifying body on 2026-10-02",
      tone: "verified",
      stateHref: "/licensing/ca",
    });
  });

  it("registration (Vermont): registered", () => {
    const note = describeLicense(lic({ state: "VT", credentialTitle: "Registered Massage Therapist" }), rule("VT"));
    expect(note).toMatchObject({
      text: "Registered Massage Therapist, Vermont - registered, checked with the state board on 2026-10-02",
      tone: "verified",
    });
  });

  it("no statewide licence (Kansas): a local licence, never 'checked with the state board'", () => {
    const verified = describeLicense(lic({ state: "KS" }), rule("KS"));
    expect(verified).toMatchObject({ tone: "verified", text: "LMT, Kansas - local licence, active, checked on 2026-10-02 (Kansas has no statewide licence)" });
    const reported = describeLicense(lic({ state: "KS", verifiedAt: null }), rule("KS"));
    expect(reported).toMatchObject({ tone: "self_reported", text: "LMT, Kansas - local licence claimed, not yet checked (Kansas has no statewide licence)" });
    expect(describeLicense(lic({ state: "KS", status: "expired" }), rule("KS")).tone).toBe("problem");
    for (const n of [verified, reported]) expect(n.text).not.toMatch(/state board/);
  });

  it("uses the calendar date in UTC", () => {
    expect(describeLicense(lic({ verifiedAt: new Date("2026-10-02T23:30:00-05:00") }), rule("MA")).text).toMatch(/2026-10-03$/);
  });
});

describe("describeMissingLicense", () => {
  it("a mandatory licence state: a problem", () => {
    expect(describeMissingLicense(rule("MA"))).toEqual({
      text: "No Massachusetts licence listed, and Massachusetts requires one: ask for the number and check it",
      tone: "problem",
      stateCode: "MA",
      stateHref: "/licensing/ma",
    });
  });

  it("a registration state (Vermont) asks for a registration, not a licence", () => {
    expect(describeMissingLicense(rule("VT"))).toMatchObject({
      text: "No Vermont registration listed, and Vermont requires one: ask for the number and check it",
      tone: "problem",
    });
  });

  it("no statewide licence: ask about a city licence", () => {
    expect(describeMissingLicense(rule("KS"))).toMatchObject({
      text: "Kansas has no statewide licence: ask about a city licence",
      tone: "not_required",
      stateHref: "/licensing/ks",
    });
  });

  it("voluntary certification (California): not required", () => {
    expect(describeMissingLicense(rule("CA"))).toMatchObject({
      text: "California certification is voluntary and none is listed: ask about state certification or a city permit",
      tone: "not_required",
    });
  });
});

describe("describeLicenses", () => {
  it("puts the practice state first and adds the missing-licence note for it", () => {
    const notes = describeLicenses("NY", [lic({ state: "NJ", credentialTitle: "LMBT" }), lic({ state: "NY" })], rules);
    expect(notes.map((n) => n.stateCode)).toEqual(["NY", "NJ"]);
    const missing = describeLicenses("MA", [lic({ state: "NH" })], rules);
    expect(missing.map((n) => [n.stateCode, n.tone])).toEqual([
      ["MA", "problem"],
      ["NH", "verified"],
    ]);
    expect(describeLicenses("KS", [], rules)).toEqual([describeMissingLicense(rule("KS"))]);
  });

  it("skips licences for codes it has no rule for", () => {
    expect(describeLicenses("NY", [lic({ state: "ZZ" }), lic({ state: "NY" })], rules)).toHaveLength(1);
  });
});

describe("requiresStateLicense", () => {
  it("is true for licence, registration and certification, false otherwise", () => {
    expect(["MA", "VT", "CA", "KS", "DC"].map((c) => requiresStateLicense(rule(c)))).toEqual([true, true, false, false, true]);
  });
});

describe("<LicenseNote>", () => {
  it("renders the text and a link to the state's page; a problem is labelled 'Warning:'", async () => {
    const { createElement } = await import("react");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { LicenseNote } = await import("@/components/therapist/license-note");
    const problem = renderToStaticMarkup(createElement(LicenseNote, { note: describeMissingLicense(rule("MA")) }));
    expect(problem).toMatch(/^<li [^>]*data-tone="problem"/);
    expect(problem).toMatch(/Warning:<\/strong> No Massachusetts licence listed/);
    expect(problem).toContain('<a class="');
    expect(problem).toContain('href="/licensing/ma"');
    expect(problem).toContain("Massachusetts licensing rules</a>");
    const fine = renderToStaticMarkup(createElement(LicenseNote, { note: { ...describeLicense(lic(), rule("MA")), number: "MA-123" } }));
    expect(fine).toMatch(/^<li [^>]*data-tone="verified"/);
    expect(fine).not.toContain("Warning:");
    expect(fine).toContain("Licence number MA-123.");
    // Text is escaped, never injected as HTML.
    const hostile = renderToStaticMarkup(
      createElement(LicenseNote, { note: describeLicense(lic({ credentialTitle: "<img src=x onerror=alert(1)>" }), rule("MA")) }),
    );
    expect(hostile).not.toContain("<img");
  });
});
