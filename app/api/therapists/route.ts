// GET /api/therapists: search, with the same parameters and results as the /therapists page.
import { getDb } from "@/db/client";
import { ApiError, withApiErrors } from "@/lib/api/errors";
import { searchResponseSchema } from "@/lib/api/schemas";
import { parseSearchParams, toQueryString } from "@/lib/search/params";
import { runSearch } from "@/lib/search/run-search";

export const dynamic = "force-dynamic";

export const GET = withApiErrors("GET /api/therapists", async (request: Request) => {
  const url = new URL(request.url);
  const parsed = parseSearchParams(url.searchParams, { allowPageSize: true });
  if (!parsed.ok) {
    throw new ApiError("invalid_request", "Some search parameters are not valid.", { fields: parsed.fieldErrors });
  }
  const outcome = await runSearch(await getDb(), parsed.params);
  if (!outcome.ok) {
    throw new ApiError("invalid_request", "Some search parameters are not valid.", {
      fields: outcome.fieldErrors,
      suggestions: outcome.suggestions,
    });
  }
  const link = (page: number) => `/api/therapists?${toQueryString({ ...outcome.params, page }, { includePageSize: true })}`;
  // The outcome already has the response's field names; the schema drops what is internal
  // (each suggested change's parsed parameters) and checks the contract on the way out.
  return Response.json(
    searchResponseSchema.parse({
      ...outcome,
      query: outcome.params,
      links: {
        self: link(outcome.page),
        next: outcome.page < outcome.pageCount ? link(outcome.page + 1) : null,
        prev: outcome.page > 1 ? link(Math.min(outcome.page - 1, outcome.pageCount)) : null,
      },
      noResults: outcome.noResults ?? null,
    }),
  );
});
