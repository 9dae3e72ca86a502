// GET /api/therapists/[slug]: one published profile as JSON, with the six criteria and licence notes.
import { getDb } from "@/db/client";
import { getPublishedTherapistBySlug } from "@/db/queries/profiles";
import { therapistSlugSchema } from "@/lib/profiles/slug";
import { toPublicProfile } from "@/lib/therapists/public-profile";

export const dynamic = "force-dynamic";

const errorBody = (code: "invalid_request" | "not_found", message: string, fields?: Record<string, string[]>) => ({
  error: { code, message, ...(fields ? { fields } : {}) },
});

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug: raw } = await params;
  const parsed = therapistSlugSchema.safeParse(raw);
  if (!parsed.success) {
    return Response.json(
      errorBody("invalid_request", "The therapist address is not valid.", { slug: parsed.error.issues.map((i) => i.message) }),
      { status: 400 },
    );
  }
  const profile = await getPublishedTherapistBySlug(await getDb(), { slug: parsed.data });
  if (!profile) {
    return Response.json(errorBody("not_found", "No published therapist has this address."), { status: 404 });
  }
  return Response.json({ therapist: toPublicProfile(profile) });
}
