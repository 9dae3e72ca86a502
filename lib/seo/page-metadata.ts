// Title, description, canonical address and Open Graph tags for a page, with absolute URLs
// built from the request's origin (lib/seo/site-origin.ts).
import type { Metadata } from "next";
import { headers } from "next/headers";
import { absoluteUrl, originFromHeaders } from "./site-origin";

export async function pageMetadata(options: { path: string; title: string; description: string; ogType?: "website" | "article" }): Promise<Metadata> {
  const origin = originFromHeaders(await headers());
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
