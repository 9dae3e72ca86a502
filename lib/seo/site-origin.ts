// The site's own origin, for canonical addresses, Open Graph URLs, JSON-LD, the sitemap, robots
// and e-mailed links: the configured SITE_URL (lib/env.ts), never the request's Host or
// X-Forwarded-Host, which any client can set (docs/decisions/0006-site-address-and-proxies.md).
import { env } from "@/lib/env";

export function siteOrigin(): string {
  return env().siteOrigin;
}

export const absoluteUrl = (origin: string, path: string) => new URL(path, origin).toString();
