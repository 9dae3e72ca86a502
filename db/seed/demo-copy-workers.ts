// Demo COPY text made in worker threads (./demo-copy-worker.ts), so that generating and
// serialising a million therapists does not compete with streaming them to PostgreSQL on the
// main thread. The workers load TypeScript through tsx (./demo-copy-worker.mjs registers it:
// Node 20 does not run the parent's `--import tsx` in a worker; the other flags, such as
// --conditions=react-server, are inherited; so they start under vitest too). Where a worker
// cannot start, the caller falls back to the in-thread source.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { DemoCopyChunk, DemoCopySource } from "./demo-copy";

type Reply = { ready?: true; chunk?: DemoCopyChunk; error?: string };

/**
 * How many workers by default: one per core but one, which the PostgreSQL server needs to
 * parse and write the COPY data (on this 2-core machine: one worker, the main thread only
 * streams bytes).
 */
export const defaultDemoCopyWorkers = () => Math.max(1, os.availableParallelism() - 1);

/** Starts `count` workers; null when they cannot start (the reason goes to `onFallback`). */
export async function startDemoCopyWorkers(count = defaultDemoCopyWorkers(), onFallback?: (reason: string) => void): Promise<DemoCopySource | null> {
  const workers: Worker[] = [];
  const waiting: { resolve: (c: DemoCopyChunk) => void; reject: (e: Error) => void }[][] = [];
  const starts: Promise<void>[] = [];
  for (let w = 0; w < count; w++) {
    const worker = new Worker(new URL("./demo-copy-worker.mjs", import.meta.url));
    const queue: (typeof waiting)[number] = [];
    workers.push(worker);
    waiting.push(queue);
    starts.push(
      new Promise<void>((resolve, reject) => {
        worker.once("error", reject);
        worker.once("exit", (code) => reject(new Error(`demo COPY worker exited with code ${code}`)));
        worker.on("message", (reply: Reply) => {
          if (reply.ready) return resolve();
          const next = queue.shift();
          if (reply.chunk) next?.resolve(reply.chunk);
          else next?.reject(new Error(reply.error ?? "demo COPY worker failed"));
        });
      }),
    );
    // A worker that dies fails whatever it still owes.
    worker.on("error", (error) => queue.splice(0).forEach((q) => q.reject(error)));
    worker.on("exit", (code) => queue.splice(0).forEach((q) => q.reject(new Error(`demo COPY worker exited with code ${code}`))));
  }
  try {
    await Promise.all(starts);
  } catch (error) {
    await Promise.all(workers.map((w) => w.terminate()));
    onFallback?.(error instanceof Error ? error.message : String(error));
    return null;
  }
  let next = 0;
  return {
    parallelism: count,
    chunk(first, size, seed) {
      const w = next++ % count;
      return new Promise<DemoCopyChunk>((resolve, reject) => {
        waiting[w]!.push({ resolve, reject });
        workers[w]!.postMessage({ first, size, seed });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
