// The registry file read in a worker thread (./read-worker.ts), so that parsing it (csv-parse
// and each row's checks, about half the import's own work) overlaps with writing the batches
// on the importing thread. The worker loads TypeScript through tsx (./read-worker.mjs); where it
// cannot start, the caller reads on its own thread.
import { Worker } from "node:worker_threads";
import type { ReadBatch } from "./read-file";

type Reply = { ready?: true; batch?: ReadBatch; done?: true; error?: string };

/** The file's batches from a worker thread, or null when the worker cannot start. */
export async function readBatchesInWorker(path: string, batchSize: number): Promise<AsyncGenerator<ReadBatch> | null> {
  let worker: Worker;
  const inbox: Reply[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  try {
    worker = new Worker(new URL("./read-worker.mjs", import.meta.url), { workerData: { path, batchSize } });
  } catch {
    return null;
  }
  worker.on("message", (reply: Reply) => {
    inbox.push(reply);
    notify();
  });
  worker.on("error", (error) => {
    failure ??= error;
    notify();
  });
  worker.on("exit", (code) => {
    failure ??= new Error(`the registry reading thread exited with code ${code}`);
    notify();
  });
  const next = async (): Promise<Reply> => {
    while (!inbox.length && !failure) await new Promise<void>((resolve) => (wake = resolve));
    const reply = inbox.shift();
    if (reply) return reply;
    throw failure!;
  };
  try {
    if (!(await next()).ready) throw new Error("unexpected first message");
  } catch {
    await worker.terminate();
    return null;
  }
  return (async function* () {
    try {
      for (;;) {
        const reply = await next();
        if (reply.error) throw new Error(reply.error);
        if (reply.done) return;
        worker.postMessage("more");
        yield reply.batch!;
      }
    } finally {
      await worker.terminate();
    }
  })();
}
