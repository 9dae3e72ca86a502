// Title, description, canonical address and Open Graph tags for a page, with absolute URLs
// built from the configured site address (lib/seo/site-origin.ts).
import type { Metadata } from "next";
import { connection } from "next/server";
import { absoluteUrl, siteOrigin } from "./site-origin";

export async function pageMetadata(options: { path: string; title: string; description: string; ogType?: "website" | "article" }): Promise<Metadata> {
  await connection();
  const origin = siteOrigin();
  const url = absoluteUrl(origin, options.path);
  return {
    metadataBase: new URL(origin),
    title: options.title,
    description: options.description,
    alternates: { canonical: url },
    openGraph: {
      type: options.ogType ?? "website",
      title: options.title,
      description: options.description,
      url,
      siteName: "Therapist Finder",
      locale: "en_US",
    },
  };
}
