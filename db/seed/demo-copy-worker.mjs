// Entry of a demo COPY worker thread (./demo-copy-workers.ts): Node 20 does not run the
// parent's `--import tsx` hooks in a worker, so the worker registers tsx itself, then loads
// the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./demo-copy-worker.ts");
