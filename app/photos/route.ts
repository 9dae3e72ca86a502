// POST /photos?listing=<id>: the dashboard's photo upload (a file up to 10 MB, so not a server
// action, whose posts are capped at 1 MB). The session is checked in lib/photos/photo-requests.ts.
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { receivePhotoUpload } from "@/lib/photos/photo-requests";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const user = await getCurrentUser();
  return receivePhotoUpload(await getDb(), { request, user, siteOrigin: env().siteOrigin });
}
