// GET /api/therapists: search, with the same parameters and results as the /therapists page.
import { getDb } from "@/db/client";
import { apiError, withApiErrors } from "@/lib/api/errors";
import { parseSearchParams, toQueryString } from "@/lib/search/params";
import { runSearch } from "@/lib/search/run-search";

export const dynamic = "force-dynamic";

export const GET = withApiErrors("GET /api/therapists", async (request: Request) => {
  const url = new URL(request.url);
  const parsed = parseSearchParams(url.searchParams, { allowPageSize: true });
  if (!parsed.ok) {
    return apiError("invalid_request", "Some search parameters are not valid.", { fields: parsed.fieldErrors });
  }
  const outcome = await runSearch(await getDb(), parsed.params);
  if (!outcome.ok) {
    return apiError("invalid_request", "Some search parameters are not valid.", {
      fields: outcome.fieldErrors,
      ...(outcome.suggestions.length ? { suggestions: outcome.suggestions } : {}),
    });
  }
  const link = (page: number) => `/api/therapists?${toQueryString({ ...outcome.params, page }, { includePageSize: true })}`;
  return Response.json({
    query: outcome.params,
    location: outcome.location,
    sort: outcome.sort,
    total: outcome.total,
    totalIsCapped: outcome.totalCapped,
    totalIsEstimate: outcome.totalIsEstimate,
    page: outcome.page,
    pageSize: outcome.pageSize,
    pageCount: outcome.pageCount,
    links: {
      self: link(outcome.page),
      next: outcome.page < outcome.pageCount ? link(outcome.page + 1) : null,
      prev: outcome.page > 1 ? link(Math.min(outcome.page - 1, outcome.pageCount)) : null,
    },
    results: outcome.results.map((r) => ({ ...r, url: `/therapists/${r.slug}` })),
    noResults: outcome.noResults
      ? {
          removals: outcome.noResults.removals.map(({ label, count, countCapped, query }) => ({ label, count, countIsCapped: countCapped, query })),
          suggestion: outcome.noResults.suggestion
            ? { label: outcome.noResults.suggestion.label, count: outcome.noResults.suggestion.count, countIsCapped: outcome.noResults.suggestion.countCapped, query: outcome.noResults.suggestion.query }
            : null,
        }
      : null,
  });
});
