// npm run demo: build for production, then serve the site on the embedded database with
// fictional demo data (seeded the first time only) at http://localhost:$PORT.
//
// The database is never opened by the build, nor by the server's start-up hook: it opens on
// first use. This script is what warms it up: once the server listens, it asks /api/health,
// which opens the database (migrations, reference data, the first seeding) before anyone else
// arrives.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { waitForFolderRelease } from "@/db/pglite-lock";
import { env } from "@/lib/env";

const port = Number(process.env.PORT ?? 3000);
const skipBuild = process.argv.includes("--no-build");
const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const childEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  SEED_DEMO: process.env.SEED_DEMO ?? "true",
  AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
};
// A previous server on the same folder that is still shutting down gets this long to let go.
const RELEASE_WAIT_MS = 30_000;

if (!skipBuild) {
  console.log("Building Therapist Finder for production (next build)...");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: childEnv });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const e = env();
if (!e.DATABASE_URL) {
  let said = false;
  const holder = await waitForFolderRelease(e.PGLITE_DATA_DIR, {
    timeoutMs: RELEASE_WAIT_MS,
    onWait: (h) => {
      if (said) return;
      said = true;
      console.log(`Waiting up to ${RELEASE_WAIT_MS / 1000} s for process ${h.pid} (${h.command || "unknown command"}) to release ${path.resolve(e.PGLITE_DATA_DIR)}...`);
    },
  });
  if (holder) {
    console.error(
      `The embedded database at ${path.resolve(e.PGLITE_DATA_DIR)} is still in use by process ${holder.pid} (${holder.command || "unknown command"}, since ${holder.startedAt}).` +
        " PGlite serves one process at a time: stop that process first, or set DATABASE_URL to use PostgreSQL.",
    );
    process.exit(1);
  }
  if (said) console.log("Released.");
}

const where = e.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `the embedded database in ${e.PGLITE_DATA_DIR}`;
console.log(`Starting the server on ${where}; the first start seeds ${e.DEMO_COUNT} fictional therapists...`);
// The peer-address hook records each request's TCP peer for rate limits (lib/security/client-address.ts).
const server = spawn(process.execPath, ["--import", "./lib/security/peer-address-hook.mjs", nextBin, "start", "-p", String(port)], { stdio: "inherit", env: childEnv });

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
let refused = false;
server.on("exit", (code, signal) => process.exit(refused ? 1 : (code ?? (signal ? 0 : 1))));

// Open the database now (the health check does), and say where to open the site once it has
// answered. A folder taken by someone else in the meantime stops the demo with their name.
const url = `http://localhost:${port}`;
for (let attempt = 0; attempt < 600; attempt++) {
  await new Promise((r) => setTimeout(r, 1000));
  if (server.exitCode !== null) break;
  try {
    const res = await fetch(`${url}/api/health`);
    if (res.ok) {
      console.log(`\n  Therapist Finder is running: open ${url}\n  (stop with Ctrl+C; the data stays for next time)\n`);
      break;
    }
    const body = (await res.json().catch(() => ({}))) as { reason?: string };
    if (body.reason?.includes("in use by another process")) {
      console.error(`[database] ${body.reason}; stopping. (See the server log above for which process.)`);
      refused = true;
      server.kill("SIGTERM");
      break;
    }
  } catch {
    // not listening yet
  }
}
