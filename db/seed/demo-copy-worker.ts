// Worker thread of ./demo-copy-workers.ts: makes COPY text for ranges of demo therapists and
// hands the bytes back without copying them.
import { parentPort } from "node:worker_threads";
import { demoCopyChunk } from "./demo-copy";

const port = parentPort!;
port.on("message", (request: { first: number; size: number; seed: string }) => {
  try {
    const chunk = demoCopyChunk(request.first, request.size, request.seed);
    const buffers = [chunk.therapists.buffer, chunk.licenses.buffer, chunk.links.buffer] as ArrayBuffer[];
    port.postMessage({ chunk }, [...new Set(buffers)]);
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
port.postMessage({ ready: true });
