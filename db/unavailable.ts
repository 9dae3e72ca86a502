// "The database cannot answer now" as opposed to "this request is wrong" or "our code is wrong":
// a refused or dropped connection, a server shutting down or out of connections, the embedded
// database held by another process. Pages and API routes answer these as 503 (try again later)
// rather than 500, and never show the detail.
import { DatabaseLockedError } from "./pglite-lock";
import { findDatabaseBusy } from "./pglite-queue";

// Node's socket errors and postgres.js's own connection errors.
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

// PostgreSQL's SQLSTATEs for the same: class 08 (connection exception), too many connections,
// and the server shutting down or starting up.
const isUnavailableSqlState = (code: string) => code.startsWith("08") || ["53300", "57P01", "57P02", "57P03"].includes(code);

/** The unavailability behind an error, if any (drizzle wraps a failed statement's error as its cause). */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  if (error instanceof DatabaseLockedError) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (CONNECTION_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && isUnavailableSqlState(code)))) return true;
  // A connection attempt to several addresses fails with an AggregateError of each.
  const errors = (error as { errors?: unknown }).errors;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable((error as { cause?: unknown }).cause, depth + 1);
}

/**
 * A failure that says nothing about the request and will likely pass: the database is
 * unavailable, or the embedded database's queue is full. Pages answer it with "try again in
 * a moment" and keep what the visitor entered.
 */
export function isTemporaryDatabaseFailure(error: unknown): boolean {
  return isDatabaseUnavailable(error) || findDatabaseBusy(error) !== undefined;
}
