import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { sameOriginPath } from "@/lib/security/safe-redirect";
import { signInWithProvider } from "./actions";
import { SignInForm } from "./sign-in-form";
import styles from "./signin.module.css";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

// Error codes next-auth puts in ?error=, in plain words.
const ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  AccessDenied: "Sign-in was refused.",
  Configuration: "Sign-in is not available right now. Try again later.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  // Only addresses on this site, parsed as a URL (lib/security/safe-redirect.ts).
  const callbackUrl = sameOriginPath(params.callbackUrl, env().siteOrigin);
  if (await getCurrentUser()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? (ERRORS[params.error] ?? "Sign-in did not work. Try again.") : null;
  const e = env();
  const oauth = [
    ...(e.AUTH_GITHUB_ID ? [{ id: "github", name: "GitHub" }] : []),
    ...(e.AUTH_GOOGLE_ID ? [{ id: "google", name: "Google" }] : []),
  ];
  return (
    <div className="container stack">
      <h1>Sign in</h1>
      <p className="lead">For therapists who keep a listing, and for administrators. Patients do not need an account.</p>
      {error && (
        <p role="alert" className="notice notice-warning">
          {error}
        </p>
      )}
      <p>We e-mail you a link that signs you in; there is no password.</p>
      <SignInForm callbackUrl={callbackUrl} />
      {oauth.length > 0 && (
        <form action={signInWithProvider} className={styles.providers}>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          {oauth.map((p) => (
            <button key={p.id} type="submit" name="provider" value={p.id}>
              Sign in with {p.name}
            </button>
          ))}
        </form>
      )}
      {e.devOutbox && (
        <p className="notice">
          Demo mode: no e-mail is sent. Sign-in links appear in the server log and in the <Link href="/dev/outbox">demo outbox</Link>.
        </p>
      )}
    </div>
  );
}
