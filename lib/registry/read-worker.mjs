// Entry of the registry file's reading thread (./read-in-worker.ts): Node 20 does not run the
// parent's `--import tsx` hooks in a worker, so the worker registers tsx itself, then loads
// the TypeScript worker (as db/seed/demo-copy-worker.mjs does).
import { register } from "tsx/esm/api";

register();
await import("./read-worker.ts");
