// Runs before every page: a fresh CSP nonce per request (Next.js applies it to its own inline
// scripts, and lib/security/csp.ts getCspNonce() hands it to ours); server-action posts checked
// for their Origin and a readable body (lib/security/action-request.ts); in the demo, a page
// opened at another address is sent to the site address. Never an auth check: every page and
// action checks the session itself.
import { NextResponse, type NextRequest } from "next/server";
import { apiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { checkActionRequest, redirectToSiteUrl } from "@/lib/security/action-request";
import { contentSecurityPolicy } from "@/lib/security/headers";

export async function proxy(request: NextRequest) {
  const e = env();
  if (request.method === "POST" && request.headers.has("next-action")) {
    const refused = await checkActionRequest(request, e.siteOrigin);
    if (refused) return refused;
  }
  if (e.redirectToSite) {
    const target = redirectToSiteUrl(request, e.siteOrigin);
    if (target) return NextResponse.redirect(target, 308);
  }
  // A malformed percent-escape in the address (/licensing/%ZZ) would otherwise reach Next.js's
  // own decoding and come back as a 500.
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return request.nextUrl.pathname.startsWith("/api/")
      ? apiError("invalid_request", "The address has a malformed percent-escape.")
      : new NextResponse("Bad request: the address has a malformed percent-escape.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    // OAuth sign-in redirects a form submission to the provider.
    formActionOrigins: ["https://github.com", "https://accounts.google.com"],
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
