// npm run demo: build for production, then serve the site on the embedded database with
// fictional demo data (seeded the first time only) at http://localhost:$PORT.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
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

if (!skipBuild) {
  console.log("Building Therapist Finder for production (next build)...");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: childEnv });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const e = env();
const where = e.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `the embedded database in ${e.PGLITE_DATA_DIR}`;
console.log(`Starting the server on ${where}; the first start seeds ${e.DEMO_COUNT} fictional therapists...`);
const server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], { stdio: "inherit", env: childEnv });

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

// Say where to open it once the database has answered.
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
  } catch {
    // not listening yet
  }
}
