import "server-only";
// The contact form's minimum fill time without a cookie: the page hands out a signed timestamp
// (HMAC with the site's secret, bound to the listing), and a message sent sooner than
// MIN_FILL_MS after it, or with a forged or very old one, is refused and the form handed back
// with a fresh one. People take longer than this to write anything; scripts that post at once
// do not.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

import { MAX_FORM_AGE_MS, MIN_FILL_MS } from "./message-input";

export { MIN_FILL_MS };

const sign = (slug: string, issuedMs: number) => createHmac("sha256", env().authSecret).update(`contact-form:${slug}:${issuedMs}`).digest("base64url");

export function issueFormToken(slug: string, now: Date = new Date()): string {
  const ms = now.getTime();
  return `${ms}.${sign(slug, ms)}`;
}

export type TokenCheck = "ok" | "too_fast" | "expired" | "invalid";

export function checkFormToken(token: string, slug: string, now: Date = new Date()): TokenCheck {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return "invalid";
  const ms = Number(m[1]);
  const given = Buffer.from(m[2]!);
  const expected = Buffer.from(sign(slug, ms));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
  const age = now.getTime() - ms;
  if (age < MIN_FILL_MS) return "too_fast";
  if (age > MAX_FORM_AGE_MS) return "expired";
  return "ok";
}
