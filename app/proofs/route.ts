// POST /proofs?listing=<id>: the dashboard's proof upload (a file, so not a server action, whose
// posts are text only and capped at 1 MB). The session is checked here (lib/proofs/proof-requests.ts).
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { receiveProofUpload } from "@/lib/proofs/proof-requests";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const user = await getCurrentUser();
  return receiveProofUpload(await getDb(), { request, user, siteOrigin: env().siteOrigin });
}
