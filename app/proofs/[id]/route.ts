// GET /proofs/<id>: a proof file, as a download, for the listing's owner or an administrator
// only; anyone else gets 404, never a hint that the proof exists.
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { serveProof } from "@/lib/proofs/proof-requests";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return serveProof(await getDb(), { id, user: await getCurrentUser() });
}
