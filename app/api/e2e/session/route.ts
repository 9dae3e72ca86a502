// POST /api/e2e/session: browser tests only. Signs a test account in without the e-mail round
// trip and hands back the session cookie to set (tests/e2e/fixtures.ts). It exists only when
// E2E_TEST_LOGIN_SECRET was set at start-up (never together with SMTP, see lib/env.ts) and
// answers only to that secret; otherwise it is a 404 like any unknown address.
import { z } from "zod";
import { getDb } from "@/db/client";
import { createSessionForEmail } from "@/db/queries/accounts";
import { ApiError, withApiErrors } from "@/lib/api/errors";
import { secureCookiesEnabled, sessionCookieName } from "@/lib/auth/config";
import { e2eSecretMatches } from "@/lib/auth/e2e-secret";

export const dynamic = "force-dynamic";

const SESSION_SECONDS = 24 * 60 * 60;

const bodySchema = z.object({ email: z.email().max(254) });

export const POST = withApiErrors("POST /api/e2e/session", async (request: Request) => {
  if (!e2eSecretMatches(request)) throw new ApiError("not_found", "Not found.");
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    throw new ApiError("invalid_request", "Send {\"email\": \"...\"}.", { fields: { email: parsed.error.issues.map((i) => i.message) } });
  }
  const session = await createSessionForEmail(await getDb(), {
    email: parsed.data.email,
    expires: new Date(Date.now() + SESSION_SECONDS * 1000),
  });
  return Response.json(
    {
      cookie: {
        name: sessionCookieName(),
        value: session.sessionToken,
        expires: Math.floor(session.expires.getTime() / 1000),
        secure: secureCookiesEnabled(),
      },
    },
    { headers: { "cache-control": "no-store" } },
  );
});
