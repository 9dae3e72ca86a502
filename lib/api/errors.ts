// One error shape for the JSON API, with a closed set of codes mapped to HTTP status.
// Unknown errors are logged in full and answered with a generic message: never a stack trace.
import { findDatabaseBusy } from "@/db/pglite-queue";

export const ERROR_STATUS = {
  invalid_request: 400,
  not_found: 404,
  unavailable: 503,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ApiErrorBody = {
  error: { code: ErrorCode; message: string; fields?: Record<string, string[]>; suggestions?: string[] };
};

export function apiError(
  code: ErrorCode,
  message: string,
  extra: Omit<ApiErrorBody["error"], "code" | "message"> = {},
  headers: Record<string, string> = {},
) {
  return Response.json({ error: { code, message, ...extra } } satisfies ApiErrorBody, {
    status: ERROR_STATUS[code],
    headers: { "cache-control": "no-store", ...headers },
  });
}

/** Wraps a route handler so that a bug becomes a logged 500 with a generic body. */
export function withApiErrors<A extends unknown[]>(name: string, handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      // The embedded database's queue is full: a clear "try again shortly", not a hang or a 500.
      const busy = findDatabaseBusy(error);
      if (busy) {
        return apiError("unavailable", "The service is busy. Please try again in a moment.", {}, { "retry-after": String(busy.retryAfterSeconds) });
      }
      console.error(`[api] ${name} failed:`, error);
      return apiError("internal_error", "Something went wrong on our side. Please try again.");
    }
  };
}
