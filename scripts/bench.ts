// npm run bench [-- --count 1000000 --driver postgres|pglite --url URL --reuse --dir FOLDER
//                 --queries 600 --seconds 15 --connections 20 --out FILE --no-build --no-http
//                 --exact-up-to N]
// Loads N fictional therapists with the demo generator (through the seed's fastest path) into a
// fresh database, or reuses one already loaded (--reuse: a PostgreSQL database named by --url,
// or a PGlite folder named by --dir, holding at least N therapists); runs a fixed mix of
// realistic searches through searchTherapists(), each interleaved with the ideal query (the 20
// nearest through the GiST index's `<->` ordering, one modality) on the same table, and reports
// p50/p95/p99 per kind of search beside the ideal query's, and their ratio; prints the plans of
// the slowest kinds; then serves the production build on that database and measures requests
// per second of /api/health and of a mix of /api/therapists searches, in the same run.
// --exact-up-to N: the database mix counts exactly up to N matches instead of the app's 1,000
// (COUNT_EXACT_UP_TO), to measure what a lower threshold would cost and save; the HTTP runs
// always use the app's. A benchmark, not a test: it never fails on a number.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import postgres from "postgres";
import seedrandom from "seedrandom";
import { openDatabase, type Database } from "@/db/client";
import { COUNT_EXACT_UP_TO, explainSearch, idealNearest, searchTherapists, vacuumAnalyzeTherapists, type SearchCriteria } from "@/db/queries/search";
import { countTherapists } from "@/db/queries/therapists";
import { MODALITIES } from "@/db/reference/modalities";
import { startDemoCopyWorkers } from "@/db/seed/demo-copy-workers";
import { insertDemoTherapists } from "@/db/seed/insert-demo";
import { resolveLocation } from "@/lib/search/location";

const { values: args } = parseArgs({
  options: {
    count: { type: "string", default: "100000" },
    driver: { type: "string", default: "postgres" },
    url: { type: "string" },
    dir: { type: "string" },
    reuse: { type: "boolean", default: false },
    queries: { type: "string", default: "600" },
    seconds: { type: "string", default: "15" },
    connections: { type: "string", default: "20" },
    out: { type: "string" },
    "no-build": { type: "boolean", default: false },
    "no-http": { type: "boolean", default: false },
    "exact-up-to": { type: "string" },
  },
});
const COUNT = Number(args.count);
const QUERIES = Number(args.queries);
const SEARCH_OPTIONS = args["exact-up-to"] ? { exactUpTo: Number(args["exact-up-to"]) } : {};
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const DRIVER = args.driver === "pglite" ? "pglite" : "postgres";
const PG_URL = args.url || process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || "";
const report: string[] = [];
const say = (line = "") => {
  console.log(line);
  report.push(line);
  // Written as it goes: a long run's first results are on disk before it ends.
  if (args.out) fs.writeFileSync(args.out, `${report.join("\n")}\n`);
};

const BIG = ["10001", "90012", "60601", "77002", "85004", "19103", "78205", "92101", "75201", "94103", "98101", "02108"];
const RURAL = ["59301", "82901", "58701", "69101", "97720", "04730", "79830", "99501", "83440", "67801"];
const STATES = ["CA", "TX", "KS", "VT", "NY"];
const FLAGS = ["licensed", "ncbtmb", "insurance", "referrals", "accredited", "association", "accepting"] as const;

