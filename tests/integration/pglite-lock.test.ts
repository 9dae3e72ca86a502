// The embedded database refuses a second opener, in this process or another, at once and
// with a message naming the holder; a lock left by a dead process is taken over.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { DatabaseLockedError } from "@/db/pglite-lock";

describe("embedded database folder lock", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tf-lock-"));
  const dataDir = path.join(root, "nested", "pglite");
  let holder: Database;

  beforeAll(async () => {
    holder = await openDatabase({ dataDir });
  });

  afterAll(async () => {
    await holder?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("refuses a second opener in the same process", async () => {
    const second = await openDatabase({ dataDir }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(DatabaseLockedError);
    expect((second as Error).message).toContain(`in use by process ${process.pid}`);
  });

  it("refuses another process (the seed script) at once, with a clear message", () => {
    const started = Date.now();
    const child = spawnSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/seed.ts", "--count", "1"],
      { env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: dataDir }, encoding: "utf8", timeout: 60_000 },
    );
    expect(child.status).not.toBe(0);
    expect(child.stderr).toContain(`is in use by process ${process.pid}`);
    expect(child.stderr).toContain("set DATABASE_URL");
    expect(Date.now() - started).toBeLessThan(30_000); // "at once": no waiting on the lock
  });

  it("the holder's data is intact and writable afterwards", async () => {
    const { countTherapists } = await import("@/db/queries/therapists");
    expect((await countTherapists(holder.db)).total).toBe(0);
  });

  it("takes over a lock left by a process that no longer exists, and releases on close", async () => {
    const other = path.join(root, "stale");
    const lockPath = `${path.resolve(other)}.lock`;
    fs.mkdirSync(path.dirname(lockPath), { recursive: true });
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid!; // exited already
    fs.writeFileSync(lockPath, JSON.stringify({ pid: dead, hostname: os.hostname(), command: "gone", startedAt: "2026-01-01" }));
    const db = await openDatabase({ dataDir: other });
    expect(JSON.parse(fs.readFileSync(lockPath, "utf8")).pid).toBe(process.pid);
    await db.close();
    expect(fs.existsSync(lockPath)).toBe(false);
  });
});
