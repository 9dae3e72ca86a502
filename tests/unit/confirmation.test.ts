// "Confirmed current by the therapist": the words and the 12-month rule, at a fixed "now".
import { describe, expect, it } from "vitest";
import { confirmationDue, confirmationWords } from "@/lib/therapists/confirmation";

const now = new Date("2026-12-01T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

describe("confirmed current", () => {
  it("is due when never confirmed or confirmed over 12 months ago", () => {
    expect(confirmationDue(null, now)).toBe(true);
    expect(confirmationDue(daysAgo(30), now)).toBe(false);
    expect(confirmationDue(daysAgo(364), now)).toBe(false);
    expect(confirmationDue(daysAgo(366), now)).toBe(true);
  });

  it("says when, and says plainly when it is over a year old", () => {
    expect(confirmationWords(null, now)).toBe("Not yet confirmed as current by the therapist.");
    expect(confirmationWords(daysAgo(30), now)).toBe("Confirmed current by the therapist on November 1, 2026.");
    expect(confirmationWords(daysAgo(400), now)).toMatch(/^Last confirmed as current by the therapist on October 27, 2025, over a year ago/);
  });
});
