// Checks on a server-action post before Next.js decodes it (called from proxy.ts):
// - its Origin, when the browser sends one, must be the site's exactly: scheme, host and port
//   (Next.js compares the host only, so https://host passed for an http site);
// - its body must be a readable form post within Next.js's 1 MB limit: every action on this
//   site is a form action, and a broken multipart body or garbage JSON otherwise reaches
//   Next.js's decoder and comes back as a 500.
// And, for the demo: the address a GET should be redirected to so the site is used at its one
// configured address (cookies are per host: signing in at 127.0.0.1 and landing on localhost
// looked signed out).

export const ACTION_BODY_LIMIT = 1024 * 1024;

const text = (status: number, message: string) =>
  new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

export async function readBounded(request: Request, limit: number): Promise<Uint8Array | "too_large" | "unreadable"> {
  const reader = request.clone().body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        // Not awaited: cancelling one branch of a cloned (teed) body settles only when the
        // other branch is cancelled too.
        reader.cancel().catch(() => {});
        return "too_large";
      }
      chunks.push(value);
    }
  } catch {
    return "unreadable";
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}

/** A response refusing the post, or null to let it through. */
export async function checkActionRequest(request: Request, siteOrigin: string): Promise<Response | null> {
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== siteOrigin) return text(403, "Refused: this form was sent from another site.");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > ACTION_BODY_LIMIT) return text(413, "This form is too large to send (more than 1 MB). Shorten the longest answers and try again.");
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;\s*boundary=/i.test(type)) return text(400, "Bad request: this site's forms are sent as multipart/form-data.");
  const body = await readBounded(request, ACTION_BODY_LIMIT);
  if (body === "too_large") return text(413, "This form is too large to send (more than 1 MB). Shorten the longest answers and try again.");
  if (body === "unreadable") return text(400, "Bad request: the form could not be read.");
  try {
    await new Response(body as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    return text(400, "Bad request: the form could not be read.");
  }
  return null;
}

/** For GET/HEAD requests made at another host than the site's: the same path on the site. */
export function redirectToSiteUrl(request: Request & { nextUrl: URL }, siteOrigin: string): URL | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  // Next.js's own follow-up requests (RSC fetches) are not page loads.
  if (request.headers.has("rsc")) return null;
  const site = new URL(siteOrigin);
  const host = request.headers.get("host");
  if (!host || host.toLowerCase() === site.host) return null;
  return new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, siteOrigin);
}
