import "server-only";
// The next-auth configuration, built lazily on first use (never at import: `next build`
// workers import server modules and must not open the database).
import type { NextAuthConfig } from "next-auth";
import type { EmailConfig } from "next-auth/providers";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { env, exportSiteUrlForNextAuth } from "@/lib/env";
import { sameOriginUrl } from "@/lib/security/safe-redirect";
import { sendSignInLink } from "./sign-in-email";

export const EMAIL_PROVIDER_ID = "email";

/** The session cookie's name: `__Secure-` prefixed (and Secure) in production. */
export function sessionCookieName(): string {
  return `${secureCookiesEnabled() ? "__Secure-" : ""}authjs.session-token`;
}

export function secureCookiesEnabled(): boolean {
  return env().NODE_ENV === "production";
}

export function isAdminEmail(email: string | null | undefined): boolean {
  return !!email && env().ADMIN_EMAILS.includes(email.toLowerCase());
}

export async function buildAuthConfig(): Promise<NextAuthConfig> {
  const e = env();
  // Before next-auth builds any URL: its links and redirects use the site address only.
  exportSiteUrlForNextAuth();
  const db = await getDb();
  const { DrizzleAdapter } = await import("@auth/drizzle-adapter");

  const email: EmailConfig = {
    id: EMAIL_PROVIDER_ID,
    type: "email",
    name: "E-mail",
    from: e.EMAIL_FROM,
    maxAge: 60 * 60,
    async sendVerificationRequest({ identifier, url }) {
      await sendSignInLink({ to: identifier, url });
    },
    options: {},
  } as EmailConfig;

  const providers: NextAuthConfig["providers"] = [email];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) {
    const { default: GitHub } = await import("next-auth/providers/github");
    providers.push(GitHub({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET }));
  }
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) {
    const { default: Google } = await import("next-auth/providers/google");
    providers.push(Google({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET }));
  }

  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    adapter: DrizzleAdapter(db as any, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens }),
    providers,
    secret: e.authSecret,
    trustHost: e.AUTH_TRUST_HOST || undefined,
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    useSecureCookies: secureCookiesEnabled(),
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    callbacks: {
      // After sign-in: only addresses on the site (parsed, origin compared), else its home.
      redirect({ url }) {
        return sameOriginUrl(url, e.siteOrigin, "/");
      },
      // Only what the app needs: never the whole user row.
      session({ session, user }) {
        const role = (user as { role?: string }).role === "admin" || isAdminEmail(user.email) ? "admin" : "therapist";
        return { expires: session.expires, user: { id: user.id, email: user.email, role } } as unknown as typeof session;
      },
    },
  };
}
