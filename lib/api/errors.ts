// One error type for the JSON API (and the sitemap routes), with a closed set of codes mapped to
// HTTP status. Handlers `throw new ApiError(code, message, { fields })`; withApiErrors answers
// `{"error": {"code", "message", "fields"?}}`. Unknown errors are logged in full and answered
// with a generic message: never a stack trace.
import { findDatabaseBusy } from "@/db/pglite-queue";
import { isDatabaseUnavailable } from "@/db/unavailable";

export const ERROR_STATUS = {
  invalid_request: 400,
  not_found: 404,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export type ApiErrorBody = {
  error: { code: ErrorCode; message: string; fields?: Record<string, string[]>; suggestions?: string[] };
};

type ApiErrorOptions = Omit<ApiErrorBody["error"], "code" | "message"> & {
  /** For rate_limited: seconds until a retry may succeed (sent as Retry-After). */
  retryAfterSeconds?: number;
};

/** An expected failure a route handler reports; withApiErrors turns it into the response. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly options: ApiErrorOptions;

  constructor(code: ErrorCode, message: string, options: ApiErrorOptions = {}) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.options = options;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** The one error response. Route handlers do not call this: they throw an ApiError. */
export function apiError(code: ErrorCode, message: string, options: ApiErrorOptions = {}): Response {
  const { retryAfterSeconds, fields, suggestions } = options;
  const body: ApiErrorBody = {
    error: { code, message, ...(fields ? { fields } : {}), ...(suggestions?.length ? { suggestions } : {}) },
  };
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (retryAfterSeconds !== undefined) headers["retry-after"] = String(Math.max(0, Math.ceil(retryAfterSeconds)));
  return Response.json(body, { status: ERROR_STATUS[code], headers });
}

/**
 * Wraps a route handler: an ApiError becomes its error response; anything else is a bug,
 * logged with its detail and answered 500 with a generic message.
 */
export function withApiErrors<A extends unknown[]>(name: string, handler: (...args: A) => Promise<Response> | Response) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof ApiError) return apiError(error.code, error.message, error.options);
      // The embedded database's queue is full: a clear "try again shortly", not a hang or a 500.
      const busy = findDatabaseBusy(error);
      if (busy) {
        return apiError("unavailable", "The service is busy. Please try again in a moment.", { retryAfterSeconds: busy.retryAfterSeconds });
      }
      // The database cannot be reached (or is held by another process): an outage, said as one.
      if (isDatabaseUnavailable(error)) {
        console.error(`[api] ${name}: the database is unavailable:`, error);
        return apiError("unavailable", "The service is temporarily unavailable. Please try again in a moment.", { retryAfterSeconds: 30 });
      }
      console.error(`[api] ${name} failed:`, error);
      return apiError("internal_error", "Something went wrong on our side. Please try again.");
    }
  };
}
