// Modality pages claim sciatica relief only for the techniques the evidence in shared/DOMAIN.md
// covers (Swedish, deep tissue, myofascial release; medical massage as those in a treatment plan).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MODALITIES, SCIATICA_EVIDENCE_COVERED, sciaticaEvidenceNote } from "@/db/reference/modalities";

// Words that claim an effect on the body or on pain, not just describe what is done.
const RELIEF_CLAIM =
  /\brelie(f|ve[sd]?)\b|\beffective\b|\bimprove(s|ments?)?\b|\beases?\b|\brelax(es|ed|ing)?\b|\bloosen(s|ed|ing)?\b|\breduc(e|es|ed|ing)\b|\bsoothes?\b|\bheal(s|ing)?\b|\bbenefits?\b|\bhelps?\b|\bcures?\b|\bcontribute to pain\b/i;
const covered = new Set<string>(SCIATICA_EVIDENCE_COVERED);

describe("sciatica evidence on modality pages", () => {
  it("covers exactly Swedish, deep tissue, myofascial release and medical massage", () => {
    expect([...covered].sort()).toEqual(["deep-tissue", "medical-massage", "myofascial-release", "swedish"]);
    for (const slug of covered) expect(MODALITIES.some((m) => m.slug === slug), slug).toBe(true);
  });

  it("says what the evidence covers on every page", () => {
    for (const m of MODALITIES) expect(sciaticaEvidenceNote(m), m.slug).toMatch(/covers Swedish massage, deep tissue massage and myofascial release/);
  });

  it("claims no relief for a modality outside the covered ones, and says its evidence was not reviewed", () => {
    const others = MODALITIES.filter((m) => !covered.has(m.slug));
    expect(others.map((m) => m.slug)).toEqual(expect.arrayContaining(["reflexology", "craniosacral-therapy", "cupping", "hot-stone"]));
    for (const m of others) {
      const note = sciaticaEvidenceNote(m);
      expect(note, m.slug).toMatch(/not reviewed here/);
      for (const text of [note, m.summary, m.description, m.whatToExpect]) expect(text, m.slug).not.toMatch(RELIEF_CLAIM);
    }
  });

  it("catches effect wording, so the check above is not vacuous", () => {
    for (const claim of ["to warm and relax muscles", "lift and loosen tissue", "brings relief", "eases pain", "may help sciatica"]) {
      expect(claim).toMatch(RELIEF_CLAIM);
    }
    for (const plain of ["Pressure on a tender spot is held steadily", "Very light pressure; it should never hurt."]) expect(plain).not.toMatch(RELIEF_CLAIM);
  });

  it("adds no effect claim in the modality pages' own text (only the evidence note speaks of sciatica)", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) files.push(path);
      }
    };
    walk("app/modalities");
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const path of files) expect(readFileSync(path, "utf8"), path).not.toMatch(RELIEF_CLAIM);
  });

  it("keeps 'temporary relief, not a fix' for the covered techniques", () => {
    for (const m of MODALITIES.filter((x) => covered.has(x.slug))) {
      const note = sciaticaEvidenceNote(m);
      expect(note, m.slug).toMatch(/temporary relief from sciatica pain/);
      expect(note, m.slug).toMatch(/do(es)? not fix the underlying cause/);
    }
  });
});
