import { describe, expect, it } from "vitest";
import { loadStateLicensing } from "@/db/reference/state-licensing";
import { generateTherapist } from "@/db/seed/demo-generator";
import { STATE_POPULATION_THOUSANDS } from "@/lib/geo/state-population";
import { lookupZip } from "@/lib/geo/zip";

const states = new Map(loadStateLicensing().map((s) => [s.code, s]));

describe("demo generator", () => {
  const sample = Array.from({ length: 2500 }, (_, i) => generateTherapist(i, { states }));

  it("is deterministic: the same index gives the same therapist", () => {
    expect(generateTherapist(1234, { states })).toEqual(sample[1234]);
    expect(generateTherapist(1234, { states, seed: "other" }).therapist.slug).not.toBe(sample[1234]!.therapist.slug);
  });

  it("gives ids that ascend with the index (so bulk loads append to the keys' indexes), unique, valid and sampled 1 in 16", () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const ids = sample.flatMap((s) => [s.therapist.id, ...s.licenses.map((l) => l.id)]);
    for (const id of ids) expect(id).toMatch(uuid);
    expect(new Set(ids).size).toBe(ids.length);
    const therapistIds = sample.map((s) => s.therapist.id);
    expect([...therapistIds].sort()).toEqual(therapistIds);
    expect(generateTherapist(2 ** 40, { states }).therapist.id.slice(0, 13)).toBe("01000000-0000");
    // The search's sample (SAMPLE_PREDICATE) reads the id's last byte: still a draw.
    const sampled = therapistIds.filter((id) => (parseInt(id.slice(-2), 16) & 15) === 0).length;
    expect(sampled).toBeGreaterThan(sample.length / 16 - 4 * Math.sqrt(sample.length / 16));
    expect(sampled).toBeLessThan(sample.length / 16 + 4 * Math.sqrt(sample.length / 16));
  });

  it("places therapists at real ZIP centroids in at least 45 states, roughly by population", () => {
    for (const { therapist: t } of sample.slice(0, 300)) {
      const zip = lookupZip(t.zip);
      expect(zip).toBeDefined();
      expect([zip!.state, zip!.latitude, zip!.longitude]).toEqual([t.state, t.latitude, t.longitude]);
    }
    const byState = new Map<string, number>();
    for (const { therapist: t } of sample) byState.set(t.state, (byState.get(t.state) ?? 0) + 1);
    expect(byState.size).toBeGreaterThanOrEqual(45);
    // California (the most populous state) gets several times Wyoming's share.
    expect(byState.get("CA")!).toBeGreaterThan(10 * (byState.get("WY") ?? 0));
    const caShare = byState.get("CA")! / sample.length;
    const caPopulation = STATE_POPULATION_THOUSANDS.CA! / Object.values(STATE_POPULATION_THOUSANDS).reduce((a, b) => a + b);
    expect(Math.abs(caShare - caPopulation)).toBeLessThan(0.03);
  });

  it("has unique slugs and obviously fictional contact details", () => {
    expect(new Set(sample.map((s) => s.therapist.slug)).size).toBe(sample.length);
    for (const { therapist: t } of sample) {
      expect(t.phone).toMatch(/^\(\d{3}\) 555-01\d{2}$/);
      expect(t.email).toMatch(/^[a-z.]+@example\.(com|org|net)$/);
      expect(t.schoolName).toMatch(/\(fictional\)$/);
      expect(t.isDemo).toBe(true);
    }
  });

  it("has a realistic mix of the selection criteria", () => {
    const share = (f: (s: (typeof sample)[number]) => boolean) => sample.filter(f).length / sample.length;
    const between = (v: number, lo: number, hi: number) => expect(v >= lo && v <= hi, `${v} not in [${lo}, ${hi}]`).toBe(true);
    between(share((s) => s.therapist.modalitySlugs.includes("deep-tissue")), 0.55, 0.8);
    between(share((s) => ["deep-tissue", "myofascial-release", "swedish"].every((m) => s.therapist.modalitySlugs.includes(m))), 0.1, 0.35);
    between(share((s) => s.therapist.sciaticaExperience === "extensive"), 0.12, 0.28);
    between(share((s) => s.therapist.ncbtmbStatus === "verified" || s.therapist.ncbtmbStatus === "self_reported"), 0.12, 0.28);
    between(share((s) => s.therapist.acceptsInsurance!), 0.15, 0.35);
    between(share((s) => s.therapist.schoolAccredited!), 0.45, 0.65);
    between(share((s) => (s.therapist.associations ?? []).length > 0), 0.45, 0.75);
    between(share((s) => s.licenses.length > 0), 0.8, 0.99);
  });

  it("gives licences only where the state's rule has them, with the state's own titles", () => {
    for (const { therapist: t, licenses } of sample) {
      const rule = states.get(t.state)!;
      if (rule.regulation === "none") expect(licenses).toEqual([]);
      for (const l of licenses) {
        expect(l.state).toBe(t.state);
        expect(rule.credentialTitles).toContain(l.credentialTitle);
      }
    }
  });
});
