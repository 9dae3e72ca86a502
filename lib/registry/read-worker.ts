// The registry file's reading thread (./read-in-worker.ts): reads the file named in its
// workerData in batches (./read-file.ts) and posts each one; it reads ahead at most two batches
// beyond those the importing thread has asked for, so a large file never piles up in memory.
import { parentPort, workerData } from "node:worker_threads";
import { readBatches } from "./read-file";

const port = parentPort!;
const { path, batchSize } = workerData as { path: string; batchSize: number };
let credit = 2;
let wake: (() => void) | null = null;
port.on("message", () => {
  credit++;
  wake?.();
  wake = null;
});
port.postMessage({ ready: true });
try {
  // Larger reads than on the importing thread: nothing else waits on this one.
  for await (const batch of readBatches(path, batchSize, 64 * 1024)) {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    port.postMessage({ batch });
  }
  port.postMessage({ done: true });
} catch (error) {
  port.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
