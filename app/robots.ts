import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { originFromHeaders } from "@/lib/seo/site-origin";

// robots.txt: everything public may be crawled except the JSON API and signed-in areas.
export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = originFromHeaders(await headers());
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/dashboard", "/admin"] },
    sitemap: `${origin}/sitemap.xml`,
  };
}
