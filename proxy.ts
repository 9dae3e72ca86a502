// Runs before every page: a fresh CSP nonce per request (Next.js applies it to its own inline
// scripts, and lib/security/csp.ts getCspNonce() hands it to ours); server-action posts checked
// for their Origin and a readable body (lib/security/action-request.ts); in the demo, a page
// opened at another address is sent to the site address. Never an auth check: every page and
// action checks the session itself.
import { NextResponse, type NextRequest } from "next/server";
import { apiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { checkActionRequest, redirectToSiteUrl } from "@/lib/security/action-request";
import { contentSecurityPolicy, PROOF_CSP } from "@/lib/security/headers";

export async function proxy(request: NextRequest) {
  const e = env();
  if (request.method === "POST" && request.headers.has("next-action")) {
    const refused = await checkActionRequest(request, e.siteOrigin);
    if (refused) return refused;
  }
  if (e.redirectToSite) {
    const target = redirectToSiteUrl(request, e.siteOrigin);
    // Not NextResponse.redirect: Next.js rewrites a Location on what it takes for its own origin
    // into a relative one, which would send the browser back to the same wrong host. A page
    // that refreshes to the absolute address (and links to it) cannot be rewritten.
    if (target) return siteAddressPage(target);
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
  // With no proxy of ours in front (TRUST_PROXY_HOPS=0) forwarded-host headers are the client's
  // invention: drop them so nothing downstream (next-auth, Next.js's action check) reads them.
  if (e.TRUST_PROXY_HOPS === 0) for (const h of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"]) requestHeaders.delete(h);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // A proof file keeps its own, stricter policy (sandboxed, nothing loads).
  response.headers.set("Content-Security-Policy", /^\/(proofs\/|claims\/[^/]+\/proof$)/.test(request.nextUrl.pathname) ? PROOF_CSP : csp);
  return response;
}

function siteAddressPage(target: URL): Response {
  const href = target.toString().replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Therapist Finder</title></head><body><main><p>This site is at <a href="${href}">${href}</a>.</p></main></body></html>`,
    { status: 200, headers: { "content-type": "text/html; charset=utf-8", refresh: `0;url=${target.toString()}`, "cache-control": "no-store" } },
  );
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