/** The fixed query mix: same seed, same searches, on every database. */
function queryMix(n: number): SearchCriteria[] {
  const rng = seedrandom.alea("bench-mix");
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)]!;
  const slugs = MODALITIES.slice(0, 8).map((m) => m.slug);
  return Array.from({ length: n }, (_, i) => {
    const kind = i % 10;
    const place = resolveLocation(kind < 6 ? pick(BIG) : kind < 9 ? pick(RURAL) : pick(STATES));
    if (place.kind === "unknown") throw new Error("bench place unknown");
    const modalities = [...new Set(Array.from({ length: 1 + Math.floor(rng() * 3) }, () => pick(slugs)))];
    const c: SearchCriteria = {
      ...(place.kind === "point" ? { near: { latitude: place.latitude, longitude: place.longitude, radiusMiles: pick([10, 25, 25, 50, 100]) } } : { state: place.state }),
      modalities,
      sort: place.kind === "point" ? pick(["nearest", "nearest", "best", "name"] as const) : pick(["best", "name"] as const),
      limit: 20,
      offset: rng() < 0.2 ? 20 * (1 + Math.floor(rng() * 9)) : 0,
    };
    for (const f of FLAGS) if (rng() < 0.15) c[f] = true;
    if (rng() < 0.2) c.sciatica = pick(["some", "extensive"] as const);
    if (rng() < 0.05) c.q = pick(["bramble", "willowby", "quilstone", "juniper"]);
    return c;
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const kindOf = (c: SearchCriteria) => `${c.near ? "radius" : "state"}, sort ${c.sort}${c.offset ? ", deep page" : ""}${c.q ? ", name" : ""}`;

async function load(database: Database) {
  const have = (await countTherapists(database.db)).total;
  if (args.reuse && have >= COUNT) {
    say(`- reused a database holding ${have.toLocaleString("en-US")} therapists (not loaded in this run)`);
  } else {
    const started = performance.now();
    // On PostgreSQL, COPY text made in worker threads, as `npm run seed` does.
    const copySource = database.driver === "postgres" ? await startDemoCopyWorkers() : null;
    try {
      await insertDemoTherapists(database.db, { count: COUNT - (args.reuse ? have : 0), copySource: copySource ?? undefined });
    } finally {
      await copySource?.close();
    }
    const seconds = (performance.now() - started) / 1000;
    say(`- loaded ${COUNT.toLocaleString("en-US")} therapists in ${seconds.toFixed(1)} s (${Math.round(COUNT / seconds).toLocaleString("en-US")} therapists/s, indexes included)`);
  }
  const started = performance.now();
  // Index-only scans need the visibility map; a loaded table is vacuumed by autovacuum later.
  await vacuumAnalyzeTherapists(database.db);
  say(`- vacuum analyze: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Reads the therapists' and licences' tables and indexes into the operating system's file cache,
 * so that the searches and the ideal query beside them read memory alike. Some machines page
 * out file pages nobody touched for a while (seen: a Firecracker VM whose kernel pages out
 * anything idle for 60 s, DAMON's "pageout" scheme), and a search reaching such pages measures
 * the disk, not the query. PostgreSQL: pg_prewarm's "read" mode (the bench's own database);
 * PGlite: its folder's files read once.
 */
async function warmFileCache(target: { url: string } | { dir: string }): Promise<string> {
  const started = performance.now();
  if ("url" in target) {
    const pg = postgres(target.url, { max: 1, onnotice: () => {} });
    try {
      await pg`create extension if not exists pg_prewarm`;
      const [row] = await pg<{ blocks: string }[]>`
        select sum(pg_prewarm(c.oid::regclass, 'read'))::text as blocks from pg_class c
         where c.oid in ('therapists'::regclass, 'licenses'::regclass)
            or c.oid in (select indexrelid from pg_index where indrelid in ('therapists'::regclass, 'licenses'::regclass))`;
      return `${Number(row?.blocks ?? 0).toLocaleString("en-US")} blocks in ${((performance.now() - started) / 1000).toFixed(1)} s`;
    } finally {
      await pg.end();
    }
  }
  let bytes = 0;
  const buffer = Buffer.alloc(1 << 20);
  for (const entry of fs.readdirSync(target.dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const fd = fs.openSync(path.join(entry.parentPath, entry.name), "r");
    try {
      for (let n = fs.readSync(fd, buffer); n > 0; n = fs.readSync(fd, buffer)) bytes += n;
    } finally {
      fs.closeSync(fd);
    }
  }
  return `${(bytes / 2 ** 20).toFixed(0)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`;
}

const NEW_YORK = resolveLocation("10001");

async function measure(database: Database) {
  const mix = queryMix(QUERIES);
  const ideal = (c: SearchCriteria) => idealNearest(database.db, c.near ?? (NEW_YORK.kind === "point" ? NEW_YORK : { latitude: 40.75, longitude: -74 }), c.modalities?.[0] ?? "swedish");
  for (const c of mix.slice(0, 30)) {
    await searchTherapists(database.db, c, SEARCH_OPTIONS); // warm up
    await ideal(c);
  }
  const all: number[] = [];
  const ideals: number[] = [];
  const byKind = new Map<string, { times: number[]; ideal: number[]; slowest: { ms: number; c: SearchCriteria } }>();
  // Interleaved: ideal, search, ideal, search... so both see the same machine at the same time.
  for (const c of mix) {
    const i0 = performance.now();
    await ideal(c);
    const di = performance.now() - i0;
    const t0 = performance.now();
    await searchTherapists(database.db, c, SEARCH_OPTIONS);
    const dt = performance.now() - t0;
    all.push(dt);
    ideals.push(di);
    const kind = kindOf(c);
    const k = byKind.get(kind) ?? { times: [], ideal: [], slowest: { ms: 0, c } };
    k.times.push(dt);
    k.ideal.push(di);
    if (dt > k.slowest.ms) k.slowest = { ms: dt, c };
    byKind.set(kind, k);
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const row = (label: string, n: number, xs: number[], ideal: number[]) => {
    const s = sorted(xs);
    const i = sorted(ideal);
    say(`| ${label} | ${n} | ${ms(percentile(s, 50))} | ${ms(percentile(s, 95))} | ${ms(percentile(s, 99))} | ${ms(percentile(i, 50))} | ${ms(percentile(i, 95))} | ${(percentile(s, 95) / percentile(i, 95)).toFixed(1)}x |`);
  };
  say(`\n## Database time of one search (page ids, the page's rows and licences, the count), ${QUERIES} searches, each interleaved with the ideal query${SEARCH_OPTIONS.exactUpTo ? `; counted exactly up to ${SEARCH_OPTIONS.exactUpTo} (--exact-up-to), not the app's ${COUNT_EXACT_UP_TO}` : ""}\n`);
  say("| kind | searches | p50 | p95 | p99 | ideal p50 | ideal p95 | p95 / ideal p95 |");
  say("| --- | --- | --- | --- | --- | --- | --- | --- |");
  row("**all**", all.length, all, ideals);
  for (const [kind, k] of [...byKind.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) row(kind, k.times.length, k.times, k.ideal);
  return byKind;
}

async function plans(database: Database, byKind: Awaited<ReturnType<typeof measure>>) {
  const slowest = [...byKind.entries()].sort(([, a], [, b]) => percentile([...b.times].sort((x, y) => x - y), 95) - percentile([...a.times].sort((x, y) => x - y), 95)).slice(0, 3);
  for (const [kind, k] of slowest) {
    say(`\n### ${kind}: its slowest search (${ms(k.slowest.ms)})\n\n\`${JSON.stringify(k.slowest.c)}\`\n\n\`\`\`\n${await explainSearch(database.db, k.slowest.c)}\n\`\`\``);
  }
}

type HttpResult = { rps: number; p50: number; p99: number; errors: number; detail: string };

function hammer(port: number, paths: string[], seconds = SECONDS): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let i = 0;
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        // No answer at all (a server that did not start) reads as NaN, not a crash.
        const at = (p: number) => (latencies.length ? percentile(latencies, p) : Number.NaN);
        // What the errors were: answers other than 2xx by status, and requests with no answer.
        const detail = [
          ...[...statuses].filter(([status]) => status < 200 || status > 299).map(([status, n]) => `${n} x ${status}`),
          ...(result.timeouts ? [`${result.timeouts} timed out`] : []),
          ...(result.errors > result.timeouts ? [`${result.errors - result.timeouts} connection errors`] : []),
        ].join(", ");
        resolve({ rps: result.requests.average, p50: at(50), p99: at(99), errors: result.errors + result.non2xx, detail });
      },
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
}

/** The HTTP mix: the same kinds of search as the database mix, as URLs. */
function httpMix(n: number): string[] {
  const rng = seedrandom.alea("bench-http");
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)]!;
  const slugs = MODALITIES.slice(0, 8).map((m) => m.slug);
  return Array.from({ length: n }, (_, i) => {
    const kind = i % 10;
    const place = kind < 6 ? pick(BIG) : kind < 9 ? pick(RURAL) : pick(STATES);
    const qs = new URLSearchParams({ location: place });
    if (kind < 9) qs.set("radius", String(pick([10, 25, 25, 50, 100])));
    for (const m of new Set(Array.from({ length: 1 + Math.floor(rng() * 3) }, () => pick(slugs)))) qs.append("modality", m);
    qs.set("sort", kind < 9 ? pick(["nearest", "nearest", "best", "name"]) : pick(["best", "name"]));
    for (const f of FLAGS) if (rng() < 0.15) qs.set(f, "1");
    if (rng() < 0.2) qs.set("sciatica", pick(["some", "extensive"]));
    if (rng() < 0.05) qs.set("q", pick(["bramble", "willowby", "quilstone", "juniper"]));
    if (rng() < 0.2) qs.set("page", String(2 + Math.floor(rng() * 9)));
    return `/api/therapists?${qs}`;
  });
}

async function http(env: Record<string, string>, warm: () => Promise<string>) {
  if (!args["no-build"])
    spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const port = 3400 + (process.pid % 500);
  // The server's own output, for any error the runs count.
  const serverLog = path.join(os.tmpdir(), `therapist-finder-bench-server-${port}.log`);
  const logFd = fs.openSync(serverLog, "w");
  const server: ChildProcess = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    // The site's address is where autocannon sends requests: a request for any other host is
    // answered with a short "this site is at ..." page (lib/security), which is not a search.
    env: { ...process.env, ...env, SITE_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", logFd, logFd],
  });
  try {
    for (let n = 0; n < 120; n++) {
      await new Promise((r) => setTimeout(r, 1000));
      if ((await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.ok) break;
    }
    const searchPaths = httpMix(400);
    // Measure answers, not notices: health and every search must answer 200 with JSON.
    for (const p of ["/api/health", ...searchPaths.slice(0, 40)]) {
      const res = await fetch(`http://127.0.0.1:${port}${p}`);
      const type = res.headers.get("content-type") ?? "";
      const body = (await res.json().catch(() => null)) as { results?: unknown[] } | null;
      if (!res.ok || !type.includes("json") || !body || (p !== "/api/health" && !Array.isArray(body.results)))
        throw new Error(`${p} answered ${res.status} ${type}: not what the benchmark measures`);
    }
    // Warm up both: a first run of a route not yet served pays for its start-up (seen: health's
    // first run at a fifth of its second when only the searches were warmed).
    await hammer(port, ["/api/health"], 5);
    await hammer(port, searchPaths, 5);
    say(`File cache warmed before the runs: ${await warm()}.\n`);
    say("| endpoint | requests/s | p50 latency | p99 latency | errors |");
    say("| --- | --- | --- | --- | --- |");
    // Health, search, health, search: the two see the same machine load.
    const runs: { health: HttpResult; search: HttpResult }[] = [];
    for (let r = 0; r < 2; r++) runs.push({ health: await hammer(port, ["/api/health"]), search: await hammer(port, searchPaths) });
    for (const [r, { health, search }] of runs.entries()) {
      say(`| /api/health (run ${r + 1}) | ${health.rps.toFixed(0)} | ${health.p50.toFixed(0)} ms | ${health.p99.toFixed(0)} ms | ${health.errors}${health.detail ? ` (${health.detail})` : ""} |`);
      say(`| /api/therapists, search mix (run ${r + 1}) | ${search.rps.toFixed(1)} | ${search.p50.toFixed(0)} ms | ${search.p99.toFixed(0)} ms | ${search.errors}${search.detail ? ` (${search.detail})` : ""} |`);
    }
    const ratios = runs.map(({ health, search }) => `${((search.rps / health.rps) * 100).toFixed(0)}%`);
    say(`\nSearch mix throughput as a share of the health endpoint's, per run: ${ratios.join(", ")} (target: 30% at 1,000,000, 50% at 100,000, zero errors).`);
    if (runs.some(({ health, search }) => health.errors || search.errors)) say(`The server's output: ${serverLog}`);
  } finally {
    fs.closeSync(logFd);
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

say(`# Benchmark run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: ${DRIVER === "postgres" ? "PostgreSQL" : "PGlite"}, ${COUNT.toLocaleString("en-US")} therapists`);
say(`\nMachine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}.`);
say(`\n## Loading\n`);

let pgliteDir: string | undefined;
let freshPg: { name: string; admin: postgres.Sql } | undefined;
let url = PG_URL;
if (DRIVER === "postgres") {
  if (!PG_URL) throw new Error("PostgreSQL: give --url, BENCH_DATABASE_URL or TEST_DATABASE_URL");
  if (!args.reuse) {
    const name = `tf_bench_${process.pid}`;
    const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    freshPg = { name, admin };
    const u = new URL(PG_URL);
    u.pathname = `/${name}`;
    url = u.toString();
  }
} else {
  pgliteDir = args.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "tf-bench-"));
}
const dataDir = pgliteDir ? path.join(pgliteDir, "db") : undefined;
try {
  const opened = performance.now();
  const database = DRIVER === "postgres" ? await openDatabase({ url }) : await openDatabase({ dataDir });
  say(`- opened and migrated in ${((performance.now() - opened) / 1000).toFixed(1)} s`);
  await load(database);
  const warmTarget = DRIVER === "postgres" ? { url } : { dir: dataDir! };
  say(`- file cache warmed before the searches: ${await warmFileCache(warmTarget)}`);
  const byKind = await measure(database);
  say(`\n## Plans of the slowest kinds (${DRIVER === "postgres" ? "PostgreSQL" : "PGlite"}, EXPLAIN ANALYZE)`);
  await plans(database, byKind);
  await database.close();
  if (!args["no-http"]) {
    say(`\n## HTTP against the production server (${COUNT.toLocaleString("en-US")} therapists, ${CONNECTIONS} connections, ${SECONDS} s each, health and search runs alternating)\n`);
    await http(
      DRIVER === "postgres" ? { DATABASE_URL: url, SEED_DEMO: "false" } : { DATABASE_URL: "", PGLITE_DATA_DIR: dataDir!, SEED_DEMO: "false" },
      () => warmFileCache(warmTarget),
    );
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  if (freshPg) {
    await freshPg.admin.unsafe(`drop database if exists ${freshPg.name} with (force)`);
    await freshPg.admin.end();
  }
  if (pgliteDir && !args.dir) fs.rmSync(pgliteDir, { recursive: true, force: true });
}
