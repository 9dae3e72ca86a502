// GET /sitemaps/pages.xml (site pages, 51 state pages, modalities) and /sitemaps/therapists-N.xml (published profiles, page N).
import { getDb } from "@/db/client";
import { listModalities } from "@/db/queries/modalities";
import { listPublishedTherapistSlugs, SITEMAP_PAGE_SIZE } from "@/db/queries/therapists";
import { loadStateLicensing } from "@/db/reference/state-licensing";
import { ApiError, withApiErrors } from "@/lib/api/errors";
import { statePageHref } from "@/lib/licensing/vocabulary";
import { siteOrigin } from "@/lib/seo/site-origin";
import { STATIC_PATHS, urlSetXml, xmlResponse } from "@/lib/seo/sitemap-xml";

export const dynamic = "force-dynamic";

const notFound = () => new ApiError("not_found", "No such sitemap.");

export const GET = withApiErrors("GET /sitemaps/[file]", async (_request: Request, { params }: { params: Promise<{ file: string }> }) => {
  const { file } = await params;
  const origin = siteOrigin();
  const db = await getDb();
  if (file === "pages.xml") {
    const modalities = await listModalities(db);
    return xmlResponse(
      urlSetXml([
        ...STATIC_PATHS.map((p) => ({ url: `${origin}${p}` })),
        ...loadStateLicensing().map((s) => ({ url: `${origin}${statePageHref(s.code)}`, lastModified: new Date(s.lastReviewed) })),
        ...modalities.map((m) => ({ url: `${origin}/modalities/${m.slug}` })),
      ]),
    );
  }
  const match = /^therapists-(\d{1,6})\.xml$/.exec(file);
  if (!match) throw notFound();
  const page = Number(match[1]);
  const rows = await listPublishedTherapistSlugs(db, { page, limit: SITEMAP_PAGE_SIZE });
  if (!rows.length && page > 0) throw notFound();
  return xmlResponse(urlSetXml(rows.map((r) => ({ url: `${origin}/therapists/${r.slug}`, lastModified: r.updatedAt }))));
});
