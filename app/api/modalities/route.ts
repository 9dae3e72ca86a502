// GET /api/modalities: the controlled vocabulary of massage modalities, in plain language.
import { getDb } from "@/db/client";
import { listModalities } from "@/db/queries/modalities";
import { withApiErrors } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

export const GET = withApiErrors("GET /api/modalities", async () => {
  const rows = await listModalities(await getDb());
  return Response.json({
    modalities: rows.map((m) => ({ slug: m.slug, name: m.name, summary: m.summary, description: m.description, whatToExpect: m.whatToExpect })),
  });
});
