// GET /sitemap.xml: a sitemap index: one sitemap of the site's pages, states and modalities, and
// as many profile sitemaps of SITEMAP_PAGE_SIZE published profiles as there are profiles.
import { getDb } from "@/db/client";
import { countPublishedTherapists, SITEMAP_PAGE_SIZE } from "@/db/queries/therapists";
import { withApiErrors } from "@/lib/api/errors";
import { siteOrigin } from "@/lib/seo/site-origin";
import { sitemapIndexXml, xmlResponse } from "@/lib/seo/sitemap-xml";

export const dynamic = "force-dynamic";

export const GET = withApiErrors("GET /sitemap.xml", async () => {
  const origin = siteOrigin();
  const total = await countPublishedTherapists(await getDb());
  const pages = Math.ceil(total / SITEMAP_PAGE_SIZE);
  return xmlResponse(
    sitemapIndexXml([
      { url: `${origin}/sitemaps/pages.xml` },
      ...Array.from({ length: pages }, (_, i) => ({ url: `${origin}/sitemaps/therapists-${i}.xml` })),
    ]),
  );
});
