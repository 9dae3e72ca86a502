import "server-only";
// The browser tests' own endpoints (/api/e2e/*) exist only when E2E_TEST_LOGIN_SECRET was set at
// start-up (never together with SMTP, see lib/env.ts) and answer only to that secret.
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

const digest = (s: string) => createHash("sha256").update(s).digest();

export function e2eSecretMatches(request: Request): boolean {
  const secret = env().E2E_TEST_LOGIN_SECRET;
  if (!secret) return false;
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(given), digest(secret));
}
