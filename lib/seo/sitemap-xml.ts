// Sitemap and sitemap-index XML (sitemaps.org protocol 0.9), written by hand: a few lines, and
// it lets a profile sitemap page through the database instead of holding every row at once.
export type SitemapEntry = { url: string; lastModified?: Date };

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

const entry = (tag: "url" | "sitemap", e: SitemapEntry) =>
  `<${tag}><loc>${escapeXml(e.url)}</loc>${e.lastModified ? `<lastmod>${e.lastModified.toISOString()}</lastmod>` : ""}</${tag}>`;

const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

export function urlSetXml(entries: readonly SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}">\n${entries.map((e) => entry("url", e)).join("\n")}\n</urlset>\n`;
}

export function sitemapIndexXml(entries: readonly SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NS}">\n${entries.map((e) => entry("sitemap", e)).join("\n")}\n</sitemapindex>\n`;
}

export const xmlResponse = (body: string) =>
  new Response(body, { headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600" } });

/** Pages that are not in the database: the home page and the guides. */
export const STATIC_PATHS = ["/", "/therapists", "/licensing", "/guide", "/modalities"] as const;
