// Finding 1 (issue 12): every absolute address, sign-in e-mails first, comes from one configured
// site address; with SMTP the app refuses to start without it. The e-mail test goes through a
// real SMTP server: a link handed over with another host arrives on the site's host only.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";

const SECRET = "s".repeat(40);

describe("the site address setting", () => {
  it("is required whenever e-mail goes out by SMTP, and the message names it", () => {
    expect(() => parseEnv({ SMTP_HOST: "smtp.example.org", AUTH_SECRET: SECRET })).toThrow(/SITE_URL: is required when e-mail is delivered by SMTP/);
    expect(parseEnv({ SMTP_HOST: "smtp.example.org", AUTH_SECRET: SECRET, SITE_URL: "https://find.example.org" }).siteOrigin).toBe("https://find.example.org");
    // next-auth's own AUTH_URL is read as the same setting.
    expect(parseEnv({ SMTP_HOST: "smtp.example.org", AUTH_SECRET: SECRET, AUTH_URL: "https://find.example.org/" }).siteOrigin).toBe("https://find.example.org");
  });

  it("defaults to http://localhost:PORT in the demo outbox mode", () => {
    expect(parseEnv({}).siteOrigin).toBe("http://localhost:3000");
    expect(parseEnv({ PORT: "4100" }).siteOrigin).toBe("http://localhost:4100");
  });

  it("is an origin only, http or https, and agrees with AUTH_URL when both are set", () => {
    expect(() => parseEnv({ SITE_URL: "https://find.example.org/app" })).toThrow(/SITE_URL: must be the site's origin only/);
    expect(() => parseEnv({ SITE_URL: "javascript:alert(1)" })).toThrow(/SITE_URL/);
    expect(() => parseEnv({ SITE_URL: "https://a.example.org", AUTH_URL: "https://b.example.org" })).toThrow(/AUTH_URL: must be unset or the same/);
  });

  it("trusts no proxy unless told how many, and redirects other hosts only in the demo by default", () => {
    expect(parseEnv({}).TRUST_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUST_PROXY_HOPS: "2" }).TRUST_PROXY_HOPS).toBe(2);
    expect(() => parseEnv({ TRUST_PROXY_HOPS: "-1" })).toThrow(/TRUST_PROXY_HOPS/);
    expect(parseEnv({}).redirectToSite).toBe(true);
    expect(parseEnv({ SMTP_HOST: "smtp.example.org", AUTH_SECRET: SECRET, SITE_URL: "https://find.example.org" }).redirectToSite).toBe(false);
    expect(parseEnv({ REDIRECT_TO_SITE_URL: "false" }).redirectToSite).toBe(false);
  });
});

describe("the sign-in e-mail, sent through a real SMTP server", () => {
  let sink: SmtpSink;
  const saved = { ...process.env };
  // The per-mailbox allowance is counted in the app's database: a fresh embedded one.
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "tf-security-mail-"));

  beforeAll(async () => {
    sink = await startSmtpSink();
    Object.assign(process.env, {
      DATABASE_URL: "",
      PGLITE_DATA_DIR: path.join(dataRoot, "db"),
      SEED_DEMO: "false",
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(sink.port),
      SMTP_SECURE: "false",
      SITE_URL: "https://find.example.org",
      AUTH_SECRET: SECRET,
      DEV_OUTBOX: "false",
    });
    // Opened (and migrated) here, under the hook's longer timeout.
    const { getDb } = await import("@/db/client");
    await getDb();
  });

  afterAll(async () => {
    const { getDatabase } = await import("@/db/client");
    await (await getDatabase()).close();
    process.env = saved;
    await sink?.close();
    fs.rmSync(dataRoot, { recursive: true, force: true });
  });

  it("links to the configured site whatever host the link was built on", async () => {
    const { sendSignInLink } = await import("@/lib/auth/sign-in-email");
    await sendSignInLink({
      to: "victim@example.org",
      url: "https://evil.example/api/auth/callback/email?callbackUrl=%2Fdashboard&token=abc123&email=victim%40example.org",
    });
    expect(sink.messages).toHaveLength(1);
    const mail = sink.messages[0]!;
    expect(mail.to).toEqual(["victim@example.org"]);
    const unfolded = mail.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
    expect(unfolded).toContain("https://find.example.org/api/auth/callback/email?callbackUrl=%2Fdashboard&token=abc123&email=victim%40example.org");
    expect(unfolded).not.toContain("evil.example");
  });

  it("sends at most three links per mailbox in a window, plus tags and Gmail dots folded, and never says so", async () => {
    const { sendSignInLink } = await import("@/lib/auth/sign-in-email");
    const before = sink.messages.length;
    const spellings = ["Ann.Lee@gmail.com", "annlee+1@gmail.com", "a.n.n.l.e.e@googlemail.com", "annlee+x@gmail.com", "ANNLEE@gmail.com"];
    for (const to of spellings) {
      // Resolves the same way whether it sent or not: the caller's answer cannot differ.
      await expect(sendSignInLink({ to, url: "http://localhost:3000/api/auth/callback/email?token=t" })).resolves.toBeUndefined();
    }
    expect(sink.messages.length - before).toBe(3);
  });
});
