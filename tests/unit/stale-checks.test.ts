// Checks older than 12 months read as such wherever patients see them, with a fixed "now".
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadStateLicensing } from "@/db/reference/state-licensing";
import { associationsWords, credentialFacts, credentialWords, evaluateCriteria, schoolWords, type CriteriaInput } from "@/lib/criteria";
import { describeLicense, type StateRule } from "@/lib/licensing/license-note";
import { credentialItems } from "@/lib/proofs/credential-status";
import { isStale, staleCutoff } from "@/lib/therapists/check-age";
import { formatNcbtmb } from "@/lib/therapists/vocabulary";

const rules = new Map<string, StateRule>(loadStateLicensing().map((s) => [s.code, s]));
const NOW = new Date("2026-12-01T12:00:00Z");
const STALE = new Date("2025-10-01T12:00:00Z"); // 14 months before NOW
const FRESH = new Date("2026-10-02T12:00:00Z"); // 2 months before NOW

describe("the 12-month rule", () => {
  it("a check exactly 12 months old is still current; a moment older is stale", () => {
    expect(staleCutoff(NOW).toISOString()).toBe("2025-12-01T12:00:00.000Z");
    expect(isStale(new Date("2025-12-01T12:00:00Z"), NOW)).toBe(false);
    expect(isStale(new Date("2025-12-01T11:59:59Z"), NOW)).toBe(true);
    expect(isStale(FRESH, NOW)).toBe(false);
    expect(isStale(STALE, NOW)).toBe(true);
  });
});

describe("stale checks read as stale", () => {
  it("licence note: how long ago, and the date", () => {
    const lic = { state: "MA", credentialTitle: "LMT", status: "active" as const, verifiedAt: STALE };
    expect(describeLicense(lic, rules.get("MA")!, NOW).text).toBe("LMT, Massachusetts - active, checked with the state board 14 months ago, on 2025-10-01");
    expect(describeLicense(lic, rules.get("MA")!, NOW).tone).toBe("verified");
    expect(describeLicense({ ...lic, verifiedAt: FRESH }, rules.get("MA")!, NOW).text).toBe("LMT, Massachusetts - active, checked with the state board on 2026-10-02");
  });

  it("NCBTMB line", () => {
    expect(formatNcbtmb({ status: "verified", number: "100", verifiedAt: STALE.toISOString() }, NOW)).toBe(
      "Board certified (number 100), verified with NCBTMB 14 months ago, on October 1, 2025.",
    );
    expect(formatNcbtmb({ status: "verified", number: "100", verifiedAt: FRESH.toISOString() }, NOW)).toBe(
      "Board certified (number 100), verified with NCBTMB on October 2, 2026.",
    );
  });

  it("school and associations lines", () => {
    expect(schoolWords({ name: "Fictional School", accredited: true, check: "checked", checkedAt: STALE.toISOString() }, NOW)).toBe(
      "Fictional School, a nationally accredited programme (checked 14 months ago, on October 1, 2025)",
    );
    expect(associationsWords(["AMTA"], { status: "checked", checkedAt: STALE.toISOString(), source: "the member directory" }, NOW)).toBe(
      "AMTA (membership checked 14 months ago, on October 1, 2025, source: the member directory)",
    );
    expect(associationsWords(["AMTA"], { status: "checked", checkedAt: FRESH.toISOString() }, NOW)).toBe("AMTA (membership checked on October 2, 2026)");
  });

  const base: CriteriaInput = {
    state: "MA",
    acceptsPhysicianReferrals: false,
    bio: "",
    schoolName: null,
    modalitySlugs: [],
    acceptsInsurance: false,
    offersSuperbills: false,
    acceptsHsaFsa: false,
    licenses: [{ state: "MA", credentialTitle: "LMT", status: "active", verifiedAt: STALE }],
    ncbtmbStatus: "verified",
    ncbtmbVerifiedAt: STALE,
    schoolAccredited: false,
    schoolCheck: "self_reported",
    associations: [],
    associationsCheck: "self_reported",
    sciaticaExperience: "none",
  };

  it("result card words: the credential reads stale", () => {
    const [fact] = credentialFacts(base);
    expect(credentialWords(fact!, NOW)).toBe("NCBTMB board certification (checked 14 months ago)");
    expect(credentialWords(credentialFacts({ ...base, ncbtmbVerifiedAt: FRESH })[0]!, NOW)).toBe("NCBTMB board certification (checked)");
  });

  it("a stale check still counts as checked in the criteria, and says how old it is", () => {
    const criteria = evaluateCriteria(base, rules.get("MA"), NOW);
    const licence = criteria.find((c) => c.key === "license")!;
    const credentials = criteria.find((c) => c.key === "credentials")!;
    expect(licence.status).toBe("met");
    expect(licence.detail).toBe("Licence checked with the state board 14 months ago.");
    expect(credentials.status).toBe("met");
    expect(credentials.detail).toBe("NCBTMB board certification (checked 14 months ago).");
  });
});

describe("the owner's dashboard", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("reads a stale check as stale and says it will be checked again", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
    const therapist = {
      ncbtmbStatus: "verified" as const,
      ncbtmbNumber: "100",
      ncbtmbVerifiedAt: STALE,
      schoolName: "Fictional School",
      schoolAccredited: true,
      schoolCheck: "checked" as const,
      schoolCheckedAt: FRESH,
      associations: [],
      associationsCheck: "self_reported" as const,
      associationsCheckedAt: null,
    };
    const [ncbtmb, school] = credentialItems({ therapist, licenses: [] });
    expect(ncbtmb).toMatchObject({ status: "checked 14 months ago, on October 1, 2025", checked: true });
    expect(ncbtmb!.nextStep).toMatch(/^The check is more than 12 months old: an administrator will check it again/);
    expect(school).toMatchObject({ status: "checked on October 2, 2026", checked: true, nextStep: "Nothing to do." });
  });
});
