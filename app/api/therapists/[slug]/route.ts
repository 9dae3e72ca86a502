// GET /api/therapists/[slug]: one published profile as JSON, with the six criteria and licence notes.
import { getDb } from "@/db/client";
import { getPublishedTherapistBySlug } from "@/db/queries/therapists";
import { ApiError, withApiErrors } from "@/lib/api/errors";
import { therapistSlugSchema } from "@/lib/profiles/slug";
import { toPublicProfile } from "@/lib/therapists/public-profile";

export const dynamic = "force-dynamic";

export const GET = withApiErrors("GET /api/therapists/[slug]", async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug: raw } = await params;
  const parsed = therapistSlugSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiError("invalid_request", "The therapist address is not valid.", { fields: { slug: parsed.error.issues.map((i) => i.message) } });
  }
  const profile = await getPublishedTherapistBySlug(await getDb(), { slug: parsed.data });
  if (!profile) throw new ApiError("not_found", "No published therapist has this address.");
  return Response.json({ therapist: toPublicProfile(profile) });
});
