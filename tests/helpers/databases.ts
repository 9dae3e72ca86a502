// The databases every data-layer suite runs on: PGlite always, PostgreSQL whenever
// TEST_DATABASE_URL is set. Each call makes a fresh, empty database, migrated from nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, type Database, type OpenOptions } from "@/db/client";

export type TestStore = {
  /** Opens (or re-opens) this store, applying migrations as the app does. */
  open: (options?: Omit<OpenOptions, "url" | "dataDir">) => Promise<Database>;
  /** Removes the store. */
  destroy: () => Promise<void>;
};

export type TestDriver = { name: "PGlite" | "PostgreSQL"; createStore: () => Promise<TestStore> };

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

function pgliteDriver(): TestDriver {
  return {
    name: "PGlite",
    createStore: async () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), "tf-pglite-"));
      const dataDir = path.join(root, "db");
      return {
        open: (options = {}) => openDatabase({ ...options, dataDir }),
        destroy: async () => fs.rmSync(root, { recursive: true, force: true }),
      };
    },
  };
}

function postgresDriver(baseUrl: string): TestDriver {
  return {
    name: "PostgreSQL",
    createStore: async () => {
      const name = `${new URL(baseUrl).pathname.slice(1) || "tf"}_t${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${name}"`);
      await admin.end();
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      return {
        open: (options = {}) => openDatabase({ ...options, url: url.toString(), poolSize: 4 }),
        destroy: async () => {
          const cleanup = postgres(baseUrl, { max: 1, onnotice: () => {} });
          await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
          await cleanup.end();
        },
      };
    },
  };
}

export const testDrivers: TestDriver[] = [pgliteDriver(), ...(TEST_DATABASE_URL ? [postgresDriver(TEST_DATABASE_URL)] : [])];

if (!TEST_DATABASE_URL && process.env.CI) {
  throw new Error("CI must set TEST_DATABASE_URL so that the PostgreSQL half of the suites runs.");
}

/** The rows of a raw `db.execute` result, whichever driver answered. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
