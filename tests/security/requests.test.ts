// Findings 2, 4 and 5 (issue 12), below the browser: the client's address under the proxy rule
// (and the start-up hook that records the TCP peer on a real HTTP server), mailbox folding for
// per-mailbox limits, redirect targets, the raw-argument checks every server action runs, and
// the shared schemas refusing control characters and impossible dates.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { checkActionArgs, MAX_FIELD_CHARS } from "@/lib/actions/raw-input";
import { mailboxKey } from "@/lib/email/mailbox";
import { checkActionRequest } from "@/lib/security/action-request";
import { clientAddress, PEER_ADDRESS_HEADER } from "@/lib/security/client-address";
import { sameOriginPath } from "@/lib/security/safe-redirect";
import { licenseCheckSchema, profileSchema, signInSchema } from "@/lib/validation/therapist-profile";

const h = (values: Record<string, string>) => new Headers(values);

describe("the client's address", () => {
  it("with no trusted proxy, is the TCP peer; a client's X-Forwarded-For counts for nothing", () => {
    const forged = h({ "x-forwarded-for": "203.0.113.9", [PEER_ADDRESS_HEADER]: "198.51.100.7" });
    expect(clientAddress(forged, { trustProxyHops: 0, peerHookInstalled: true })).toBe("198.51.100.7");
    for (let i = 0; i < 20; i++) {
      expect(clientAddress(h({ "x-forwarded-for": `10.0.0.${i}`, [PEER_ADDRESS_HEADER]: "::ffff:198.51.100.7" }), { trustProxyHops: 0, peerHookInstalled: true })).toBe("198.51.100.7");
    }
  });

  it("with N trusted proxies, is the entry our outermost proxy added, whatever the client prepended", () => {
    const viaOne = h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9", [PEER_ADDRESS_HEADER]: "10.0.0.2" });
    expect(clientAddress(viaOne, { trustProxyHops: 1, peerHookInstalled: true })).toBe("203.0.113.9");
    const viaTwo = h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.3", [PEER_ADDRESS_HEADER]: "10.0.0.2" });
    expect(clientAddress(viaTwo, { trustProxyHops: 2, peerHookInstalled: true })).toBe("203.0.113.9");
    expect(clientAddress(h({ "x-forwarded-for": "not an address" }), { trustProxyHops: 1, peerHookInstalled: true })).toBe("unknown");
  });

  it("ignores the peer header when the hook is not installed (a client could have sent it)", () => {
    const forged = h({ [PEER_ADDRESS_HEADER]: "1.1.1.1", "x-forwarded-for": "127.0.0.1" });
    expect(clientAddress(forged, { trustProxyHops: 0, peerHookInstalled: false })).toBe("127.0.0.1");
  });

  it("the start-up hook overwrites a forged peer header with the real TCP peer", async () => {
    await import("@/lib/security/peer-address-hook.mjs");
    const server = http.createServer((req, res) => {
      res.end(JSON.stringify({ peer: req.headers[PEER_ADDRESS_HEADER], forwarded: req.headers["x-forwarded-for"] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" } });
      const seen = (await res.json()) as { peer: string; forwarded: string };
      expect(seen.peer.replace(/^::ffff:/, "")).toBe("127.0.0.1");
      const headers = new Headers({ [PEER_ADDRESS_HEADER]: seen.peer, "x-forwarded-for": seen.forwarded });
      expect(clientAddress(headers, { trustProxyHops: 0, peerHookInstalled: true })).toBe("127.0.0.1");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("mailbox folding for per-mailbox limits", () => {
  it("folds case and plus tags everywhere, and dots at Gmail", () => {
    expect(mailboxKey("Victim+1@Example.org")).toBe("victim@example.org");
    expect(mailboxKey("victim+a+b@example.org")).toBe("victim@example.org");
    expect(mailboxKey("Ann.Lee+x@GoogleMail.com")).toBe("annlee@gmail.com");
    expect(mailboxKey("a.n.n.lee@gmail.com")).toBe("annlee@gmail.com");
    // Dots are significant elsewhere.
    expect(mailboxKey("ann.lee@example.org")).toBe("ann.lee@example.org");
  });
});

describe("redirect targets", () => {
  const site = "http://localhost:3000";
  it("stay on the site after parsing as a URL", () => {
    for (const raw of ["/\t/evil.example/", "\t//evil.example", "/\\evil.example", "//evil.example", "https://evil.example/", "/\n/evil.example", "javascript:alert(1)", "http://localhost:3001/x", "https://localhost:3000/x", "/.//evil.example"]) {
      expect(sameOriginPath(raw, site), JSON.stringify(raw)).toBe("/dashboard");
    }
  });

  it("keep same-site paths, encoded so that no header can break", () => {
    expect(sameOriginPath("/dashboard/listings/1?saved=1#top", site)).toBe("/dashboard/listings/1?saved=1#top");
    expect(sameOriginPath("http://localhost:3000/admin", site)).toBe("/admin");
    expect(sameOriginPath("/a\r\nSet-Cookie: x=1", site)).toBe("/aSet-Cookie:%20x=1");
    expect(sameOriginPath("/café", site)).toBe("/caf%C3%A9");
    expect(sameOriginPath(undefined, site)).toBe("/dashboard");
    expect(sameOriginPath(["/a"], site)).toBe("/dashboard");
  });
});

describe("raw server-action arguments", () => {
  const form = (entries: Record<string, string | Blob>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(entries)) f.append(k, v);
    return f;
  };

  it("accepts (form) and (previous state, form)", () => {
    expect(checkActionArgs([form({ email: "a@example.org" })]).ok).toBe(true);
    expect(checkActionArgs([{ ok: null, values: {} }, form({ email: "a@example.org" })]).ok).toBe(true);
  });

  it("refuses wrong types, files and oversized text", () => {
    expect(checkActionArgs([]).ok).toBe(false);
    expect(checkActionArgs(["x"]).ok).toBe(false);
    expect(checkActionArgs([1, { a: 2 }]).ok).toBe(false);
    expect(checkActionArgs([{ ok: null }, "not a form"]).ok).toBe(false);
    expect(checkActionArgs([[], form({})]).ok).toBe(false);
    expect(checkActionArgs([form({ file: new Blob(["x"]) })]).ok).toBe(false);
    expect(checkActionArgs([form({ bio: "a".repeat(MAX_FIELD_CHARS + 1) })]).ok).toBe(false);
  });
});

describe("server-action posts before Next.js reads them", () => {
  const site = "http://localhost:3000";
  const post = (headers: Record<string, string>, body: string) => new Request(`${site}/signin`, { method: "POST", headers: { "next-action": "abc", ...headers }, body });
  const multipart = (boundary: string) => `--${boundary}\r\nContent-Disposition: form-data; name="email"\r\n\r\na@example.org\r\n--${boundary}--\r\n`;

  it("refuses an Origin that differs in scheme, host or port", async () => {
    for (const origin of ["https://localhost:3000", "http://localhost:3001", "http://evil.example", "null"]) {
      expect((await checkActionRequest(post({ origin, "content-type": "multipart/form-data; boundary=b" }, multipart("b")), site))?.status, origin).toBe(403);
    }
    expect(await checkActionRequest(post({ origin: site, "content-type": "multipart/form-data; boundary=b" }, multipart("b")), site)).toBeNull();
  });

  it("answers 400 for a broken multipart body or a non-form body, and 413 above 1 MB", async () => {
    expect((await checkActionRequest(post({ "content-type": "multipart/form-data; boundary=b" }, "--b\r\nbroken"), site))?.status).toBe(400);
    expect((await checkActionRequest(post({ "content-type": "text/plain;charset=UTF-8" }, "{not json"), site))?.status).toBe(400);
    const big = multipart("b").replace("a@example.org", "a".repeat(3 * 1024 * 1024));
    expect((await checkActionRequest(post({ "content-type": "multipart/form-data; boundary=b" }, big), site))?.status).toBe(413);
  });
});

describe("the shared schemas refuse what the database cannot store", () => {
  const base = {
    displayName: "Ada Test", practiceName: "", bio: "", phone: "", email: "", website: "", addressLine: "", zip: "10001", hours: "",
    inClinic: true, mobile: false, acceptingNewClients: true, yearsInPractice: "", sciaticaExperience: "none", sciaticaDescription: "",
    acceptsPhysicianReferrals: false, acceptsInsurance: false, insurancePlans: "", offersSuperbills: false, acceptsHsaFsa: false,
    priceMin: "", priceMax: "", languages: "", wheelchairAccessible: false, accessibilityNotes: "", schoolName: "", schoolAccredited: false,
    associations: "", ncbtmbStatus: "not_certified", ncbtmbNumber: "", modalitySlugs: [], licenses: [],
  } as const;

  it("a NUL or other control character in any text field of a listing is a field error", () => {
    expect(profileSchema.safeParse(base).success).toBe(true);
    const textFields = ["displayName", "practiceName", "bio", "phone", "email", "website", "addressLine", "hours", "sciaticaDescription", "insurancePlans", "languages", "accessibilityNotes", "schoolName", "associations", "ncbtmbNumber"] as const;
    for (const field of textFields) {
      const parsed = profileSchema.safeParse({ ...base, [field]: `Ada\u0000 Test` });
      expect(parsed.success, field).toBe(false);
      expect(parsed.error!.issues.some((i) => i.path[0] === field), field).toBe(true);
    }
    const licence = profileSchema.safeParse({ ...base, licenses: [{ state: "NY", number: "A\u00001", credentialTitle: "LMT\u0007" }] });
    expect(licence.success).toBe(false);
    // Tabs and newlines are ordinary text.
    expect(profileSchema.safeParse({ ...base, bio: "Line one\nLine two\twith a tab" }).success).toBe(true);
  });

  it("a 3 MB bio is a field error, not a crash", () => {
    const parsed = profileSchema.safeParse({ ...base, bio: "a".repeat(3 * 1024 * 1024) });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(["bio"]);
  });

  it("an administrator's licence check refuses control characters and impossible dates", () => {
    const ok = { licenseId: "00000000-0000-4000-8000-000000000000", status: "active", note: "Board look-up", checkedOn: "2026-01-15" };
    expect(licenseCheckSchema.safeParse(ok).success).toBe(true);
    expect(licenseCheckSchema.safeParse({ ...ok, note: "x\u0000y" }).success).toBe(false);
    expect(licenseCheckSchema.safeParse({ ...ok, note: "<script>alert(1)</script>'; drop table licenses; --" }).success).toBe(true);
    for (const checkedOn of ["2026-02-31", "0000-01-01", "9999-12-31", "2026-13-01"]) {
      expect(licenseCheckSchema.safeParse({ ...ok, checkedOn }).success, checkedOn).toBe(false);
    }
  });

  it("a sign-in address with control characters is refused", () => {
    expect(signInSchema.safeParse({ email: "a\u0000@example.org" }).success).toBe(false);
  });
});
