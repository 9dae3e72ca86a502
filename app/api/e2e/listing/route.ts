// POST /api/e2e/listing: browser tests only (see lib/auth/e2e-secret.ts). Adds a published
// listing nobody owns and that is not demo data, as an import from the national registry will,
// so that the claim journeys have something claimable: demo listings cannot be claimed.
import { z } from "zod";
import { getDb } from "@/db/client";
import { licenses, therapists } from "@/db/schema";
import { buildLicense, buildTherapist } from "@/db/seed/factories";
import { ApiError, withApiErrors } from "@/lib/api/errors";
import { e2eSecretMatches } from "@/lib/auth/e2e-secret";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ displayName: z.string().min(2).max(120), email: z.email().max(254), licenceNumber: z.string().min(1).max(40) });

export const POST = withApiErrors("POST /api/e2e/listing", async (request: Request) => {
  if (!e2eSecretMatches(request)) throw new ApiError("not_found", "Not found.");
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) throw new ApiError("invalid_request", "Send displayName, email and licenceNumber.");
  const t = buildTherapist({ displayName: parsed.data.displayName, email: parsed.data.email, isDemo: false, published: true, ownerId: null });
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.insert(therapists).values(t);
    await tx.insert(licenses).values(buildLicense(t, { number: parsed.data.licenceNumber }));
  });
  return Response.json({ id: t.id, slug: t.slug }, { headers: { "cache-control": "no-store" } });
});
