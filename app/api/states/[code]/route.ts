// GET /api/states/[code]: one state's licensing rules by two-letter code, any case; 404 JSON when unknown.
import { getDb } from "@/db/client";
import { countPublishedTherapistsInState, getState } from "@/db/queries/states";
import { toStateResource, type notFoundResponseSchema, type stateResponseSchema } from "@/lib/licensing/state-api";
import type { z } from "zod";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const db = await getDb();
  const state = await getState(db, code);
  if (!state) {
    const body: z.infer<typeof notFoundResponseSchema> = {
      error: { code: "not_found", message: `No US state or DC has the code "${code.slice(0, 20)}": use a two-letter code such as KS or DC.` },
    };
    return Response.json(body, { status: 404 });
  }
  const body: z.infer<typeof stateResponseSchema> = {
    state: toStateResource(state, await countPublishedTherapistsInState(db, state.code)),
  };
  return Response.json(body);
}
