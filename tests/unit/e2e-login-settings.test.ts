// The browser tests' login route can only be switched on in the demo outbox mode, where anyone
// can already sign in as anyone; with real e-mail it would be a back door, so start-up refuses.
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const secret = "x".repeat(40);

describe("E2E_TEST_LOGIN_SECRET", () => {
  it("is off unless set", () => {
    expect(parseEnv({}).E2E_TEST_LOGIN_SECRET).toBeUndefined();
  });

  it("is accepted in the demo outbox mode", () => {
    expect(parseEnv({ E2E_TEST_LOGIN_SECRET: secret }).E2E_TEST_LOGIN_SECRET).toBe(secret);
  });

  it("is refused when e-mail goes out by SMTP, naming the variable", () => {
    expect(() => parseEnv({ E2E_TEST_LOGIN_SECRET: secret, SMTP_HOST: "smtp.example.org", AUTH_SECRET: "y".repeat(40) })).toThrow(
      /E2E_TEST_LOGIN_SECRET: is for browser tests in the demo outbox mode only/,
    );
  });

  it("must be long enough to be a secret", () => {
    expect(() => parseEnv({ E2E_TEST_LOGIN_SECRET: "short" })).toThrow(/E2E_TEST_LOGIN_SECRET: must be at least 32 characters/);
  });
});
