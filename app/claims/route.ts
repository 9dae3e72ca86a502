// POST /claims?listing=<id>: a claim by licence number with a proof file (multipart, so not a
// server action). The session and everything else are checked in lib/claims/claim-requests.ts.
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { receiveLicenceClaim } from "@/lib/claims/claim-requests";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const user = await getCurrentUser();
  return receiveLicenceClaim(await getDb(), { request, user, siteOrigin: env().siteOrigin });
}
