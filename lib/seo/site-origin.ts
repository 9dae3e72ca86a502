// The site's own origin, for canonical addresses, Open Graph URLs and the sitemap. Taken from
// the request (a proxy's X-Forwarded-Host/-Proto first), checked to be a plain host name.
const HOST = /^[a-z0-9.-]+(?::\d{1,5})?$/i;

export function originFromHeaders(headers: { get(name: string): string | null }): string {
  const first = (v: string | null) => v?.split(",")[0]?.trim() || undefined;
  const host = [first(headers.get("x-forwarded-host")), first(headers.get("host"))].find((h) => h && HOST.test(h)) ?? "localhost:3000";
  const proto = first(headers.get("x-forwarded-proto"));
  const scheme = proto === "https" || proto === "http" ? proto : /^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? "http" : "https";
  return `${scheme}://${host}`;
}

export const absoluteUrl = (origin: string, path: string) => new URL(path, origin).toString();
