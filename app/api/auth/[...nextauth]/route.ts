// GET/POST /api/auth/*: next-auth (magic-link callback, OAuth, sign-out); e-mail sign-in requests are rate limited per client address (per mailbox: lib/auth/sign-in-email.ts).
import { NextResponse, type NextRequest } from "next/server";
import { handlers } from "@/auth";
import { EMAIL_PROVIDER_ID } from "@/lib/auth/config";
import { requestAddress, SIGN_IN_LIMITS } from "@/lib/auth/sign-in-limits";
import { rateLimit } from "@/lib/rate-limit";
import { signInSchema } from "@/lib/validation/therapist-profile";

export const GET = handlers.GET;

export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith(`/signin/${EMAIL_PROVIDER_ID}`)) {
    const form = await request.clone().formData().catch(() => null);
    const parsed = signInSchema.safeParse({ email: form?.get("email") ?? "" });
    if (!parsed.success) {
      return NextResponse.json({ error: "invalid_request", fields: { email: "Enter your e-mail address." } }, { status: 400 });
    }
    const rate = await rateLimit({ bucket: "signin:ip", id: requestAddress(request.headers), ...SIGN_IN_LIMITS.perAddress });
    if (!rate.allowed) {
      return NextResponse.json(
        { error: "too_many_requests", message: "Too many sign-in requests. Try again later." },
        { status: 429, headers: { "Retry-After": String(rate.retryAfterSeconds) } },
      );
    }
  }
  return handlers.POST(request);
}
