// GET /photos/<id>/<width>: one stored WebP size of a therapist's photo (lib/photos/photo-requests.ts).
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { servePhotoVariant } from "@/lib/photos/photo-requests";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; width: string }> }) {
  const { id, width } = await params;
  // Published photos are public: no session lookup (and no cookie read) unless needed.
  const db = await getDb();
  const open = await servePhotoVariant(db, { id, width, user: null });
  if (open.status === 200) return open;
  return servePhotoVariant(db, { id, width, user: await getCurrentUser() });
}
