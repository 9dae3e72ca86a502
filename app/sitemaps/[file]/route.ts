// GET /sitemaps/pages.xml (site pages, 51 state pages, modalities) and /sitemaps/therapists-N.xml (published profiles, page N).
import { getDb } from "@/db/client";
import { listModalities } from "@/db/queries/modalities";
import { listPublishedTherapistSlugs, SITEMAP_PAGE_SIZE } from "@/db/queries/profiles";
import { loadStateLicensing } from "@/db/reference/state-licensing";
import { siteOrigin } from "@/lib/seo/site-origin";
import { STATIC_PATHS, urlSetXml, xmlResponse } from "@/lib/seo/sitemap-xml";

export const dynamic = "force-dynamic";

const notFound = () => Response.json({ error: { code: "not_found", message: "No such sitemap." } }, { status: 404 });

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const origin = siteOrigin();
  const db = await getDb();
  if (file === "pages.xml") {
    const modalities = await listModalities(db);
    return xmlResponse(
      urlSetXml([
        ...STATIC_PATHS.map((p) => ({ url: `${origin}${p}` })),
        ...loadStateLicensing().map((s) => ({ url: `${origin}/licensing/${s.code.toLowerCase()}`, lastModified: new Date(s.lastReviewed) })),
        ...modalities.map((m) => ({ url: `${origin}/modalities/${m.slug}` })),
      ]),
    );
  }
  const match = /^therapists-(\d{1,6})\.xml$/.exec(file);
  if (!match) return notFound();
  const page = Number(match[1]);
  const rows = await listPublishedTherapistSlugs(db, { page, limit: SITEMAP_PAGE_SIZE });
  if (!rows.length && page > 0) return notFound();
  return xmlResponse(urlSetXml(rows.map((r) => ({ url: `${origin}/therapists/${r.slug}`, lastModified: r.updatedAt }))));
}
