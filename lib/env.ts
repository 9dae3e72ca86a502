// The one place that reads process.env: every variable the app uses, parsed once with zod.
// A bad value fails at start with a message naming the variable.
import { createHash } from "node:crypto";
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const DEMO_ADMIN_EMAIL = "admin@example.org";

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

// An origin only (scheme, host, port): a path would move next-auth's routes.
const siteUrl = optionalString.pipe(
  z
    .url({ protocol: /^https?$/, message: "must be an http:// or https:// address, for example https://therapists.example.org" })
    .refine((v) => {
      const u = new URL(v);
      return (u.pathname === "/" || u.pathname === "") && !u.search && !u.hash && !u.username && !u.password;
    }, "must be the site's origin only (scheme, host and port), without a path")
    .optional(),
);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Unset: the embedded PGlite database under PGLITE_DATA_DIR. Set: PostgreSQL 15+.
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
        .optional(),
    ),
  PGLITE_DATA_DIR: z.string().trim().min(1).default("./data/pglite"),
  // Embedded database under load: each statement waits its turn at most this long, and at most
  // this many wait at once; past either, the request is answered 503 with Retry-After.
  PGLITE_QUEUE_WAIT_MS: z.coerce.number().int().min(1).max(600_000).default(8000),
  PGLITE_QUEUE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(1000),
  // Seed fictional demo therapists the first time the app starts on an empty database.
  SEED_DEMO: booleanFlag,
  DEMO_COUNT: z.coerce.number().int().min(0).max(1_000_000).default(2500),
  // Largest number of PostgreSQL connections per app process.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),

  // --- The site's address and the proxies in front of it (docs/decisions/0005) ---
  // The one public address every absolute link is built from (sign-in e-mails, sitemap,
  // canonical, JSON-LD, redirects); never the request's Host / X-Forwarded-Host. Required
  // with SMTP; the demo outbox mode defaults to http://localhost:PORT. AUTH_URL is read as
  // the same setting when SITE_URL is unset.
  SITE_URL: siteUrl,
  AUTH_URL: siteUrl,
  // How many reverse proxies in front of the app add to X-Forwarded-For. 0: none, the client
  // is the TCP peer and X-Forwarded-For is the client's own (forgeable) text.
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // Answer a GET whose Host is not the site's with a redirect to the site address (before
  // sign-in, so cookies land on one host). Default: on in the demo outbox mode.
  REDIRECT_TO_SITE_URL: z.enum(["true", "false", "1", "0", "yes", "no", ""]).optional(),

  // --- Sign-in (next-auth v5) ---
  // Signs session and e-mail tokens. Required unless the demo outbox mode is on (see below).
  AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters (try `openssl rand -base64 33`)").optional()),
  AUTH_TRUST_HOST: booleanFlag,
  // Real e-mail delivery of sign-in links. Unset SMTP_HOST: the demo outbox mode.
  SMTP_HOST: optionalString,
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_USER: optionalString,
  SMTP_PASSWORD: optionalString,
  // true: TLS from the first byte (port 465); false: STARTTLS when the server offers it.
  SMTP_SECURE: booleanFlag,
  EMAIL_FROM: z.string().trim().min(3).default("Therapist Finder <no-reply@localhost>"),
  // Demo outbox: sign-in links go to the server log and /dev/outbox instead of e-mail.
  // Default: on when SMTP_HOST is unset; it can never be on together with SMTP.
  DEV_OUTBOX: z.enum(["true", "false", "1", "0", "yes", "no", ""]).optional(),
  // Comma-separated e-mail addresses that are administrators when they sign in.
  ADMIN_EMAILS: z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.email("must be a comma-separated list of e-mail addresses"))),
  // Optional OAuth providers: each is switched on when both of its variables are set.
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  AUTH_GOOGLE_ID: optionalString,
  AUTH_GOOGLE_SECRET: optionalString,

  // Browser tests only: with this set at start-up, POST /api/e2e/session signs a test account
  // in when shown the secret (tests/e2e/fixtures.ts). Demo outbox mode only (see below).
  E2E_TEST_LOGIN_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
});

