// Absolute addresses are joined to the configured site origin (the origin itself is tested in
// tests/security/site-address.test.ts).
import { describe, expect, it } from "vitest";
import { absoluteUrl } from "@/lib/seo/site-origin";

describe("absoluteUrl", () => {
  it("joins paths to the origin", () => {
    expect(absoluteUrl("https://ok.example.org", "/therapists/a-b")).toBe("https://ok.example.org/therapists/a-b");
  });
});
