// One module chooses the driver: PGlite in a local folder when DATABASE_URL is unset,
// PostgreSQL through `postgres` when it is set. Both get the same schema, migrations and
// queries. Nothing opens at import time, and nothing opens it at start-up: `next build` runs
// server modules (and Next.js even runs the start-up hook) in its workers, so the database
// opens on first use, which only a request or a script makes (`npm run demo` warms it up by
// asking /api/health). (Not marked server-only: the scripts import it as well.)
import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { noDelaySockets } from "./no-delay-socket";
import { DatabaseLockedError, lockDataFolder } from "./pglite-lock";
import { createFifoGate, gatePglite, type QueueLimits } from "./pglite-queue";
import * as schema from "./schema";
import { prepareDatabase, type PrepareOptions } from "./setup";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Driver = "pglite" | "postgres";
export type Database = { db: Db; driver: Driver; close: () => Promise<void> };

export type OpenOptions = PrepareOptions & {
  /** PostgreSQL connection string; when absent, PGlite in `dataDir` (or in memory). */
  url?: string;
  dataDir?: string;
  poolSize?: number;
  /** PGlite only: the bounded first-come, first-served wait of every statement (db/pglite-queue.ts). */
  queue?: QueueLimits;
  /**
   * PostgreSQL: the ordinary connections with TCP_NODELAY (db/no-delay-socket.ts), for a
   * process that writes by COPY (the registry import, the demo seed). Not for serving.
   */
  tcpNoDelay?: boolean;
};

const DEFAULT_QUEUE: QueueLimits = { maxWaitMs: 8000, maxQueued: 1000 };

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

async function openPglite(dataDir: string | undefined, queue: QueueLimits, options: PrepareOptions): Promise<Database> {
  const lock = dataDir ? lockDataFolder(dataDir) : undefined;
  let client: import("@electric-sql/pglite").PGlite | undefined;
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { cube } = await import("@electric-sql/pglite/contrib/cube");
    const { earthdistance } = await import("@electric-sql/pglite/contrib/earthdistance");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // PGlite does not create the parent folders of its data directory.
    if (dataDir) fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
    client = await PGlite.create(dataDir ? path.resolve(dataDir) : undefined, {
      extensions: { cube, earthdistance, pg_trgm },
    });
    await migrate(drizzle({ client }), { migrationsFolder });
    // Everything after the migrations, the demo seeding included, queues for its turn.
    const db = drizzle({ client: gatePglite(client, createFifoGate(queue)), schema }) as unknown as Db;
    await prepareDatabase(db, options);
    const opened = client;
    return {
      db,
      driver: "pglite",
      close: async () => {
        await opened.close();
        lock?.release();
      },
    };
  } catch (error) {
    await client?.close().catch(() => {});
    lock?.release();
    throw error;
  }
}

