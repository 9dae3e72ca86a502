// The data layer on every test database: migrations, reference data, demo seeding, and the
// indexed radius query checked against a haversine reference.
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import seedrandom from "seedrandom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { searchTherapists } from "@/db/queries/search";
import { countTherapists, METRES_PER_MILE } from "@/db/queries/therapists";
import { MODALITIES } from "@/db/reference/modalities";
import { loadStateLicensing } from "@/db/reference/state-licensing";
import { licenses, therapists } from "@/db/schema";
import { insertDemoTherapists } from "@/db/seed/insert-demo";
import { seedDemoOnce } from "@/db/setup";
import { buildTherapist } from "@/db/seed/factories";
import { rowsOf, testDrivers, type TestStore } from "../helpers/databases";

const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "db/migrations/meta/_journal.json"), "utf8")) as {
  entries: unknown[];
};

// earthdistance's sphere: earth() = 6378168 m. The reference uses the same radius, so the two
// agree up to floating-point rounding.
const EARTH_RADIUS_M = 6378168;
function haversineMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

async function schemaFingerprint(database: Database) {
  const columns = rowsOf<{ table_name: string; column_name: string; data_type: string }>(
    await database.db.execute(sql`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = 'public' order by table_name, column_name`),
  );
  const indexes = rowsOf<{ indexname: string }>(
    await database.db.execute(sql`select indexname from pg_indexes where schemaname = 'public' order by indexname`),
  );
  return { columns, indexes: indexes.map((i) => i.indexname) };
}

async function appliedMigrations(database: Database) {
  const rows = rowsOf<{ n: number | string }>(
    await database.db.execute(sql`select count(*) as n from drizzle.__drizzle_migrations`),
  );
  return Number(rows[0]!.n);
}

