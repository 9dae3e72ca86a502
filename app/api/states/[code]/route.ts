// GET /api/states/[code]: one state's licensing rules by two-letter code, any case; 404 JSON when unknown.
import { getDb } from "@/db/client";
import { countPublishedTherapistsInState, getState } from "@/db/queries/states";
import { ApiError, withApiErrors } from "@/lib/api/errors";
import { toStateResource, type stateResponseSchema } from "@/lib/licensing/state-api";
import type { z } from "zod";

export const dynamic = "force-dynamic";

export const GET = withApiErrors("GET /api/states/[code]", async (_request: Request, { params }: { params: Promise<{ code: string }> }) => {
  const { code } = await params;
  const db = await getDb();
  const state = await getState(db, { code });
  if (!state) {
    throw new ApiError("not_found", `No US state or DC has the code "${code.slice(0, 20)}": use a two-letter code such as KS or DC.`);
  }
  const body: z.infer<typeof stateResponseSchema> = {
    state: toStateResource(state, await countPublishedTherapistsInState(db, { code: state.code })),
  };
  return Response.json(body);
});
