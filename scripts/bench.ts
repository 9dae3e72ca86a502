// npm run bench [-- --count 100000 --queries 300 --seconds 10 --out FILE --no-build]
// Loads N fictional therapists with the demo generator into a fresh PGlite database and, when
// BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a PostgreSQL server, into a fresh database
// there; runs a fixed mix of realistic searches and reports p50/p95/p99 of the database time;
// then serves the production build and measures requests per second and p95 latency of
// /api/therapists and /api/health in the same run. A benchmark, not a test: it never fails on
// a number.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import postgres from "postgres";
import seedrandom from "seedrandom";
import { openDatabase, type Database } from "@/db/client";
import { analyzeDatabase } from "@/db/queries/health";
import { explainSearch, searchTherapists, type SearchCriteria } from "@/db/queries/search";
import { MODALITIES } from "@/db/reference/modalities";
import { insertDemoTherapists } from "@/db/seed/insert-demo";
import { resolveLocation } from "@/lib/search/location";

const { values: args } = parseArgs({
  options: {
    count: { type: "string", default: "100000" },
    queries: { type: "string", default: "300" },
    seconds: { type: "string", default: "10" },
    out: { type: "string" },
    "no-build": { type: "boolean", default: false },
  },
});
const COUNT = Number(args.count);
const QUERIES = Number(args.queries);
const SECONDS = Number(args.seconds);
const PG_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || "";
const report: string[] = [];
const say = (line = "") => {
  console.log(line);
  report.push(line);
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

async function load(name: string, database: Database) {
  const started = Date.now();
  await insertDemoTherapists(database.db, { count: COUNT });
  await analyzeDatabase(database.db);
  say(`- ${name}: loaded ${COUNT.toLocaleString("en-US")} therapists in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function measure(name: string, database: Database) {
  const mix = queryMix(QUERIES);
  for (const c of mix.slice(0, 20)) await searchTherapists(database.db, c); // warm up
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  for (const c of mix) {
    const t0 = performance.now();
    await searchTherapists(database.db, c);
    const dt = performance.now() - t0;
    times.push(dt);
    const kind = `${c.near ? "radius" : "state"}, sort ${c.sort}${c.offset ? ", deep page" : ""}`;
    byKind.set(kind, [...(byKind.get(kind) ?? []), dt]);
  }
  times.sort((a, b) => a - b);
  say(`| ${name} | ${times.length} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ${ms(percentile(times, 99))} | ${ms(times.at(-1)!)} |`);
  return { name, byKind };
}

async function plans(database: Database) {
  const place = resolveLocation("10001");
  if (place.kind !== "point") throw new Error("no 10001");
  const near = { latitude: place.latitude, longitude: place.longitude, radiusMiles: 25 };
  const cases: [string, SearchCriteria][] = [
    ["10001, 25 miles, deep tissue, nearest first", { near, modalities: ["deep-tissue"], sort: "nearest", limit: 20, offset: 0 }],
    ["10001, 25 miles, deep tissue + licence checked, best match", { near, modalities: ["deep-tissue"], licensed: true, sort: "best", limit: 20, offset: 0 }],
    ["name search 'bramblewik' (typo), national", { q: "bramblewik", sort: "best", limit: 20, offset: 0 }],
  ];
  for (const [label, c] of cases) {
    say(`\n${label}:\n\n\`\`\`\n${await explainSearch(database.db, c)}\n\`\`\``);
  }
}

async function withFreshPostgres<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const name = `tf_bench_${process.pid}`;
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

type HttpResult = { rps: number; p95: number; errors: number; non2xx: number };

function hammer(port: number, paths: string[]): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let i = 0;
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: 8,
        duration: SECONDS,
        requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({ rps: result.requests.average, p95: percentile(latencies, 95), errors: result.errors, non2xx: result.non2xx });
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

