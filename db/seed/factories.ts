// The one factory of therapist and licence rows, shared by the demo generator (which fills
// every field from its seeded random choices) and the tests (which spell out only what a test
// cares about). Whatever a caller leaves out is fictional and labelled so: is_demo, a
// "Testville" address at ZIP 10001's centroid, licence numbers starting DEMO-.
import type { NewLicense, NewTherapist } from "../schema";

export type TherapistRow = NewTherapist & { id: string };
export type LicenseRow = NewLicense & { id: string; therapistId: string };

let sequence = 0;

/** A therapist row: `overrides` win; an id is made when none is given. */
export function buildTherapist(overrides: Partial<NewTherapist> = {}): TherapistRow {
  sequence += 1;
  const id = overrides.id ?? crypto.randomUUID();
  return {
    id,
    slug: `test-therapist-${sequence}-${id.slice(0, 8)}`,
    displayName: `Test Therapist ${sequence}`,
    city: "Testville",
    state: "NY",
    zip: "10001",
    latitude: 40.7484,
    longitude: -73.9967,
    published: true,
    isDemo: true,
    ...overrides,
  };
}

/** A licence of `therapist`, in its state unless `overrides` say otherwise; unchecked by default. */
export function buildLicense(therapist: { id: string; state?: string | null }, overrides: Partial<NewLicense> = {}): LicenseRow {
  sequence += 1;
  const state = overrides.state ?? therapist.state ?? "NY";
  return {
    id: overrides.id ?? crypto.randomUUID(),
    therapistId: therapist.id,
    state,
    number: `DEMO-${state}-T${String(sequence).padStart(6, "0")}`,
    credentialTitle: "LMT",
    status: "unknown",
    verifiedAt: null,
    source: "self-reported",
    ...overrides,
  };
}

/** What a demo check's source says: fictional, as demo licence checks are. */
export const DEMO_CHECK_SOURCE = {
  school: "Demo data: a fictional check against the accreditor's list",
  associations: "Demo data: a fictional check against the association's member directory",
} as const;

/**
 * Demo checks of the school's accreditation and association membership, from two numbers in
 * [0, 1): about half of the accredited schools and of the memberships checked, a few could not
 * be confirmed, the rest self-reported. Labelled fictional.
 */
export function demoCredentialChecks(
  draws: { school: number; associations: number },
  stated: { schoolAccredited: boolean; associations: readonly string[] },
  checkedAt: Date,
): Partial<NewTherapist> {
  // Every key, always: bulk inserts take their columns from the rows, and a column one row
  // leaves out would be written as null in the others.
  const out: Partial<NewTherapist> = {
    schoolCheck: "self_reported",
    schoolCheckedAt: null,
    schoolCheckSource: null,
    associationsCheck: "self_reported",
    associationsCheckedAt: null,
    associationsCheckSource: null,
  };
  if (stated.schoolAccredited && draws.school < 0.55) {
    out.schoolCheck = draws.school < 0.5 ? "checked" : "unconfirmed";
    out.schoolCheckedAt = checkedAt;
    out.schoolCheckSource = DEMO_CHECK_SOURCE.school;
  }
  if (stated.associations.length && draws.associations < 0.5) {
    out.associationsCheck = draws.associations < 0.45 ? "checked" : "unconfirmed";
    out.associationsCheckedAt = checkedAt;
    out.associationsCheckSource = DEMO_CHECK_SOURCE.associations;
  }
  return out;
}

/** The therapist_modalities rows for therapists' modality_slugs. */
export function modalityLinks(rows: readonly { id: string; modalitySlugs?: string[] | null }[]) {
  return rows.flatMap((t) => (t.modalitySlugs ?? []).map((modalitySlug) => ({ therapistId: t.id, modalitySlug })));
}
