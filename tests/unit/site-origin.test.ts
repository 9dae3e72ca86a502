// The origin used for canonical addresses and the sitemap: from the request, never arbitrary text.
import { describe, expect, it } from "vitest";
import { absoluteUrl, originFromHeaders } from "@/lib/seo/site-origin";

const h = (values: Record<string, string>) => new Headers(values);

describe("originFromHeaders", () => {
  it("uses the Host header, http on localhost and https elsewhere", () => {
    expect(originFromHeaders(h({ host: "localhost:3102" }))).toBe("http://localhost:3102");
    expect(originFromHeaders(h({ host: "therapists.example.org" }))).toBe("https://therapists.example.org");
  });

  it("prefers a proxy's forwarded host and scheme (the first of a list)", () => {
    expect(originFromHeaders(h({ host: "10.0.0.5:3000", "x-forwarded-host": "find.example.org, proxy", "x-forwarded-proto": "https" }))).toBe(
      "https://find.example.org",
    );
  });

  it("ignores a host that is not a plain host name", () => {
    expect(originFromHeaders(h({ "x-forwarded-host": "evil.example/<script>", host: "ok.example.org" }))).toBe("https://ok.example.org");
    expect(originFromHeaders(h({ host: "a b" }))).toBe("http://localhost:3000");
    expect(originFromHeaders(h({ host: "ok.example.org", "x-forwarded-proto": "javascript" }))).toBe("https://ok.example.org");
  });

  it("joins paths to the origin", () => {
    expect(absoluteUrl("https://ok.example.org", "/therapists/a-b")).toBe("https://ok.example.org/therapists/a-b");
  });
});
