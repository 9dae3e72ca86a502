// The owner's e-mail after an administrator records a check: what was checked, the result, the
// note when there is one.
import { describe, expect, it } from "vitest";
import { credentialCheckedMessage } from "@/lib/email/listing-notices";

describe("credentialCheckedMessage", () => {
  const base = { displayName: "Ada Lee", what: "the NCBTMB certification (number 100)", result: "confirmed", against: "NCBTMB's certificant look-up", checkedOn: "2026-11-20" };

  it("says what was checked, against what, when, and the result, with the note", () => {
    const m = credentialCheckedMessage({ ...base, note: "Listed as active" });
    expect(m.subject).toBe("Therapist Finder: a credential on Ada Lee was checked");
    expect(m.paragraphs).toEqual([
      `An administrator checked the NCBTMB certification (number 100) on your listing "Ada Lee" on 2026-11-20, against NCBTMB's certificant look-up.`,
      "Result: confirmed.",
      "Note: Listed as active",
      "Your dashboard shows each credential's status and what to do next.",
    ]);
  });

  it("leaves the note out when the administrator wrote none", () => {
    const m = credentialCheckedMessage({ ...base, result: "could not be confirmed", note: "" });
    expect(m.paragraphs).toContain("Result: could not be confirmed.");
    expect(m.paragraphs.some((p) => p.startsWith("Note:"))).toBe(false);
  });
});
