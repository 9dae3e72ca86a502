// Every JSON route (and the sitemap routes) answers a bad request through the one error type:
// status from ERROR_STATUS, body {"error": {"code", "message", "fields"?}}, never a stack trace.
// Handlers are called directly on an embedded database; a database that cannot be reached
// shows that the routes without parameters are wrapped too.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ERROR_STATUS, type ErrorCode } from "@/lib/api/errors";
import { apiErrorSchema } from "@/lib/api/schemas";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const ROUTES = {
  therapists: "@/app/api/therapists/route",
  therapist: "@/app/api/therapists/[slug]/route",
  states: "@/app/api/states/route",
  state: "@/app/api/states/[code]/route",
  modalities: "@/app/api/modalities/route",
  openapi: "@/app/api/openapi.json/route",
  health: "@/app/api/health/route",
  sitemapIndex: "@/app/sitemap.xml/route",
  sitemapFile: "@/app/sitemaps/[file]/route",
  e2eSession: "@/app/api/e2e/session/route",
  e2eListing: "@/app/api/e2e/listing/route",
} as const;

async function handler(name: keyof typeof ROUTES): Promise<Handler> {
  // Literal paths per route, so that the bundler-free import resolves each module.
  const modules: Record<keyof typeof ROUTES, () => Promise<object>> = {
    therapists: () => import("@/app/api/therapists/route"),
    therapist: () => import("@/app/api/therapists/[slug]/route"),
    states: () => import("@/app/api/states/route"),
    state: () => import("@/app/api/states/[code]/route"),
    modalities: () => import("@/app/api/modalities/route"),
    openapi: () => import("@/app/api/openapi.json/route"),
    health: () => import("@/app/api/health/route"),
    sitemapIndex: () => import("@/app/sitemap.xml/route"),
    sitemapFile: () => import("@/app/sitemaps/[file]/route"),
    e2eSession: () => import("@/app/api/e2e/session/route"),
    e2eListing: () => import("@/app/api/e2e/listing/route"),
  };
  const route = (await modules[name]()) as { GET?: Handler; POST?: Handler };
  return (route.GET ?? route.POST)!;
}

