// Redirect targets are parsed as URLs against the site address and accepted only when they
// stay on it. Text checks miss what browsers do: "/\t/evil.example/" loses its tab and becomes
// "//evil.example/"; the URL parser does the same, so comparing origins after parsing is exact.

/** A same-origin path (with query and fragment) for `raw`, or `fallback`. */
export function sameOriginPath(raw: unknown, origin: string, fallback = "/dashboard"): string {
  if (typeof raw !== "string" || raw === "" || raw.length > 2000) return fallback;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin || !/^https?:$/.test(url.protocol)) return fallback;
  // "//host" as a path would be read by the browser as another host.
  if (url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The same, as an absolute address on the site (for next-auth's redirect callback). */
export function sameOriginUrl(raw: unknown, origin: string, fallback = "/"): string {
  return new URL(sameOriginPath(raw, origin, fallback), origin).toString();
}
