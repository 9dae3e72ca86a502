// The demo seed's fast COPY serialiser (db/seed/demo-copy.ts) must write exactly the text the
// generic path (db/bulk-insert.ts: copyText over the generated rows, as copyTherapists does)
// writes for the same indexes: same rows, same ids, same values, byte for byte.
import { describe, expect, it } from "vitest";
import { copyText, derivedTherapistColumns } from "@/db/bulk-insert";
import { loadStateLicensing } from "@/db/reference/state-licensing";
import { licenses, therapistModalities, therapists } from "@/db/schema";
import { demoCopyChunk, inThreadDemoCopySource } from "@/db/seed/demo-copy";
import { startDemoCopyWorkers } from "@/db/seed/demo-copy-workers";
import { DEFAULT_DEMO_SEED, generateTherapist } from "@/db/seed/demo-generator";

const states = new Map(loadStateLicensing().map((s) => [s.code, s]));

function generic(first: number, size: number, seed: string) {
  const items = Array.from({ length: size }, (_, i) => generateTherapist(first + i, { seed, states }));
  const t = copyText(therapists, items.map((item) => ({ ...item.therapist, ...derivedTherapistColumns(item) })));
  const l = copyText(licenses, items.flatMap((item) => item.licenses));
  const m = copyText(
    therapistModalities,
    items.flatMap((item) => item.therapist.modalitySlugs.map((modalitySlug) => ({ therapistId: item.therapist.id, modalitySlug }))),
  );
  return { t, l, m, ids: `{${items.map((item) => item.therapist.id).join(",")}}` };
}

describe("demo COPY serialiser", () => {
  it.each([
    [0, 3000, DEFAULT_DEMO_SEED],
    [987_654, 1500, DEFAULT_DEMO_SEED],
    [10_000, 1500, "bulk-load-test"],
  ])("writes the generic path's text byte for byte (indexes %i.. x%i, seed %s)", (first, size, seed) => {
    const fast = demoCopyChunk(first, size, seed);
    const ref = generic(first, size, seed);
    expect(fast.therapistColumns).toEqual(ref.t.columns);
    expect(fast.licenseColumns).toEqual(ref.l.columns);
    expect(ref.m.columns).toEqual(["therapist_id", "modality_slug"]);
    const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");
    expect(text(fast.therapists)).toBe(ref.t.text);
    expect(text(fast.licenses)).toBe(ref.l.text);
    expect(text(fast.links)).toBe(ref.m.text);
    expect(fast.ids).toBe(ref.ids);
    // The comparison covers real rows: every therapist, many licences and links, and the
    // columns the generator fills (derived ones included).
    expect(text(fast.therapists).split("\n")).toHaveLength(size + 1);
    expect(text(fast.licenses).split("\n").length).toBeGreaterThan(size / 2);
    expect(fast.therapistColumns).toEqual(expect.arrayContaining(["criteria_score", "home_license_checked", "modality_slugs", "approved_text"]));
  });

  it("makes the same chunks in worker threads and in this thread", async () => {
    const workers = await startDemoCopyWorkers(2, (reason) => {
      throw new Error(reason);
    });
    const inThread = inThreadDemoCopySource();
    try {
      const ranges = [[0, 2500], [2500, 1200], [500_000, 700]] as const;
      const [fromWorkers, here] = await Promise.all([
        Promise.all(ranges.map(([first, size]) => workers!.chunk(first, size, DEFAULT_DEMO_SEED))),
        Promise.all(ranges.map(([first, size]) => inThread.chunk(first, size, DEFAULT_DEMO_SEED))),
      ]);
      const asText = (c: (typeof here)[number]) => ({ ...c, therapists: Buffer.from(c.therapists).toString(), licenses: Buffer.from(c.licenses).toString(), links: Buffer.from(c.links).toString() });
      expect(fromWorkers.map(asText)).toEqual(here.map(asText));
      expect(here.map((c) => c.size)).toEqual([2500, 1200, 700]);
    } finally {
      await workers?.close();
      await inThread.close();
    }
  });
});