async function call(name: keyof typeof ROUTES, url: string, params: Record<string, string> = {}, init?: RequestInit) {
  const res = await (await handler(name))(new Request(`http://localhost${url}`, init), { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text };
}

/** The one error shape, with the status its code maps to. */
function expectError(res: { status: number; headers: Headers; text: string }, code: ErrorCode) {
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = JSON.parse(res.text) as unknown;
  const parsed = apiErrorSchema.safeParse(body);
  expect(parsed.success, res.text).toBe(true);
  expect(Object.keys(body as object)).toEqual(["error"]);
  expect(parsed.data!.error.code).toBe(code);
  expect(res.status).toBe(ERROR_STATUS[code]);
  expect(parsed.data!.error.message.length).toBeGreaterThan(0);
  expect(res.text).not.toMatch(/\bat .*\.(ts|js):\d+|ECONNREFUSED|stack/i);
  return parsed.data!.error;
}

describe("a database that cannot be reached: the parameterless routes are wrapped too", () => {
  afterAll(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it.each([
    ["states", "/api/states"],
    ["modalities", "/api/modalities"],
    ["sitemapIndex", "/sitemap.xml"],
    ["sitemapFile", "/sitemaps/pages.xml"],
  ] as const)("GET %s answers 503 unavailable with Retry-After and a generic message", async (name, url) => {
    vi.stubEnv("DATABASE_URL", "postgres://postgres@127.0.0.1:1/nothing_here");
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await call(name, url, { file: "pages.xml" });
    // A database that cannot be reached is an outage, not a bug in the request: 503 tells
    // clients and load balancers to try again later.
    const error = expectError(res, "unavailable");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(error.message).toBe("The service is temporarily unavailable. Please try again in a moment.");
    // The detail goes to the log, not to the client.
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});

const TEST_LOGIN_SECRET = "a-test-login-secret-of-at-least-32-characters";

describe("bad requests on the embedded database", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tf-api-errors-"));

  afterAll(async () => {
    const { getDatabase } = await import("@/db/client");
    await (await getDatabase()).close();
    vi.unstubAllEnvs();
    fs.rmSync(root, { recursive: true, force: true });
  });

  // Opening migrates a new database: in a hook, whose time limit allows for a busy machine.
  beforeAll(async () => {
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("PGLITE_DATA_DIR", path.join(root, "db"));
    vi.stubEnv("SEED_DEMO", "true");
    vi.stubEnv("DEMO_COUNT", "20");
    vi.stubEnv("E2E_TEST_LOGIN_SECRET", TEST_LOGIN_SECRET);
    const { getDatabase } = await import("@/db/client");
    await getDatabase();
  });

  it("runs on the embedded database", async () => {
    const { getDatabase } = await import("@/db/client");
    expect((await getDatabase()).driver).toBe("pglite");
  });

  it("GET /api/therapists with a bad parameter: 400 naming it", async () => {
    const error = expectError(await call("therapists", "/api/therapists?radius=ten&location=10001"), "invalid_request");
    expect(Object.keys(error.fields ?? {})).toEqual(["radius"]);
  });

  it("GET /api/therapists with an unknown place: 400 with suggestions allowed by the shape", async () => {
    const error = expectError(await call("therapists", "/api/therapists?location=Atlantis%2C%20ZZ"), "invalid_request");
    expect(error.fields).toHaveProperty("location");
  });

  it("GET /api/therapists/[slug] with a malformed slug: 400 naming it", async () => {
    const error = expectError(await call("therapist", "/api/therapists/Not%20A%20Slug!", { slug: "Not A Slug!" }), "invalid_request");
    expect(Object.keys(error.fields ?? {})).toEqual(["slug"]);
  });

  it("GET /api/therapists/[slug] with an unknown slug: 404", async () => {
    expectError(await call("therapist", "/api/therapists/no-such-therapist", { slug: "no-such-therapist" }), "not_found");
  });

  it("GET /api/states/[code] with an unknown or malformed code: 404", async () => {
    expectError(await call("state", "/api/states/zz", { code: "zz" }), "not_found");
    const error = expectError(await call("state", "/api/states/kansas", { code: "kansas" }), "not_found");
    expect(error.message).toMatch(/two-letter code/);
  });

  it("GET /sitemaps/[file] with a bad file name or a page past the end: 404", async () => {
    expectError(await call("sitemapFile", "/sitemaps/passwords.txt", { file: "passwords.txt" }), "not_found");
    expectError(await call("sitemapFile", "/sitemaps/therapists-x.xml", { file: "therapists-x.xml" }), "not_found");
    expectError(await call("sitemapFile", "/sitemaps/therapists-999.xml", { file: "therapists-999.xml" }), "not_found");
  });

  it("POST /api/e2e/session without the secret is a 404; with it, a bad body is a 400 and a good one a session", async () => {
    const post = (authorization: string | undefined, body: unknown) =>
      call("e2eSession", "/api/e2e/session", {}, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(body),
      });
    expectError(await post(undefined, { email: "e2e@example.org" }), "not_found");
    expectError(await post("Bearer not-the-secret", { email: "e2e@example.org" }), "not_found");
    const error = expectError(await post(`Bearer ${TEST_LOGIN_SECRET}`, { email: "nope" }), "invalid_request");
    expect(Object.keys(error.fields ?? {})).toEqual(["email"]);
    const ok = await post(`Bearer ${TEST_LOGIN_SECRET}`, { email: "E2E@example.org" });
    expect(ok.status).toBe(200);
    const { cookie } = JSON.parse(ok.text) as { cookie: { name: string; value: string } };
    expect(cookie.name).toMatch(/authjs\.session-token$/);
    const { getDb } = await import("@/db/client");
    const { countSessions } = await import("@/db/queries/accounts");
    const { users } = await import("@/db/schema");
    const db = await getDb();
    const [user] = await db.select({ id: users.id, email: users.email }).from(users);
    expect(user!.email).toBe("e2e@example.org");
    expect(await countSessions(db, { userId: user!.id })).toBe(1);
  });

  it("POST /api/e2e/listing without the secret is a 404 and adds nothing; with it, a bad body is a 400", async () => {
    const post = (authorization: string | undefined, body: unknown) =>
      call("e2eListing", "/api/e2e/listing", {}, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(body),
      });
    const listing = { displayName: "Unowned Test", email: "unowned@example.org", licenceNumber: "MT-1" };
    expectError(await post(undefined, listing), "not_found");
    expectError(await post("Bearer not-the-secret", listing), "not_found");
    expectError(await post(`Bearer ${TEST_LOGIN_SECRET}`, { displayName: "x" }), "invalid_request");
    expect((await post(`Bearer ${TEST_LOGIN_SECRET}`, listing)).status).toBe(200);
  });

  it("the same routes answer good requests as before", async () => {
    expect((await call("states", "/api/states")).status).toBe(200);
    expect((await call("modalities", "/api/modalities")).status).toBe(200);
    expect((await call("openapi", "/api/openapi.json")).status).toBe(200);
    expect((await call("health", "/api/health")).status).toBe(200);
    expect((await call("state", "/api/states/ks", { code: "ks" })).status).toBe(200);
    const index = await call("sitemapIndex", "/sitemap.xml");
    expect(index.status).toBe(200);
    expect(index.text).toContain("/sitemaps/therapists-0.xml");
    expect((await call("sitemapFile", "/sitemaps/therapists-0.xml", { file: "therapists-0.xml" })).status).toBe(200);
  });
});

describe("no route builds an error body by hand", () => {
  // Every route file under app/api (next-auth's included: its own errors pass through, ours
  // before it are thrown) and the sitemap routes.
  const all = (fs.readdirSync("app/api", { recursive: true, encoding: "utf8" }) as string[])
    .filter((f) => path.basename(f) === "route.ts")
    .map((f) => path.join("app", "api", f));
  const files = [
    ...all.filter((f) => !f.startsWith(path.join("app", "api", "auth"))),
    "app/sitemap.xml/route.ts",
    "app/sitemaps/[file]/route.ts",
  ];

  it("covers every route file", () => {
    expect(files.length).toBe(Object.keys(ROUTES).length);
  });

  it.each([...files, ...all.filter((f) => !files.includes(f))])("%s exports its handlers through withApiErrors and throws ApiError", (file) => {
    const source = fs.readFileSync(file, "utf8");
    expect(source).toMatch(/export const (GET|POST|PUT|PATCH|DELETE) = withApiErrors\(/);
    expect(source).not.toMatch(/export (async )?function (GET|POST|PUT|PATCH|DELETE)\b/);
    expect(source).not.toMatch(/error:\s*\{\s*code/);
    expect(source).not.toMatch(/\bapiError\(/);
  });
});
