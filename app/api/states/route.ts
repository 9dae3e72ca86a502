// GET /api/states: every state's and DC's licensing rules, by name (shape: lib/licensing/state-api.ts).
import { getDb } from "@/db/client";
import { countPublishedTherapistsByState, listStates } from "@/db/queries/states";
import { withApiErrors } from "@/lib/api/errors";
import { toStateResource, type stateListResponseSchema } from "@/lib/licensing/state-api";
import type { z } from "zod";

export const dynamic = "force-dynamic";

export const GET = withApiErrors("GET /api/states", async () => {
  const db = await getDb();
  const [states, counts] = await Promise.all([listStates(db), countPublishedTherapistsByState(db)]);
  const body: z.infer<typeof stateListResponseSchema> = {
    states: states.map((s) => toStateResource(s, counts.get(s.code) ?? 0)),
    count: states.length,
  };
  return Response.json(body);
});