const settings = schema
  .superRefine((e, ctx) => {
    const outbox = e.DEV_OUTBOX === undefined || e.DEV_OUTBOX === "" ? !e.SMTP_HOST : ["true", "1", "yes"].includes(e.DEV_OUTBOX);
    if (outbox && e.SMTP_HOST)
      ctx.addIssue({ code: "custom", path: ["DEV_OUTBOX"], message: "cannot be on when SMTP_HOST is set (sign-in links would be shown to anyone)" });
    if (!outbox && !e.SMTP_HOST)
      ctx.addIssue({ code: "custom", path: ["SMTP_HOST"], message: "is required when DEV_OUTBOX is off: sign-in links must be delivered somehow" });
    if (!outbox && !e.SITE_URL && !e.AUTH_URL)
      ctx.addIssue({ code: "custom", path: ["SITE_URL"], message: "is required when e-mail is delivered by SMTP: sign-in links are built from it, never from request headers (for example SITE_URL=https://therapists.example.org)" });
    if (e.SITE_URL && e.AUTH_URL && new URL(e.SITE_URL).origin !== new URL(e.AUTH_URL).origin)
      ctx.addIssue({ code: "custom", path: ["AUTH_URL"], message: "must be unset or the same address as SITE_URL" });
    if (!outbox && !e.AUTH_SECRET)
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required when e-mail is delivered by SMTP (only the demo outbox mode derives one)" });
    // The outbox already lets anyone sign in as anyone, so a test login adds no power there;
    // with real e-mail (a real deployment) it would be a back door.
    if (e.E2E_TEST_LOGIN_SECRET && !outbox)
      ctx.addIssue({ code: "custom", path: ["E2E_TEST_LOGIN_SECRET"], message: "is for browser tests in the demo outbox mode only: it cannot be set when e-mail goes out by SMTP" });
    for (const p of ["GITHUB", "GOOGLE"] as const) {
      if (!!e[`AUTH_${p}_ID`] !== !!e[`AUTH_${p}_SECRET`])
        ctx.addIssue({ code: "custom", path: [`AUTH_${p}_SECRET`], message: `AUTH_${p}_ID and AUTH_${p}_SECRET must be set together` });
    }
  })
  .transform((e) => {
    const devOutbox = e.DEV_OUTBOX === undefined || e.DEV_OUTBOX === "" ? !e.SMTP_HOST : ["true", "1", "yes"].includes(e.DEV_OUTBOX);
    // Demo only (outbox mode, never with SMTP): a secret derived from the database location,
    // stable across restarts of the same demo. Anyone reading this code can derive it, which
    // is acceptable only because in this mode anyone can read every sign-in link anyway.
    const authSecret =
      e.AUTH_SECRET ??
      createHash("sha256").update(`therapist-finder-demo-only:${e.DATABASE_URL ?? e.PGLITE_DATA_DIR}`).digest("base64url");
    // In the demo outbox mode anyone can sign in as anyone, so a well-known administrator
    // account costs nothing and lets a newcomer see /admin: admin@example.org.
    const adminEmails = e.ADMIN_EMAILS.length || !devOutbox ? e.ADMIN_EMAILS : [DEMO_ADMIN_EMAIL];
    const siteOrigin = new URL(e.SITE_URL ?? e.AUTH_URL ?? `http://localhost:${e.PORT}`).origin;
    const redirectToSite =
      e.REDIRECT_TO_SITE_URL === undefined || e.REDIRECT_TO_SITE_URL === "" ? devOutbox : ["true", "1", "yes"].includes(e.REDIRECT_TO_SITE_URL);
    return { ...e, ADMIN_EMAILS: adminEmails, devOutbox, authSecret, siteOrigin, redirectToSite };
  });

export type Env = z.infer<typeof settings>;

function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = settings.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export { parseEnv };

/**
 * next-auth v5 reads AUTH_URL from process.env itself (request URLs of its handlers, the URL
 * its server-side signIn() posts to, e-mailed links). Without it, it takes the host from the
 * request's Host / X-Forwarded-Host. So the site address is handed to it here, the one module
 * that touches process.env.
 */
export function exportSiteUrlForNextAuth(): void {
  process.env.AUTH_URL = env().siteOrigin;
}
