import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { siteOrigin } from "@/lib/seo/site-origin";

// robots.txt: everything public may be crawled except the JSON API and signed-in areas.
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  const origin = siteOrigin();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/dashboard", "/admin"] },
    sitemap: `${origin}/sitemap.xml`,
  };
}
