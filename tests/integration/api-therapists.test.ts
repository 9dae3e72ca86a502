// GET /api/therapists through its route handler: every class of bad input is a 400 with
// per-field errors, never a 500; good input answers with results, distances and paging.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { expectMatchesOpenApi } from "../helpers/openapi";

type Handler = (request: Request) => Promise<Response>;
let GET: Handler;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "tf-api-"));

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("PGLITE_DATA_DIR", path.join(root, "db"));
  vi.stubEnv("SEED_DEMO", "true");
  vi.stubEnv("DEMO_COUNT", "300");
  ({ GET } = await import("@/app/api/therapists/route"));
  const { getDatabase } = await import("@/db/client");
  await getDatabase();
});

afterAll(async () => {
  const { getDatabase } = await import("@/db/client");
  await (await getDatabase()).close();
  vi.unstubAllEnvs();
  fs.rmSync(root, { recursive: true, force: true });
});

const call = async (query: string) => {
  const res = await GET(new Request(`http://localhost/api/therapists?${query}`));
  return { status: res.status, body: (await res.json()) as { error?: { code: string; fields?: Record<string, string[]>; suggestions?: string[] } } & Record<string, unknown> };
};

const long = "x".repeat(10_000);
const badInput: [string, string, string][] = [
  ["unknown modality", "modality=foo", "modality"],
  ["radius below range", "location=10001&radius=1", "radius"],
  ["radius above range", "location=10001&radius=500", "radius"],
  ["radius not a number", "location=10001&radius=ten", "radius"],
  ["malformed ZIP", "location=1234", "location"],
  ["unknown ZIP", "location=00000", "location"],
  ["unknown place", "location=Atlantis, ZZ", "location"],
  ["page 0", "page=0", "page"],
  ["negative page", "page=-1", "page"],
  ["huge page", "page=99999999999999999999", "page"],
  ["huge page size", "pageSize=100000", "pageSize"],
  ["repeated parameter", "location=10001&radius=5&radius=10", "radius"],
  ["unknown parameter", "location=10001&colour=blue", "colour"],
  ["10,000-character name", `q=${long}`, "q"],
  ["10,000-character place", `location=${long}`, "location"],
  ["10,000-character plan", `plan=${long}`, "plan"],
  ["control characters", "q=ab%00cd", "q"],
  ["bad flag value", "licensed=maybe", "licensed"],
  ["bad sort", "sort=random", "sort"],
  ["nearest without a place", "sort=nearest", "sort"],
  ["bad setting", "setting=spaceship", "setting"],
  ["bad sciatica level", "sciatica=lots", "sciatica"],
  ["HTML in a modality", "modality=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "modality"],
  ["negative price", "minPrice=-1", "minPrice"],
  ["price not a number", "maxPrice=cheap", "maxPrice"],
  ["price above range", "maxPrice=99999", "maxPrice"],
  ["highest price below lowest", "minPrice=120&maxPrice=60", "maxPrice"],
  ["10,000-character language", `language=${long}`, "language"],
  ["control characters in gender", "gender=wo%00man", "gender"],
  ["bad wheelchair flag", "wheelchair=maybe", "wheelchair"],
  ["bad superbills flag", "superbills=2", "superbills"],
  ["bad HSA/FSA flag", "hsaFsa=yes", "hsaFsa"],
];

describe("GET /api/therapists", () => {
  it.each(badInput)("400 with a field error: %s", async (_name, query, field) => {
    const { status, body } = await call(query);
    expect(status).toBe(400);
    expect(body.error?.code).toBe("invalid_request");
    expect(body.error?.fields?.[field]?.length).toBeGreaterThan(0);
    expect(JSON.stringify(body).length).toBeLessThan(3000); // long input is not echoed back whole
    expectMatchesOpenApi("/api/therapists", 400, body);
  });

  it("SQL and HTML in free text are just text: 200, no error", async () => {
    for (const q of ["'; drop table therapists; --", "<script>alert(1)</script>", "%_\\"]) {
      const { status, body } = await call(`q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
      expect(body.total).toBe(0);
    }
    expect((await call("location=10001")).status).toBe(200);
  });

  it("suggests places for a misspelt one", async () => {
    const { status, body } = await call("location=Portlnd,%20OR");
    expect(status).toBe(400);
    expect(body.error?.suggestions).toContain("Portland, OR");
  });

  it("answers a search with distances, criteria and paging", async () => {
    const { status, body } = await call("location=Los%20Angeles,%20CA&radius=100&pageSize=5");
    expect(status).toBe(200);
    expect(body).toMatchObject({ sort: "nearest", page: 1, pageSize: 5, location: { kind: "point", state: "CA" } });
    const results = body.results as { distanceMiles: number; criteria: unknown[]; url: string }[];
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.distanceMiles).toBeLessThanOrEqual(100);
      expect(r.criteria).toHaveLength(6);
      expect(r.url).toMatch(/^\/therapists\//);
    }
    expect(results.map((r) => r.distanceMiles)).toEqual([...results.map((r) => r.distanceMiles)].sort((a, b) => a - b));
    expectMatchesOpenApi("/api/therapists", 200, body);
  });

  it("every parameter in the description has an example, and each example alone is a good request", async () => {
    type Param = { name: string; in: string; example?: unknown; description?: string };
    const doc = openApiDocument() as unknown as { paths: Record<string, { get: { parameters?: Param[] } }> };
    const params = Object.values(doc.paths).flatMap((p) => p.get.parameters ?? []);
    expect(params.filter((p) => p.example === undefined).map((p) => p.name)).toEqual([]);
    const search = doc.paths["/api/therapists"]!.get.parameters!;
    for (const name of ["minPrice", "maxPrice", "language", "gender", "wheelchair", "superbills", "hsaFsa", "sort"]) {
      expect(search.map((p) => p.name)).toContain(name);
    }
    expect(search.find((p) => p.name === "sort")!.description).toMatch(/nearest.*needs a place/);
    for (const p of search) {
      const qs = new URLSearchParams();
      for (const v of [p.example].flat()) qs.append(p.name, String(v));
      const { status, body } = await call(qs.toString());
      expect({ name: p.name, status }).toEqual({ name: p.name, status: 200 });
      expectMatchesOpenApi("/api/therapists", 200, body);
    }
  });

  it("the new filters and the price sort through the API", async () => {
    const { status, body } = await call("location=CA&sort=price&maxPrice=100&hsaFsa=1&pageSize=50");
    expect(status).toBe(200);
    expect(body.sort).toBe("price");
    const prices = (body.results as { price: { min: number | null; max: number | null } }[]).map((r) => r.price.min ?? r.price.max);
    expect(prices.length).toBeGreaterThan(0);
    for (const p of prices) expect(p).toBeLessThanOrEqual(100);
    expect(prices).toEqual([...prices].sort((a, b) => a! - b!));
    const none = await call("location=10001&radius=5&language=Klingon");
    expect(none.status).toBe(200);
    expect((none.body.noResults as { removals: { label: string }[] }).removals.map((r) => r.label)).toContain('Remove "Speaks Klingon"');
  });

  it("no one within the largest radius: the nearest matching therapists anyway, and the whole state", async () => {
    const { status, body } = await call("location=59301&radius=100");
    expect(status).toBe(200);
    expect(body.total).toBe(0);
    const noResults = body.noResults as { nearest: { distanceMiles: number; state: string }[]; wholeState: { query: string; count: number } | null };
    const miles = noResults.nearest.map((r) => r.distanceMiles);
    expect(miles.length).toBeGreaterThan(0);
    expect(miles[0]).toBeGreaterThan(100);
    expect(miles).toEqual([...miles].sort((a, b) => a - b));
    // Montana's therapists, if the demo placed any: the same search across the state.
    const montana = await call("location=Montana");
    if ((montana.body.total as number) > 0) expect(noResults.wholeState).toMatchObject({ query: "location=Montana", count: montana.body.total });
    else expect(noResults.wholeState).toBeNull();
    expectMatchesOpenApi("/api/therapists", 200, body);
  });

  it("every response shape matches the OpenAPI description, which is itself valid OpenAPI 3.1", async () => {
    expect(await new Validator().validate(openApiDocument() as never)).toEqual({ valid: true });
    for (const query of [
      "location=KS&sort=name",
      "q=zzzzzz&location=10001",
      "location=10001&modality=deep-tissue&licensed=1&page=2&pageSize=3",
      "",
      "location=CA&sort=price&minPrice=60&maxPrice=150&language=Spanish&gender=Woman&wheelchair=1&superbills=1&hsaFsa=1",
      "location=10001&maxPrice=1&gender=Woman&hsaFsa=1",
    ]) {
      const { status, body } = await call(query);
      expect(status).toBe(200);
      expectMatchesOpenApi("/api/therapists", 200, body);
    }
    const ctx = <T,>(params: T) => ({ params: Promise.resolve(params) });
    const check = async (path: string, res: Response, status: number) => {
      expect(res.status).toBe(status);
      expectMatchesOpenApi(path, status, await res.json());
    };
    const { GET: modalities } = await import("@/app/api/modalities/route");
    await check("/api/modalities", await modalities(), 200);
    const { GET: states } = await import("@/app/api/states/route");
    await check("/api/states", await states(), 200);
    const { GET: state } = await import("@/app/api/states/[code]/route");
    await check("/api/states/{code}", await state(new Request("http://localhost/api/states/ks"), ctx({ code: "ks" })), 200);
    await check("/api/states/{code}", await state(new Request("http://localhost/api/states/zz"), ctx({ code: "zz" })), 404);
    const { GET: therapist } = await import("@/app/api/therapists/[slug]/route");
    const slug = ((await call("location=KS")).body.results as { slug: string }[])[0]!.slug;
    await check("/api/therapists/{slug}", await therapist(new Request(`http://localhost/api/therapists/${slug}`), ctx({ slug })), 200);
    await check("/api/therapists/{slug}", await therapist(new Request("http://localhost/x"), ctx({ slug: "no-such-one" })), 404);
    await check("/api/therapists/{slug}", await therapist(new Request("http://localhost/x"), ctx({ slug: "Bad Slug!" })), 400);
    const { GET: health } = await import("@/app/api/health/route");
    const res = await health();
    expectMatchesOpenApi("/api/health", res.status, await res.json());
  });
});
