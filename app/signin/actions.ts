"use server";
import { signIn } from "@/auth";
import { anonymousAction, type ActionState } from "@/lib/actions/anonymous-action";
import { checkActionArgs } from "@/lib/actions/raw-input";
import { EMAIL_PROVIDER_ID } from "@/lib/auth/config";
import { SIGN_IN_LIMITS } from "@/lib/auth/sign-in-limits";
import { env } from "@/lib/env";
import { sameOriginPath } from "@/lib/security/safe-redirect";
import { signInSchema } from "@/lib/validation/therapist-profile";

export type SignInState = ActionState<{ email: string }>;

const returnPath = (form: FormData) => sameOriginPath(form.get("callbackUrl"), env().siteOrigin);

export const requestSignInLink = anonymousAction(
  { fields: ["email"], schema: signInSchema, rateLimit: { bucket: "signin:ip", ...SIGN_IN_LIMITS.perAddress } },
  async ({ email }, { values, form }): Promise<SignInState> => {
    // Redirects to the "check your e-mail" page (throws Next.js's redirect), also when the
    // mailbox's allowance of new links is used up (lib/auth/sign-in-email.ts).
    await signIn(EMAIL_PROVIDER_ID, { email, redirectTo: returnPath(form) });
    return { ok: true, values };
  },
);

export async function signInWithProvider(...args: unknown[]) {
  const raw = checkActionArgs(args);
  if (!raw.ok) return;
  const provider = raw.form.get("provider");
  const e = env();
  const enabled = { github: !!e.AUTH_GITHUB_ID, google: !!e.AUTH_GOOGLE_ID };
  if ((provider === "github" || provider === "google") && enabled[provider]) {
    await signIn(provider, { redirectTo: returnPath(raw.form) });
  }
}
