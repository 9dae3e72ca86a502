// Which of a name search's trigrams a matching name must hold (db/queries/name-trigrams.ts);
// that the condition holds for every name pg_trgm finds similar is tested on the databases
// (tests/integration/name-trigrams.test.ts).
import { describe, expect, it } from "vitest";
import { requiredTrigrams, requiredTrigramsPattern } from "@/db/queries/name-trigrams";

describe("requiredTrigrams", () => {
  it("lists the unpadded trigrams when the padded ones alone cannot reach the threshold", () => {
    // quilstone: "  q", " qu", "ne " padded (3 of 10; 6 needed).
    expect(requiredTrigrams("Quilstone")).toEqual(["qui", "uil", "ils", "lst", "sto", "ton", "one"]);
    expect(requiredTrigramsPattern("juniper")).toBe("jun|uni|nip|ipe|per");
    // Two words: each word's own padded trigrams; duplicates once.
    expect(requiredTrigrams("bramble bramble")).toEqual(["bra", "ram", "amb", "mbl", "ble"]);
  });

  it("asks nothing when the padded trigrams alone could reach the threshold", () => {
    expect(requiredTrigrams("ab")).toBeNull(); // "  a", " ab", "ab ": no unpadded trigram
    expect(requiredTrigrams("anna")).toBeNull(); // 3 padded of 5: exactly 0.6
    expect(requiredTrigrams("mary ann")).toBeNull(); // 6 padded of 9
  });

  it("asks nothing of letters outside a to z and digits, whose word breaks pg_trgm decides by locale", () => {
    expect(requiredTrigrams("zoë")).toBeNull();
    expect(requiredTrigrams("o'neil")).toBeNull();
    expect(requiredTrigrams("smith-jones")).toBeNull();
  });
});
