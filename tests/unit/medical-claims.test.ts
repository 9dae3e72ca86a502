// Therapists' own words never claim to cure, guarantee results, diagnose or treat a disease
// (shared/DOMAIN.md). A table of phrases refused and of neutral wording accepted, the profile
// schema refusing the save with the phrase quoted, and the demo data passing the same screen.
import { describe, expect, it } from "vitest";
import { loadStateLicensing } from "@/db/reference/state-licensing";
import { generateTherapist } from "@/db/seed/demo-generator";
import { findMedicalClaim, SCREENED_TEXT_FIELDS } from "@/lib/therapists/medical-claims";
import { profileSchema, type ProfileInput } from "@/lib/therapists/profile-input";

const refused: [string, string][] = [
  ["I cure sciatica in 3 sessions, guaranteed.", "I cure sciatica in"],
  ["Sciatica cured or your money back", "Sciatica cured or your"],
  ["Results guaranteed!", "Results guaranteed"],
  ["100% pain relief after one visit", "100% pain relief"],
  ["Permanent relief from back pain", "Permanent relief"],
  ["I diagnose the real cause of your pain", "I diagnose the real"],
  ["We treat herniated discs and stenosis", "We treat herniated discs"],
  ["Massage that heals arthritis", "that heals arthritis"],
  ["I can fix your sciatica for good", "can fix your sciatica"],
  ["Get rid of sciatica naturally", "Get rid of sciatica"],
  ["Reverses degenerative disc disease", "Reverses degenerative disc disease"],
  ["Treatment for fibromyalgia and diabetes", "Treatment for fibromyalgia"],
];

const accepted = [
  "I often work with clients who have sciatica.",
  "Ten years of experience treating sciatica and low back pain, alongside physical therapy.",
  "Deep tissue and myofascial release; massage can bring temporary relief and does not fix the cause.",
  "I work with your physician's diagnosis and treatment plan.",
  "Secure parking; wheelchair accessible entrance.",
  "Mon-Fri 9-5; Saturday by appointment.",
  "Member of AMTA and ABMP.",
  "Swedish massage for relaxation and stress.",
];

describe("medical-claim screening", () => {
  it.each(refused)("refuses %j, quoting the phrase", (text, phrase) => {
    const claim = findMedicalClaim(text);
    expect(claim).not.toBeNull();
    expect(claim!.phrase.toLowerCase()).toContain(phrase.toLowerCase().split(" ").slice(-2).join(" "));
    expect(claim!.rule.length).toBeGreaterThan(10);
  });

  it.each(accepted)("accepts %j", (text) => {
    expect(findMedicalClaim(text)).toBeNull();
  });

  const base: ProfileInput = {
    displayName: "Dana Example",
    practiceName: "",
    bio: "Swedish and deep tissue massage.",
    phone: "",
    email: "",
    website: "",
    addressLine: "",
    zip: "97201",
    hours: "",
    inClinic: true,
    mobile: false,
    acceptingNewClients: true,
    yearsInPractice: "",
    sciaticaExperience: "some",
    sciaticaDescription: "",
    acceptsPhysicianReferrals: false,
    acceptsInsurance: false,
    insurancePlans: "",
    offersSuperbills: false,
    acceptsHsaFsa: false,
    priceMin: "",
    priceMax: "",
    languages: "",
    wheelchairAccessible: false,
    accessibilityNotes: "",
    schoolName: "",
    schoolAccredited: false,
    associations: "",
    ncbtmbStatus: "not_certified",
    ncbtmbNumber: "",
    modalitySlugs: [],
    licenses: [],
  };

  it("refuses the profile save on the field that holds the claim, quoting it", () => {
    expect(profileSchema.safeParse(base).success).toBe(true);
    for (const field of SCREENED_TEXT_FIELDS) {
      const result = profileSchema.safeParse({ ...base, [field]: "Dana Example, I cure sciatica in 3 sessions, guaranteed." });
      expect(result.success, field).toBe(false);
      const issue = result.error!.issues.find((i) => i.path[0] === field);
      expect(issue?.message, field).toContain("“");
      expect(issue?.message, field).toContain("cure sciatica");
    }
  });

  it("finds nothing to refuse in the fictional demo listings", () => {
    const states = new Map(loadStateLicensing().map((s) => [s.code, s]));
    for (let i = 0; i < 2500; i++) {
      const { therapist: t } = generateTherapist(i, { states });
      for (const field of SCREENED_TEXT_FIELDS) {
        const value = t[field as keyof typeof t];
        const text = Array.isArray(value) ? value.join(", ") : (value as string | null | undefined);
        expect(findMedicalClaim(text), `${t.slug} ${field}: ${text}`).toBeNull();
      }
    }
  });
});
