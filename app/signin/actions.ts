"use server";
import { headers } from "next/headers";
import { signIn } from "@/auth";
import { EMAIL_PROVIDER_ID } from "@/lib/auth/config";
import { checkSignInRate, clientAddress } from "@/lib/auth/rate-limit";
import { env } from "@/lib/env";
import { signInSchema } from "@/lib/validation/therapist-profile";

export type SignInState = { ok: boolean | null; fieldErrors?: { email?: string }; message?: string; values: { email: string } };

function safeReturnPath(v: FormDataEntryValue | null): string {
  const s = typeof v === "string" ? v : "";
  return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/\\") ? s : "/dashboard";
}

export async function requestSignInLink(_prev: SignInState, form: FormData): Promise<SignInState> {
  const raw = typeof form.get("email") === "string" ? (form.get("email") as string) : "";
  const parsed = signInSchema.safeParse({ email: raw });
  if (!parsed.success) {
    return { ok: false, fieldErrors: { email: parsed.error.issues[0]?.message ?? "Enter your e-mail address." }, values: { email: raw } };
  }
  const rate = await checkSignInRate({ address: clientAddress(await headers()), email: parsed.data.email });
  if (!rate.allowed) {
    const minutes = Math.max(1, Math.ceil(rate.retryAfterSeconds / 60));
    return { ok: false, message: `Too many sign-in requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, values: { email: raw } };
  }
  // Redirects to the "check your e-mail" page (throws Next.js's redirect).
  await signIn(EMAIL_PROVIDER_ID, { email: parsed.data.email, redirectTo: safeReturnPath(form.get("callbackUrl")) });
  return { ok: true, values: { email: raw } };
}

export async function signInWithProvider(form: FormData) {
  const provider = form.get("provider");
  const e = env();
  const enabled = { github: !!e.AUTH_GITHUB_ID, google: !!e.AUTH_GOOGLE_ID };
  if ((provider === "github" || provider === "google") && enabled[provider]) {
    await signIn(provider, { redirectTo: safeReturnPath(form.get("callbackUrl")) });
  }
}
