// GET /api/health answers 200 naming the driver, or 503 with a reason, never a stack trace.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

async function healthWith(envVars: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(envVars)) vi.stubEnv(k, v);
  const { GET } = await import("@/app/api/health/route");
  // As `npm run demo` warms it up: open first, so health measures a ready database.
  const { getDatabase } = await import("@/db/client");
  await getDatabase().catch(() => {});
  const res = await GET();
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("GET /api/health", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tf-health-"));
  afterEach(async () => {
    const { getDatabase } = await import("@/db/client");
    await getDatabase().then((d) => d.close()).catch(() => {});
    vi.unstubAllEnvs();
  });

  it("names PGlite and says the database answered", async () => {
    const { status, body } = await healthWith({ DATABASE_URL: "", PGLITE_DATA_DIR: path.join(root, "db") });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "ok", driver: "pglite", database: "answered" });
  });

  it("answers 503 with a reason when PostgreSQL does not answer", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { status, body } = await healthWith({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/nothing_here" });
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: "unavailable", driver: "postgres", database: "did not answer" });
    expect(String(body.reason)).toMatch(/could not be reached|did not answer/);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|ECONNREFUSED/);
  });
});
