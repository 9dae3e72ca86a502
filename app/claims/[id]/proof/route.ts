// GET /claims/<id>/proof: a waiting claim's proof file, for administrators only (everyone else,
// and a decided claim, whose file is erased, get the same 404).
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { serveClaimProof } from "@/lib/claims/claim-requests";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveClaimProof(await getDb(), { claimId: id, user: await getCurrentUser() });
}
