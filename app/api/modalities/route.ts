// GET /api/modalities: the controlled vocabulary of massage modalities, in plain language.
import { getDb } from "@/db/client";
import { listModalities } from "@/db/queries/modalities";

export const dynamic = "force-dynamic";

export async function GET() {
  const rows = await listModalities(await getDb());
  return Response.json({
    modalities: rows.map((m) => ({ slug: m.slug, name: m.name, summary: m.summary, description: m.description, whatToExpect: m.whatToExpect })),
  });
}
