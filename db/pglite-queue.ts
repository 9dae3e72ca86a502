// PGlite runs one statement at a time in this process. Under load, requests used to pile up on
// it with no limit: some waited more than 10 s and timed out. So every statement (a transaction
// counts as one) passes a first-come, first-served gate with a bounded wait: a caller that has
// not been let through within `maxWaitMs`, or that finds `maxQueued` callers already waiting,
// gets a DatabaseBusyError at once, which the API answers 503 with Retry-After (lib/api/errors.ts)
// instead of hanging. PostgreSQL does not go through this: its pool queues on the server.
import type { PGlite, Transaction } from "@electric-sql/pglite";

export class DatabaseBusyError extends Error {
  readonly code = "DATABASE_BUSY";
  constructor(
    message: string,
    /** Seconds a client should wait before trying again. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The DatabaseBusyError behind an error, if any (drizzle wraps a failed statement's error as its cause). */
export function findDatabaseBusy(error: unknown): DatabaseBusyError | undefined {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseBusyError) return e;
  }
  return undefined;
}

export type QueueLimits = {
  /** Longest a statement waits for its turn before it is refused. */
  maxWaitMs: number;
  /** Most statements that may wait at once; one more is refused at once. */
  maxQueued: number;
};

type Waiter = { grant: () => void; timer: NodeJS.Timeout | undefined };

export type FifoGate = {
  run: <T>(fn: () => Promise<T>) => Promise<T>;
  /** Statements waiting now (not counting the one running). */
  readonly waiting: number;
};

export function createFifoGate(limits: QueueLimits): FifoGate {
  const waiters: Waiter[] = [];
  let running = false;
  const retryAfterSeconds = Math.max(1, Math.ceil(limits.maxWaitMs / 1000));

  const next = () => {
    const waiter = waiters.shift();
    if (!waiter) {
      running = false;
      return;
    }
    if (waiter.timer) clearTimeout(waiter.timer);
    // The next turn starts after the event loop has read sockets, not at once: PGlite runs on
    // this thread, and handing turns over as promises resolve drained the whole queue before
    // Node read another request, so under load some connections waited 10 s while others were
    // served (docs/benchmarks.md, issue 12). Requests that arrive meanwhile queue in order, and
    // identical searches join the one already waiting (lib/search/run-search.ts).
    setImmediate(waiter.grant);
  };

  const acquire = (): Promise<void> => {
    if (!running) {
      running = true;
      return Promise.resolve();
    }
    if (waiters.length >= limits.maxQueued) {
      return Promise.reject(
        new DatabaseBusyError(`The embedded database is busy: ${waiters.length} statements are already waiting.`, retryAfterSeconds),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { grant: resolve, timer: undefined };
      waiter.timer = setTimeout(() => {
        const at = waiters.indexOf(waiter);
        if (at >= 0) waiters.splice(at, 1);
        reject(new DatabaseBusyError(`The embedded database is busy: no turn within ${limits.maxWaitMs} ms.`, retryAfterSeconds));
      }, limits.maxWaitMs);
      waiter.timer.unref?.();
      waiters.push(waiter);
    });
  };

  return {
    async run(fn) {
      await acquire();
      try {
        return await fn();
      } finally {
        next();
      }
    },
    get waiting() {
      return waiters.length;
    },
  };
}

/**
 * The part of a PGlite client that drizzle uses (query, transaction) plus exec, each through
 * the gate. Statements inside a transaction use the transaction's own handle and do not queue
 * again: the transaction holds its turn until it ends.
 */
export function gatePglite(client: PGlite, gate: FifoGate): PGlite {
  const gated = {
    query: ((...args: Parameters<PGlite["query"]>) => gate.run(() => client.query(...args))) as PGlite["query"],
    exec: ((...args: Parameters<PGlite["exec"]>) => gate.run(() => client.exec(...args))) as PGlite["exec"],
    transaction: (<T>(fn: (tx: Transaction) => Promise<T>) => gate.run(() => client.transaction(fn))) as PGlite["transaction"],
  };
  return gated as unknown as PGlite;
}