async function http(env: Record<string, string>) {
  if (!args["no-build"]) spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
  const port = 3400 + (process.pid % 500);
  const server: ChildProcess = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  try {
    for (let n = 0; n < 120; n++) {
      await new Promise((r) => setTimeout(r, 1000));
      if ((await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.ok) break;
    }
    const rng = seedrandom.alea("bench-http");
    const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)]!;
    const searchPaths = Array.from({ length: 200 }, () => {
      const qs = new URLSearchParams({ location: pick([...BIG, ...BIG, ...RURAL]), radius: String(pick([10, 25, 50])) });
      qs.append("modality", pick(["deep-tissue", "swedish", "myofascial-release"]));
      if (rng() < 0.3) qs.set("licensed", "1");
      if (rng() < 0.3) qs.set("sort", "best");
      if (rng() < 0.2) qs.set("page", "2");
      return `/api/therapists?${qs}`;
    });
    await hammer(port, searchPaths.slice(0, 20)); // warm up
    const health = await hammer(port, ["/api/health"]);
    const search = await hammer(port, searchPaths);
    say(`| /api/health | ${health.rps.toFixed(0)} | ${health.p95.toFixed(0)} ms | ${health.errors + health.non2xx} |`);
    say(`| /api/therapists | ${search.rps.toFixed(0)} | ${search.p95.toFixed(0)} ms | ${search.errors + search.non2xx} |`);
    say(`\nSearch throughput is ${((search.rps / health.rps) * 100).toFixed(0)}% of the health endpoint's (target: at least 40%).`);
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

say(`# Benchmark run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`);
say(`\nMachine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}.`);
say(`\n## Loading\n`);
const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "tf-bench-"));
const pglite = await openDatabase({ dataDir: path.join(pgliteDir, "db") });
await load("PGlite", pglite);
let pgDatabase: Database | undefined;
const results: Awaited<ReturnType<typeof measure>>[] = [];

await withFreshPostgres(async (url) => {
  if (PG_URL) {
    pgDatabase = await openDatabase({ url });
    await load("PostgreSQL", pgDatabase);
  }
  say(`\n## Database time of one search (query for the page, its licences, and the capped count), ${QUERIES} searches\n`);
  say("| Database | searches | p50 | p95 | p99 | max |");
  say("| --- | --- | --- | --- | --- | --- |");
  results.push(await measure("PGlite", pglite));
  if (pgDatabase) results.push(await measure("PostgreSQL", pgDatabase));

  say(`\n## p95 by kind of search\n`);
  say(`| kind | ${results.map((r) => r.name).join(" | ")} |`);
  say(`| --- | ${results.map(() => "---").join(" | ")} |`);
  for (const kind of [...results[0]!.byKind.keys()].sort()) {
    say(`| ${kind} | ${results.map((r) => ms(percentile([...(r.byKind.get(kind) ?? [0])].sort((a, b) => a - b), 95))).join(" | ")} |`);
  }
  say(`\n## Query plans (${pgDatabase ? "PostgreSQL" : "PGlite"})`);
  await plans(pgDatabase ?? pglite);

  say(`\n## HTTP against the production server (${pgDatabase ? "PostgreSQL" : "PGlite"}, ${COUNT.toLocaleString("en-US")} therapists, 8 connections, ${SECONDS} s each)\n`);
  say("| endpoint | requests/s | p95 latency | errors |");
  say("| --- | --- | --- | --- |");
  await pglite.close();
  if (pgDatabase) {
    await pgDatabase.close();
    await http({ DATABASE_URL: url, SEED_DEMO: "false" });
  } else {
    await http({ DATABASE_URL: "", PGLITE_DATA_DIR: path.join(pgliteDir, "db"), SEED_DEMO: "false" });
  }
}).catch(async (error) => {
  console.error(error);
  process.exitCode = 1;
});
fs.rmSync(pgliteDir, { recursive: true, force: true });
if (args.out) fs.writeFileSync(args.out, `${report.join("\n")}\n`);
