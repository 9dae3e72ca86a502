// GET/POST /api/auth/*: next-auth (magic-link callback, OAuth, sign-out); e-mail sign-in requests are rate limited per client address (per mailbox: lib/auth/sign-in-email.ts).
import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { ApiError, withApiErrors } from "@/lib/api/errors";
import { EMAIL_PROVIDER_ID } from "@/lib/auth/config";
import { requestAddress, SIGN_IN_LIMITS } from "@/lib/auth/sign-in-limits";
import { rateLimit } from "@/lib/rate-limit";
import { signInSchema } from "@/lib/validation/therapist-profile";

export const GET = withApiErrors("GET /api/auth", (request: NextRequest) => handlers.GET(request));

export const POST = withApiErrors("POST /api/auth", async (request: NextRequest) => {
  if (request.nextUrl.pathname.endsWith(`/signin/${EMAIL_PROVIDER_ID}`)) {
    const form = await request.clone().formData().catch(() => null);
    const parsed = signInSchema.safeParse({ email: form?.get("email") ?? "" });
    if (!parsed.success) {
      throw new ApiError("invalid_request", "Enter your e-mail address.", { fields: { email: ["Enter your e-mail address."] } });
    }
    const rate = await rateLimit({ bucket: "signin:ip", id: requestAddress(request.headers), ...SIGN_IN_LIMITS.perAddress });
    if (!rate.allowed) {
      throw new ApiError("rate_limited", "Too many sign-in requests. Try again later.", { retryAfterSeconds: rate.retryAfterSeconds });
    }
  }
  return handlers.POST(request);
});