describe.each(testDrivers)("data layer on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
  });

  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  it("migrates an empty database: every table, index and extension", async () => {
    expect(await appliedMigrations(database)).toBe(journal.entries.length);
    const { columns, indexes } = await schemaFingerprint(database);
    const tables = new Set(columns.map((c) => c.table_name));
    for (const table of [
      "users", "accounts", "sessions", "verification_tokens", "therapists", "modalities",
      "therapist_modalities", "licenses", "state_licensing", "profile_revisions", "app_meta",
    ]) {
      expect(tables, table).toContain(table);
    }
    expect(indexes).toEqual(expect.arrayContaining(["therapists_earth_published_idx", "therapists_modalities_idx", "therapists_name_trgm_idx"]));
    const extensions = rowsOf<{ extname: string }>(await database.db.execute(sql`select extname from pg_extension`));
    expect(extensions.map((e) => e.extname)).toEqual(expect.arrayContaining(["cube", "earthdistance", "pg_trgm"]));
  });

  it("loads the reference data: every modality and all 51 state entries", async () => {
    const [m] = rowsOf<{ n: string | number }>(await database.db.execute(sql`select count(*) as n from modalities`));
    const [s] = rowsOf<{ n: string | number }>(await database.db.execute(sql`select count(*) as n from state_licensing`));
    expect(Number(m!.n)).toBe(MODALITIES.length);
    expect(Number(s!.n)).toBe(51);
  });

  it("seeds a deterministic, fictional, rule-consistent sample, and the demo only once", async () => {
    const seeded = await seedDemoOnce(database.db, { count: 400 });
    expect(seeded).toBe(400);
    expect(await seedDemoOnce(database.db, { count: 400 })).toBe(0);
    const totals = await countTherapists(database.db);
    expect(totals.total).toBe(400);
    expect(totals.states).toBeGreaterThanOrEqual(30);

    const rows = await database.db.select().from(therapists);
    for (const t of rows) {
      expect(t.isDemo).toBe(true);
      expect(t.phone).toMatch(/^\(\d{3}\) 555-01\d{2}$/);
      expect(t.email).toMatch(/@example\.(com|org|net)$/);
      if (t.website) expect(new URL(t.website).hostname).toMatch(/\.example\.org$/);
      expect(t.modalitySlugs.length).toBeGreaterThan(0);
      expect(t.bio).toMatch(/^Fictional demo profile\./);
    }
    const rules = new Map(loadStateLicensing().map((s) => [s.code, s]));
    const held = await database.db.select().from(licenses);
    expect(held.length).toBeGreaterThan(200);
    const stateOf = new Map(rows.map((t) => [t.id, t.state]));
    for (const l of held) {
      const rule = rules.get(l.state)!;
      expect(l.state).toBe(stateOf.get(l.therapistId));
      expect(rule.regulation).not.toBe("none");
      expect(rule.credentialTitles).toContain(l.credentialTitle);
      if (l.verifiedAt === null) expect(l.status).toBe("unknown");
    }
    // The join table agrees with the denormalised search column.
    const joined = rowsOf<{ n: string | number }>(
      await database.db.execute(sql`select count(*) as n from therapist_modalities`),
    );
    expect(Number(joined[0]!.n)).toBe(rows.reduce((n, t) => n + t.modalitySlugs.length, 0));

    // Appending continues the same sequence: no collisions, same generator.
    await insertDemoTherapists(database.db, { count: 50 });
    expect((await countTherapists(database.db)).total).toBe(450);
  });

  it("re-applying migrations on restart changes nothing", async () => {
    const before = { migrations: await appliedMigrations(database), schema: await schemaFingerprint(database), count: await countTherapists(database.db) };
    await database.close();
    database = await store.open();
    const again = await store.open().catch((e: Error) => e);
    // PGlite refuses a second opener; PostgreSQL serves both. Either way nothing changed.
    if (!(again instanceof Error)) await again.close();
    expect(await appliedMigrations(database)).toBe(before.migrations);
    expect(await schemaFingerprint(database)).toEqual(before.schema);
    expect(await countTherapists(database.db)).toEqual(before.count);
  });

  it("finds exactly the therapists within the radius, nearest first (haversine reference)", async () => {
    const rng = seedrandom.alea("radius-test");
    const centres = [
      { lat: 40.75, lng: -73.99 }, // Manhattan
      { lat: 46.87, lng: -113.99 }, // Missoula, Montana
      { lat: 61.22, lng: -149.9 }, // Anchorage: longitude degrees are short here
      { lat: 25.77, lng: -80.19 }, // Miami
    ];
    const points = centres.flatMap((c) =>
      Array.from({ length: 400 }, () => ({ lat: c.lat + (rng() - 0.5) * 4, lng: c.lng + (rng() - 0.5) * 6 })),
    );
    const rows = points.map((p) => buildTherapist({ latitude: p.lat, longitude: p.lng, slug: undefined }));
    rows.forEach((r, i) => (r.slug = `radius-${i}-${r.id.slice(0, 8)}`));
    rows.push(buildTherapist({ latitude: 40.76, longitude: -73.98, published: false, slug: "radius-unpublished" }));
    await database.db.insert(therapists).values(rows);
    const unpublishedId = rows.at(-1)!.id;
    const all = await database.db
      .select({ id: therapists.id, latitude: therapists.latitude, longitude: therapists.longitude, published: therapists.published })
      .from(therapists);

    let compared = 0;
    for (let q = 0; q < 40; q++) {
      const c = centres[q % centres.length]!;
      const lat = c.lat + (rng() - 0.5) * 2;
      const lng = c.lng + (rng() - 0.5) * 3;
      const radiusMiles = 1 + rng() * 99;
      const radiusM = radiusMiles * METRES_PER_MILE;
      // The search's own radius query (db/queries/search.ts), nearest first.
      const { rows: found } = await searchTherapists(database.db, { near: { latitude: lat, longitude: lng, radiusMiles }, sort: "nearest", limit: 100_000, offset: 0 });
      const foundIds = new Set(found.map((f) => f.id));
      expect(foundIds.has(unpublishedId)).toBe(false);
      for (const t of all) {
        if (!t.published) continue;
        const d = haversineMetres(lat, lng, t.latitude, t.longitude);
        if (Math.abs(d - radiusM) < 0.5) continue; // on the edge, within rounding: either answer is right
        expect(foundIds.has(t.id), `distance ${d} m vs radius ${radiusM} m`).toBe(d <= radiusM);
        compared++;
      }
      for (let i = 0; i < found.length; i++) {
        const f = found[i]!;
        const at = all.find((t) => t.id === f.id)!;
        expect(f.distanceMiles! * METRES_PER_MILE).toBeCloseTo(haversineMetres(lat, lng, at.latitude, at.longitude), 0);
        if (i > 0) expect(f.distanceMiles!).toBeGreaterThanOrEqual(found[i - 1]!.distanceMiles! - 1e-9);
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it("answers the radius query from the GiST index", async () => {
    await database.db.execute(sql`analyze therapists`);
    const plan = rowsOf<Record<string, string>>(
      await database.db.execute(sql`explain select id from therapists
        where published and earth_box(ll_to_earth(40.75::float8, -73.99::float8), 40000::float8) @> earth`),
    )
      .map((r) => Object.values(r)[0])
      .join("\n");
    expect(plan).toContain("therapists_earth_published_idx");
  });
});