async function openPostgres(url: string, poolSize: number, options: PrepareOptions & { tcpNoDelay?: boolean }): Promise<Database> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");

  // Several app servers may start at once: one migrates and seeds while the others wait on
  // the lock (held by this one connection, released when it closes).
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(7266120415)`;
    await migrate(drizzle({ client: migrator }), { migrationsFolder });
    await prepareDatabase(drizzle({ client: migrator, schema }) as unknown as Db, options);
  } finally {
    await migrator.end();
  }

  // Statements are prepared once per connection; a generic plan chosen after five runs
  // cannot see the search's radius and place, so always plan with the actual values. A name
  // search ANDs the trigram index's matches with a state's or a place's: with the default 4 MB a
  // national-scale bitmap goes lossy and every row of its pages is tested again (262 ms against
  // 50 ms for one search in docs/benchmarks.md); 32 MB keeps it exact. (Per sort or bitmap node
  // of a running statement, not per connection: the search's statements have one or two.)
  // No JIT compilation: every statement here reads a page or a count in milliseconds, but a walk
  // whose row estimate the planner cannot trust (a name walk, costed at 350,000) passes the
  // default jit_above_cost, and compiling the page's 40 columns took 10 to 16 ms of a 20 ms search
  // (docs/benchmarks.md, eleventh pass). PGlite has no JIT.
  const settings = { plan_cache_mode: "force_custom_plan", work_mem: "32MB", jit: "off" };
  // TCP_NODELAY where asked (db/no-delay-socket.ts). The driver's types omit the option.
  const socket = (options.tcpNoDelay ? { socket: noDelaySockets() } : {}) as object;
  const client = postgres(url, { max: poolSize, onnotice: () => {}, connection: settings, ...socket });
  // The search's ordered walks through its covering indexes (db/queries/search.ts) run on
  // connections of their own, whose planner never takes a bitmap scan or parallel workers: set
  // once per connection instead of a transaction and a settings statement per search (three
  // round trips more, on each of the search's two connections). Connections open on first use.
  // The walks that must also keep the index's order (names in order, stopping after the page)
  // have a pool of their own too, with sorting off besides.
  const walkerPool = (walkSettings: Record<string, string>) => postgres(url, { max: poolSize, onnotice: () => {}, connection: { ...settings, ...walkSettings } });
  const walker = walkerPool(INDEX_WALK_SETTINGS);
  const inOrderWalker = walkerPool(INDEX_ORDER_SETTINGS);
  const db = drizzle({ client, schema }) as unknown as Db;
  walkers.set(db, {
    walk: drizzle({ client: walker, schema }) as unknown as Db,
    inOrder: drizzle({ client: inOrderWalker, schema }) as unknown as Db,
  });
  return {
    db,
    driver: "postgres",
    close: async () => {
      await Promise.all([client.end(), walker.end(), inOrderWalker.end()]);
    },
  };
}

/**
 * The planner settings of an ordered index walk (db/queries/search.ts): never a bitmap scan (it
 * would read the table for every candidate and sort them) and never parallel workers (a
 * parallel append interleaves the score levels; starting workers costs more than the walk).
 */
export const INDEX_WALK_SETTINGS = { enable_bitmapscan: "off", max_parallel_workers_per_gather: "0" } as const;
/** A walk that must also read in the index's order and stop after the page: no sort at all. */
export const INDEX_ORDER_SETTINGS = { ...INDEX_WALK_SETTINGS, enable_sort: "off" } as const;

const walkers = new WeakMap<Db, { walk: Db; inOrder: Db }>();

/**
 * PostgreSQL: the same database on connections with INDEX_WALK_SETTINGS (or, `inIndexOrder`,
 * INDEX_ORDER_SETTINGS); otherwise undefined.
 */
export const indexWalkDb = (db: Db, inIndexOrder = false): Db | undefined => walkers.get(db)?.[inIndexOrder ? "inOrder" : "walk"];

/** Opens a database, applies migrations (a no-op when current) and loads reference data. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.url
    ? openPostgres(options.url, options.poolSize ?? 10, options)
    : openPglite(options.dataDir, options.queue ?? DEFAULT_QUEUE, options);
}

// One database per process, shared by every route bundle (Next.js may load this module more
// than once), opened on first use.
const globalKey = Symbol.for("therapist-finder.database");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<Database> };

export async function getDatabase(): Promise<Database> {
  // `next build` prerenders pages in its workers to learn which are static; a page that asks
  // for the database must never open it there. connection() tells Next.js that what follows
  // needs a real request: in a prerender it stops here; in a request it returns at once.
  // Outside Next.js (scripts, tests) it refuses ("outside a request scope"), which is fine.
  try {
    await connection();
  } catch (error) {
    if (!(error instanceof Error && error.message.includes("outside a request scope"))) throw error;
  }
  return openShared();
}

function openShared(): Promise<Database> {
  const g = globalThis as GlobalWithDb;
  if (!g[globalKey]) {
    const e = env();
    const started = Date.now();
    g[globalKey] = openDatabase({
      url: e.DATABASE_URL,
      dataDir: e.PGLITE_DATA_DIR,
      poolSize: e.DATABASE_POOL_SIZE,
      queue: { maxWaitMs: e.PGLITE_QUEUE_WAIT_MS, maxQueued: e.PGLITE_QUEUE_LIMIT },
      seedDemo: e.SEED_DEMO ? { count: e.DEMO_COUNT } : undefined,
    });
    // A failed open is not cached: the next request tries again.
    g[globalKey].then(
      (database) => console.log(`[database] ${database.driver} ready in ${Date.now() - started} ms`),
      (error: unknown) => {
        delete g[globalKey];
        console.error(`[database] could not open the database:`, error instanceof DatabaseLockedError ? error.message : error);
      },
    );
  }
  return g[globalKey];
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
