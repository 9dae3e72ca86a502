// Sign-in settings (lib/env.ts) and the Content-Security-Policy builder.
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { contentSecurityPolicy } from "@/lib/security/headers";

describe("sign-in settings", () => {
  it("with nothing set (the demo): outbox mode, a derived demo secret, the demo administrator", () => {
    const e = parseEnv({ NODE_ENV: "production" });
    expect(e.devOutbox).toBe(true);
    expect(e.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(parseEnv({ NODE_ENV: "production" }).authSecret).toBe(e.authSecret);
    expect(parseEnv({ NODE_ENV: "production", PGLITE_DATA_DIR: "/elsewhere" }).authSecret).not.toBe(e.authSecret);
    expect(e.ADMIN_EMAILS).toEqual(["admin@example.org"]);
  });

  it("with SMTP: no outbox, AUTH_SECRET required, ADMIN_EMAILS as given", () => {
    expect(() => parseEnv({ NODE_ENV: "production", SMTP_HOST: "smtp.example.org" })).toThrow(/AUTH_SECRET: is required/);
    const e = parseEnv({ SMTP_HOST: "smtp.example.org", SITE_URL: "https://therapists.example.org", AUTH_SECRET: "x".repeat(40), ADMIN_EMAILS: " A@Example.org, b@example.org " });
    expect(e.devOutbox).toBe(false);
    expect(e.authSecret).toBe("x".repeat(40));
    expect(e.ADMIN_EMAILS).toEqual(["a@example.org", "b@example.org"]);
  });

  it("refuses bad combinations, naming the variable", () => {
    expect(() => parseEnv({ SMTP_HOST: "smtp.example.org", AUTH_SECRET: "x".repeat(40), DEV_OUTBOX: "true" })).toThrow(/DEV_OUTBOX: cannot be on/);
    expect(() => parseEnv({ DEV_OUTBOX: "false", AUTH_SECRET: "x".repeat(40) })).toThrow(/SMTP_HOST: is required/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32/);
    expect(() => parseEnv({ ADMIN_EMAILS: "not-an-email" })).toThrow(/ADMIN_EMAILS/);
    expect(() => parseEnv({ AUTH_GITHUB_ID: "id" })).toThrow(/AUTH_GITHUB_SECRET/);
    expect(() => parseEnv({ SMTP_PORT: "99999" })).toThrow(/SMTP_PORT/);
  });
});

describe("content security policy", () => {
  it("allows scripts only by nonce in production, never unsafe-inline, and no framing", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", dev: false });
    const scriptSrc = /script-src ([^;]*)/.exec(csp)![1]!;
    expect(scriptSrc).toBe("'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy({ nonce: "abc", dev: true })).toContain("'unsafe-eval'");
  });
});
