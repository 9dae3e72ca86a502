// The search's filter bits (db/schema.ts): one distinct bit per yes/no filter and per modality,
// all inside a PostgreSQL integer (31 bits, the sign left alone).
import { describe, expect, it } from "vitest";
import { MODALITIES } from "@/db/reference/modalities";
import { FILTER_BITS, filterBit, MODALITY_BITS, type FilterBit } from "@/db/schema";

const isPowerOfTwoUnder31 = (n: number) => Number.isInteger(Math.log2(n)) && n >= 1 && n < 2 ** 31;

describe("search filter bits", () => {
  it("gives every yes/no filter its own bit", () => {
    const bits = (Object.keys(FILTER_BITS) as FilterBit[]).map(filterBit);
    expect(bits.every(isPowerOfTwoUnder31)).toBe(true);
    expect(new Set(bits).size).toBe(bits.length);
  });

  it("gives every modality of the vocabulary its own bit, in the vocabulary's order", () => {
    expect([...MODALITY_BITS.keys()]).toEqual(MODALITIES.map((m) => m.slug));
    const bits = [...MODALITY_BITS.values()];
    expect(bits.every(isPowerOfTwoUnder31)).toBe(true);
    expect(bits).toEqual(MODALITIES.map((_, i) => 2 ** i));
  });
});
