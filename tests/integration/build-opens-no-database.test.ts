// `next build` never opens a database, in any of its processes: built in a fresh copy of the
// project, once on the embedded database and once with DATABASE_URL naming a server, it leaves
// no data folder and no lock behind, and nothing connects to the server. (Next.js 16 runs the
// start-up hook inside the build's static-generation worker; a build once migrated and seeded
// the embedded folder there and left its lock, and a following `next start` was refused.)
// The second build is then served with a database that cannot be reached: the search page says
// so and keeps the search (no stack trace), and the API answers 503 with Retry-After.
// Slow: two production builds, one per database mode.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyProject } from "../helpers/fresh-copy";

const BUILD_TIMEOUT_MS = 25 * 60_000;

function nextBuild(cwd: string, extraEnv: Record<string, string>): Promise<{ code: number | null; output: string }> {
  // As a person would run it: not with vitest's NODE_ENV=test.
  const env: Record<string, string | undefined> = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SEED_DEMO: "true", DEMO_COUNT: "50", ...extraEnv };
  delete env.NODE_ENV;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(cwd, "node_modules/next/dist/bin/next"), "build"], { cwd, env: env as NodeJS.ProcessEnv });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("exit", (code: number | null) => resolve({ code, output }));
  });
}

describe("next build opens no database", () => {
  let root: string;
  let project: string;

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "tf-build-"));
    project = path.join(root, "project");
    copyProject(project);
  }, 10 * 60_000);

  afterAll(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it(
    "on the embedded database: no data folder, no lock file",
    async () => {
      const dataParent = path.join(root, "runtime");
      const dataDir = path.join(dataParent, "pglite");
      const { code, output } = await nextBuild(project, { DATABASE_URL: "", PGLITE_DATA_DIR: dataDir });
      expect(code, output.slice(-4000)).toBe(0);
      expect(fs.existsSync(dataDir), "the build created the data folder").toBe(false);
      expect(fs.existsSync(`${dataDir}.lock`), "the build left a lock file").toBe(false);
      expect(fs.existsSync(dataParent), "the build created the data folder's parent").toBe(false);
      expect(fs.existsSync(path.join(project, "data")), "the build created ./data").toBe(false);
    },
    BUILD_TIMEOUT_MS,
  );

  it(
    "with DATABASE_URL set: nothing connects to the server",
    async () => {
      // A stand-in PostgreSQL server that counts connections and drops each at once.
      let connections = 0;
      const server = net.createServer((socket) => {
        connections++;
        socket.destroy();
      });
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      const { port } = server.address() as net.AddressInfo;
      try {
        const { code, output } = await nextBuild(project, { DATABASE_URL: `postgres://x@127.0.0.1:${port}/none` });
        expect(code, output.slice(-4000)).toBe(0);
        expect(connections, "the build connected to the database server").toBe(0);
        expect(fs.existsSync(path.join(project, "data")), "the build created ./data").toBe(false);
      } finally {
        await new Promise((r) => server.close(r));
      }
    },
    BUILD_TIMEOUT_MS,
  );

  it(
    "served with a database that cannot be reached: a plain page and a 503 from the API, no stack trace",
    async () => {
      // Port 1 on the loopback address: every connection is refused at once.
      const env: Record<string, string | undefined> = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "postgres://x@127.0.0.1:1/none" };
      delete env.NODE_ENV;
      const port = await freePort();
      env.SITE_URL = `http://127.0.0.1:${port}`;
      const server = spawn(process.execPath, [path.join(project, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
        cwd: project,
        env: env as NodeJS.ProcessEnv,
      });
      let log = "";
      server.stdout.on("data", (d: Buffer) => (log += d.toString()));
      server.stderr.on("data", (d: Buffer) => (log += d.toString()));
      try {
        const base = `http://127.0.0.1:${port}`;
        await waitFor(async () => (await fetch(`${base}/guide`)).ok, 120_000, () => log);

        const page = await fetch(`${base}/therapists?location=10001&modality=deep-tissue`);
        const html = await page.text();
        // Said on the page itself (no JavaScript needed), with the search kept in the form.
        expect(html).toContain("Search is not available just now");
        expect(html).toMatch(/id="f-location"[^>]*value="10001"/);
        expect(html).not.toMatch(/ECONNREFUSED|\bat .*\.(ts|js):\d+|postgres:\/\//);

        const api = await fetch(`${base}/api/therapists?location=10001`);
        expect(api.status).toBe(503);
        expect(Number(api.headers.get("retry-after"))).toBeGreaterThan(0);
        const body = (await api.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe("unavailable");
        expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|postgres:\/\//);
      } finally {
        server.kill("SIGTERM");
        await new Promise((r) => server.once("exit", r));
      }
    },
    5 * 60_000,
  );
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(ready: () => Promise<boolean>, ms: number, log: () => string) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if (await ready()) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`the server did not start: ${log().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
