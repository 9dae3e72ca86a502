// "Questions to ask" from a public profile: one per thing left unknown, claimed but not
// checked, or not met; none for what was checked. And which profile renders count as views,
// and the contact form's per-field messages.
import { describe, expect, it } from "vitest";
import { CREDENTIAL_LOOKUPS } from "@/db/reference/credential-lookups";
import { contactSchema } from "@/lib/contact/message-input";
import type { StateRule } from "@/lib/licensing/license-note";
import { countsAsView } from "@/lib/therapists/profile-views";
import { toPublicProfile, type ProfileSource } from "@/lib/therapists/public-profile";
import { questionsToAsk } from "@/lib/therapists/questions-to-ask";

const NOW = new Date("2026-12-01T12:00:00Z");
const RULES: StateRule[] = [
  { code: "NY", name: "New York", regulation: "license" },
  { code: "KS", name: "Kansas", regulation: "none" },
];

/** A listing with everything stated and checked. */
function source(overrides: Partial<ProfileSource> = {}): ProfileSource {
  const checked = new Date("2026-10-01T12:00:00Z");
  return {
    slug: "q-test", displayName: "Quinn Question", practiceName: null, bio: "Deep tissue and myofascial release for low back pain.", isDemo: false,
    phone: "(555) 010-0100", email: "quinn@example.org", website: null, addressLine: "1 Test Street", city: "New York", state: "NY", zip: "10001",
    latitude: 40.75, longitude: -73.99, inClinic: true, mobile: false, acceptingNewClients: true, yearsInPractice: 8,
    modalitySlugs: ["deep-tissue", "myofascial-release", "swedish"],
    modalities: [
      { slug: "deep-tissue", name: "Deep tissue massage", summary: "" },
      { slug: "myofascial-release", name: "Myofascial release", summary: "" },
      { slug: "swedish", name: "Swedish massage", summary: "" },
    ],
    sciaticaExperience: "extensive", sciaticaDescription: "Many clients with sciatica.",
    licenses: [{ state: "NY", number: "NY-1", credentialTitle: "LMT", status: "active", verifiedAt: checked, source: "state board look-up" }],
    ncbtmbStatus: "verified", ncbtmbNumber: "NC-1", ncbtmbVerifiedAt: checked, ncbtmbCheckSource: "NCBTMB directory",
    schoolName: "Test School", schoolAccredited: true, schoolCheck: "checked", schoolCheckedAt: checked, schoolCheckSource: "COMTA list",
    associations: ["AMTA"], associationsCheck: "checked", associationsCheckedAt: checked, associationsCheckSource: "card seen",
    acceptsInsurance: false, insurancePlans: [], offersSuperbills: false, acceptsHsaFsa: false, acceptsPhysicianReferrals: true,
    priceMin: 90, priceMax: 120, hours: "Mon-Fri 9-5", languages: ["English"], gender: null, wheelchairAccessible: true, accessibilityNotes: null,
    updatedAt: checked, confirmedCurrentAt: checked, stateRules: RULES,
    ...overrides,
  };
}
const keys = (s: ProfileSource) => questionsToAsk(toPublicProfile(s), NOW).map((q) => q.key);

