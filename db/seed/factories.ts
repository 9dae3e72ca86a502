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

/** The therapist_modalities rows for therapists' modality_slugs. */
export function modalityLinks(rows: readonly { id: string; modalitySlugs?: string[] | null }[]) {
  return rows.flatMap((t) => (t.modalitySlugs ?? []).map((modalitySlug) => ({ therapistId: t.id, modalitySlug })));
}
