// What a visitor may see of a published profile, with the six criteria and the licence notes
// worked out: one shape for the profile page and GET /api/therapists/[slug].
import type { PublishedProfile } from "@/db/queries/therapists";
import { evaluateCriteria } from "@/lib/criteria";
import { describeLicense, describeMissingLicense, type LicenseNote, type StateRule } from "@/lib/licensing/license-note";

export function toPublicProfile(p: PublishedProfile) {
  const rules = new Map<string, StateRule>(p.stateRules.map((r) => [r.code, r]));
  const criteria = evaluateCriteria(p, rules.get(p.state));
  // As describeLicenses orders them (practice state first, a note for a missing practice-state
  // licence on top), each carrying its licence number so a patient can look it up.
  const home = rules.get(p.state);
  const sorted = [...p.licenses].sort((a, b) => Number(b.state === p.state) - Number(a.state === p.state));
  const licenseNotes: (LicenseNote & { number: string | null })[] = [
    ...(home && !p.licenses.some((l) => l.state === p.state) ? [{ ...describeMissingLicense(home), number: null }] : []),
    ...sorted.flatMap((l) => {
      const rule = rules.get(l.state);
      return rule ? [{ ...describeLicense(l, rule), number: l.number }] : [];
    }),
  ];
  return {
    slug: p.slug,
    displayName: p.displayName,
    practiceName: p.practiceName,
    bio: p.bio,
    isDemo: p.isDemo,
    contact: { phone: p.phone, email: p.email, website: p.website },
    location: {
      addressLine: p.addressLine,
      city: p.city,
      state: p.state,
      zip: p.zip,
      latitude: p.latitude,
      longitude: p.longitude,
      inClinic: p.inClinic,
      mobile: p.mobile,
    },
    acceptingNewClients: p.acceptingNewClients,
    yearsInPractice: p.yearsInPractice,
    modalities: p.modalities.map((m) => ({ slug: m.slug, name: m.name, summary: m.summary })),
    sciatica: { experience: p.sciaticaExperience, description: p.sciaticaDescription },
    licenses: p.licenses.map((l) => ({
      state: l.state,
      number: l.number,
      credentialTitle: l.credentialTitle,
      status: l.status,
      verifiedAt: l.verifiedAt?.toISOString() ?? null,
      source: l.source,
    })),
    licenseNotes,
    ncbtmb: { status: p.ncbtmbStatus, number: p.ncbtmbNumber, verifiedAt: p.ncbtmbVerifiedAt?.toISOString() ?? null },
    school: { name: p.schoolName, accredited: p.schoolAccredited },
    associations: p.associations,
    insurance: {
      acceptsInsurance: p.acceptsInsurance,
      plans: p.insurancePlans,
      offersSuperbills: p.offersSuperbills,
      acceptsHsaFsa: p.acceptsHsaFsa,
    },
    acceptsPhysicianReferrals: p.acceptsPhysicianReferrals,
    price: { per: "60-minute session", currency: "USD", min: p.priceMin, max: p.priceMax },
    hours: p.hours,
    languages: p.languages,
    accessibility: { wheelchairAccessible: p.wheelchairAccessible, notes: p.accessibilityNotes },
    criteria,
    updatedAt: p.updatedAt.toISOString(),
  };
}

export type PublicProfile = ReturnType<typeof toPublicProfile>;