describe("questions to ask", () => {
  it("asks nothing about what was checked or stated: only what every patient should ask", () => {
    expect(keys(source())).toEqual(["pressure", "doctor-first"]);
  });

  it("asks for a claimed licence's number and links to the state's page with its look-up", () => {
    const qs = questionsToAsk(toPublicProfile(source({ licenses: [{ state: "NY", number: "NY-7", credentialTitle: "LMT", status: "unknown", verifiedAt: null, source: "self-reported" }] })), NOW);
    const q = qs.find((x) => x.key === "licence-claimed-NY-7");
    expect(q?.text).toMatch(/^Ask for their New York licence number \(the listing gives NY-7\) and check it yourself on the state board's look-up/);
    expect(q?.why).toBe("The licence is claimed by the therapist, not yet checked.");
    expect(q?.link?.href).toBe("/licensing/ny");
  });

  it("asks about a missing licence where the state requires one, a local licence where it does not, and a check over a year old", () => {
    expect(keys(source({ licenses: [] }))).toContain("licence-missing");
    expect(keys(source({ state: "KS", city: "Lawrence", zip: "66044", licenses: [] }))).toContain("licence-local");
    const old = new Date("2025-06-01T12:00:00Z");
    expect(keys(source({ licenses: [{ state: "NY", number: "NY-1", credentialTitle: "LMT", status: "active", verifiedAt: old, source: "state board look-up" }] }))).toContain("licence-stale");
  });

  it("asks about claimed credentials, NCBTMB through the look-up this site has on file", () => {
    const qs = questionsToAsk(
      toPublicProfile(source({ ncbtmbStatus: "self_reported", ncbtmbVerifiedAt: null, schoolCheck: "self_reported", associationsCheck: "unconfirmed" })),
      NOW,
    );
    const ncbtmb = qs.find((q) => q.key === "ncbtmb-claimed");
    expect(ncbtmb?.link?.href).toBe(CREDENTIAL_LOOKUPS.find((l) => l.credential === "ncbtmb")!.lookupUrl);
    expect(qs.map((q) => q.key)).toEqual(expect.arrayContaining(["school-claimed", "associations-claimed"]));
    expect(qs.find((q) => q.key === "associations-claimed")?.why).toBe("The membership could not be confirmed.");
  });

  it("asks about what the listing leaves unknown: school, sciatica, techniques, price, hours, referrals, access, insurance cover", () => {
    const k = keys(
      source({
        schoolName: null, schoolAccredited: false, schoolCheck: "self_reported", sciaticaExperience: "none", modalitySlugs: ["swedish"],
        modalities: [{ slug: "swedish", name: "Swedish massage", summary: "" }], priceMin: null, priceMax: null, hours: null,
        acceptsPhysicianReferrals: false, wheelchairAccessible: false, acceptsInsurance: true, acceptingNewClients: false, confirmedCurrentAt: null,
      }),
    );
    expect(k).toEqual(
      expect.arrayContaining(["school-unknown", "sciatica-experience", "techniques", "price", "hours", "referrals", "access", "insurance-plan", "new-clients", "current"]),
    );
    expect(k).not.toContain("pressure");
  });
});

describe("profile views", () => {
  const h = (entries: Record<string, string>) => new Headers(entries);
  const browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";
  it("count a browser's page load, not prefetches, crawlers or agentless requests", () => {
    expect(countsAsView(h({ "user-agent": browser }))).toBe(true);
    expect(countsAsView(h({ "user-agent": browser, "next-router-prefetch": "1" }))).toBe(false);
    expect(countsAsView(h({ "user-agent": browser, "sec-purpose": "prefetch;prerender" }))).toBe(false);
    expect(countsAsView(h({ "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" }))).toBe(false);
    expect(countsAsView(h({ "user-agent": "curl/8.5.0" }))).toBe(false);
    expect(countsAsView(h({}))).toBe(false);
  });
});

describe("the contact form's schema", () => {
  const base = { name: "Pat", email: "", phone: "", lookingFor: "A first session", times: "", slug: "x", issued: "", website: "" };
  const errors = (v: Partial<typeof base>) => {
    const r = contactSchema.safeParse({ ...base, ...v });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };
  it("names each problem: no way to answer, a malformed address or number, a missing name or request", () => {
    expect(errors({})).toEqual({ email: expect.stringMatching(/^Give an e-mail address or a phone number/) });
    expect(errors({ email: "not-an-address" })).toEqual({ email: expect.stringMatching(/^Enter an e-mail address/) });
    expect(errors({ phone: "call me" })).toEqual({ phone: expect.stringMatching(/^Enter a phone number/) });
    expect(errors({ email: "a@example.org", name: " ", lookingFor: "" })).toMatchObject({ name: expect.any(String), lookingFor: expect.any(String) });
    expect(errors({ email: "a@example.org" })).toEqual({});
  });
});
