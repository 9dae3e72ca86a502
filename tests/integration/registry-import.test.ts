// The national provider registry import (issue 19) on every test database, with the fixtures in
// tests/fixtures/registry (written by scripts/registry-fixtures.ts; the expected line numbers are
// noted there): idempotent re-import, the next month's changes with a deactivation and a
// reactivation, owner edits kept, removals honoured, bad rows reported by line, wrong and cut
// files refused with nothing written, and a run killed between batches completed by a re-run.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { claimListing, decideClaim } from "@/db/queries/claims";
import { decideRegistryRemoval, listPendingRemovals, listRegistryDifferences, requestRegistryRemoval } from "@/db/queries/registry";
import { searchTherapists } from "@/db/queries/search";
import { licenses, profileRevisions, therapists, users } from "@/db/schema";
import { buildTherapist } from "@/db/seed/factories";
import { individual, registryHeaderLine, registryLine, taxonomySlot } from "@/db/seed/registry-rows";
import { MASSAGE_THERAPIST_TAXONOMY } from "@/db/reference/nppes-layout";
import { importRegistryFile, RefusedFile, type BadRow } from "@/lib/registry/import-file";
import { REGISTRY_LICENCE_SOURCE, REGISTRY_LICENCE_WORDING, UNCLAIMED_REGISTRY_LABEL } from "@/lib/therapists/vocabulary";
import { getPublishedTherapistBySlug } from "@/db/queries/therapists";
import { parseSearchParams } from "@/lib/search/params";
import { toPublicProfile } from "@/lib/therapists/public-profile";
import { toSearchResult } from "@/lib/therapists/search-result";
import { rowsOf, testDrivers, type TestStore } from "../helpers/databases";
import { makePng } from "../helpers/proof-files";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/registry");
const MONTH1 = path.join(FIXTURES, "npidata-month1.csv");
const WEEK = path.join(FIXTURES, "npidata-week.csv");
const MONTH2 = path.join(FIXTURES, "npidata-month2.csv");

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tf-registry-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every listing and licence the import wrote, in a stable order, without ids and timestamps. */
async function snapshot(db: Database["db"]) {
  const rows = await db
    .select({
      npi: therapists.npi,
      slug: therapists.slug,
      displayName: therapists.displayName,
      addressLine: therapists.addressLine,
      city: therapists.city,
      state: therapists.state,
      zip: therapists.zip,
      phone: therapists.phone,
      published: therapists.published,
      registryUpdatedOn: therapists.registryUpdatedOn,
      registryDeactivatedOn: therapists.registryDeactivatedOn,
      version: therapists.version,
      score: therapists.criteriaScore,
      licences: sql<string>`(select string_agg(l.state || ' ' || l.number || ' ' || l.source, '; ' order by l.state, l.number) from ${licenses} l where l.therapist_id = ${therapists.id})`,
    })
    .from(therapists)
    .orderBy(asc(therapists.npi));
  const [revisions] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(profileRevisions);
  return { rows, revisions: revisions!.n };
}

const byNpi = async (db: Database["db"], npi: string) => (await db.select().from(therapists).where(eq(therapists.npi, npi)))[0]!;

describe.each(testDrivers)("registry import on $name", ({ createStore }) => {
  let store: TestStore;
  let database: Database;
  let db: Database["db"];

  beforeAll(async () => {
    store = await createStore();
    database = await store.open();
    db = database.db;
  });
  afterAll(async () => {
    await database?.close();
    await store?.destroy();
  });

  it("reports each bad row with its line, skips it, imports the rest, and a second import changes nothing", async () => {
    const bad: BadRow[] = [];
    const first = await importRegistryFile(db, MONTH1, { onBadRow: (b) => bad.push(b) });
    expect(bad.map((b) => b.line)).toEqual([12, 13, 14, 15, 16]);
    expect(bad.map((b) => b.reason)).toEqual([
      expect.stringContaining("missing name"),
      expect.stringContaining("unknown ZIP"),
      expect.stringContaining("columns where the registry's layout has 330"),
      expect.stringContaining("invalid UTF-8"),
      expect.stringContaining("Last Update Date"),
    ]);
    expect(first).toMatchObject({ read: 15, kept: 7, created: 7, updated: 0, unchanged: 0, unpublished: 0, skipped: 5, deactivated: 1 });
    // Read in a thread of its own (lib/registry/read-in-worker.ts), not on this one.
    expect(first.readInWorker).toBe(true);
    const once = await snapshot(db);
    expect(once.rows.map((r) => r.npi)).toEqual(["0000000011", "0000000012", "0000000013", "0000000014", "0000000015", "0000000016", "0000000017"]);
    // Time-ordered ids (UUID version 7), ascending in the order the file gives the listings: a
    // bulk import appends to its keys' indexes (docs/benchmarks.md, eighth pass).
    const ids = rowsOf<{ id: string; kind: string }>(
      await db.execute(sql`select id::text as id, 'therapist' as kind from therapists where npi is not null
                           union all select id::text, 'licence' from licenses where source = ${REGISTRY_LICENCE_SOURCE}`),
    );
    expect(ids.length).toBeGreaterThan(7);
    for (const { id } of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const byNpi = rowsOf<{ id: string }>(await db.execute(sql`select id::text as id from therapists where npi is not null order by npi`)).map((r) => r.id);
    expect([...byNpi].sort()).toEqual(byNpi);

    const second = await importRegistryFile(db, MONTH1);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 7, unpublished: 0, skipped: 5 });
    expect(await snapshot(db)).toEqual(once);
  });

  it("reads a file with Windows line endings the same way", async () => {
    const fresh = await createStore();
    const other = await fresh.open();
    try {
      const crlf = path.join(tmp, "crlf.csv");
      fs.writeFileSync(crlf, Buffer.from(fs.readFileSync(MONTH1).toString("latin1").replace(/\n/g, "\r\n"), "latin1"));
      const bad: BadRow[] = [];
      const summary = await importRegistryFile(other.db, crlf, { onBadRow: (b) => bad.push(b) });
      expect(bad.map((b) => b.line)).toEqual([12, 13, 14, 15, 16]);
      expect(summary).toMatchObject({ read: 15, kept: 7, created: 7, skipped: 5 });
      expect((await snapshot(other.db)).rows.map((r) => r.addressLine)).toEqual((await snapshot(db)).rows.map((r) => r.addressLine));
    } finally {
      await other.close();
      await fresh.destroy();
    }
  });

  it("imports a listing as the registry has it: proper-cased name, practice place, phone, licences from the massage therapist slots only, self-reported", async () => {
    const ann = await byNpi(db, "0000000011");
    expect(ann).toMatchObject({ displayName: "Ann Example", addressLine: "011 Testville Road", city: "New York", state: "NY", zip: "10001", phone: "555-010-0011" });
    expect(ann).toMatchObject({ latitude: 40.7484, longitude: -73.9967, published: true, ownerId: null, registryUpdatedOn: "2026-03-15", criteriaScore: -1 });
    expect(ann.modalitySlugs).toEqual([]);
    expect(ann.registryFacts?.credential).toBe("LMT");
    const maryJane = await byNpi(db, "0000000012");
    expect(maryJane.displayName).toBe("Mary-Jane O'Tester-Smith");
    const held = await db.select().from(licenses).where(eq(licenses.therapistId, maryJane.id)).orderBy(asc(licenses.number));
    // Slots 1 and 2 are other taxonomies (a physical and an occupational therapist's licences).
    expect(held.map((l) => [l.state, l.number])).toEqual([
      ["IL", "TEST-MT-3"],
      ["WI", "TEST-MT-4"],
    ]);
    expect(held.every((l) => l.source === REGISTRY_LICENCE_SOURCE && l.verifiedAt === null && l.status === "unknown")).toBe(true);
    // Organisations, other taxonomies, and a deactivated NPI never listed: nothing.
    for (const npi of ["0000000021", "0000000022", "0000000018"]) expect((await db.select().from(therapists).where(eq(therapists.npi, npi))).length).toBe(0);
  });

  it("ranks unclaimed registry listings below every claimed listing in best match", async () => {
    const claimed = buildTherapist({ displayName: "Claimed Zed", isDemo: false, latitude: 40.76, longitude: -73.98, zip: "10001" });
    await db.insert(therapists).values(claimed);
    const found = await searchTherapists(db, { near: { latitude: 40.7484, longitude: -73.9967, radiusMiles: 25 }, sort: "best", limit: 20, offset: 0 });
    const names = found.rows.map((r) => r.displayName);
    // Ann is nearer, but unclaimed.
    expect(names.indexOf("Claimed Zed")).toBeLessThan(names.indexOf("Ann Example"));
    await db.delete(therapists).where(eq(therapists.id, claimed.id));
  });

  it("matches a modality filter only when the search includes modality not stated, and reads as the registry's on profile and card", async () => {
    const near = { latitude: 40.7484, longitude: -73.9967, radiusMiles: 25 };
    const strict = await searchTherapists(db, { near, modalities: ["swedish"], sort: "best", limit: 20, offset: 0 });
    expect(strict.rows.map((r) => r.displayName)).not.toContain("Ann Example");
    const wide = await searchTherapists(db, { near, modalities: ["swedish"], includeModalityNotStated: true, sort: "best", limit: 20, offset: 0 });
    expect(wide.rows.map((r) => r.displayName)).toContain("Ann Example");
    const parsed = parseSearchParams({ location: "10001", modality: "swedish", modalityNotStated: "1" });
    expect(parsed.ok && parsed.params.modalityNotStated).toBe(true);

    const ann = await byNpi(db, "0000000011");
    const source = await getPublishedTherapistBySlug(db, { slug: ann.slug });
    const profile = toPublicProfile(source!);
    expect(profile.registry).toEqual({
      npi: "0000000011",
      claimed: false,
      label: UNCLAIMED_REGISTRY_LABEL,
      credential: "LMT",
      updatedOn: "2026-03-15",
      text: "as registered on March 15, 2026",
    });
    expect(profile.licenseNotes.map((n) => n.text)).toEqual([`LMT, New York - ${REGISTRY_LICENCE_WORDING}`]);
    const row = wide.rows.find((r) => r.displayName === "Ann Example")!;
    const rules = new Map(source!.stateRules.map((r) => [r.code, r]));
    const card = toSearchResult(row, rules, (slug) => slug);
    expect(card.registry?.label).toBe(UNCLAIMED_REGISTRY_LABEL);
    expect(card.modalities).toEqual([]);
  });

  let owner: string;
  let admin: string;
  let frankUser: string;

  it("is claimed with the listing's NPI and a licence number on it, plus a proof file", async () => {
    const rows = await db.insert(users).values([{ email: "dave@example.org" }, { email: "admin@example.org", role: "admin" }, { email: "frank@example.org" }]).returning({ id: users.id });
    [owner, admin, frankUser] = rows.map((r) => r.id) as [string, string, string];
    const dave = await byNpi(db, "0000000015");
    const file = { name: "licence.png", mimeType: "image/png", data: makePng() };
    const wrongNpi = await claimListing(db, { id: dave.id, userId: owner, email: "dave@example.org", proof: { kind: "licence", number: "TEST-00015", npi: "0000000011", file } });
    expect(wrongNpi).toEqual({ ok: false, reason: "npi_mismatch" });
    const noNpi = await claimListing(db, { id: dave.id, userId: owner, email: "dave@example.org", proof: { kind: "licence", number: "TEST-00015", file } });
    expect(noNpi).toEqual({ ok: false, reason: "npi_mismatch" });
    const claim = await claimListing(db, { id: dave.id, userId: owner, email: "dave@example.org", proof: { kind: "licence", number: "test 00015", npi: "0000000015", file } });
    expect(claim).toMatchObject({ ok: true, status: "pending" });
    if (!claim.ok) return;
    expect(await decideClaim(db, { adminId: admin, claimId: claim.claimId, approve: true })).toEqual({ ok: true, status: "approved" });
    const claimed = await byNpi(db, "0000000015");
    expect(claimed.ownerId).toBe(owner);
    expect(claimed.criteriaScore).toBeGreaterThanOrEqual(0);
  });

  it("takes a removal request with the same proof; once approved the listing is unpublished and stays out of later imports", async () => {
    const frank = await byNpi(db, "0000000017");
    expect(await requestRegistryRemoval(db, { id: frank.id, userId: frankUser, npi: "0000000017", licenceNumber: "TEST-99999" })).toEqual({ ok: false, reason: "mismatch" });
    const asked = await requestRegistryRemoval(db, { id: frank.id, userId: frankUser, npi: "0000000017", licenceNumber: "TEST-00017", message: "Please take me off." });
    expect(asked.ok).toBe(true);
    const pending = await listPendingRemovals(db);
    expect(pending.map((p) => p.npi)).toEqual(["0000000017"]);
    expect(await decideRegistryRemoval(db, { adminId: admin, removalId: pending[0]!.id, approve: true })).toEqual({ ok: true, status: "approved" });
    expect((await byNpi(db, "0000000017")).published).toBe(false);
  });

  it("applies a weekly update and the next month's file: changes, a deactivation, a reactivation, owner edits kept, removals honoured", async () => {
    // The owner of Dave's listing edits the phone (their own number now).
    await db.update(therapists).set({ phone: "555-010-7777" }).where(eq(therapists.npi, "0000000015"));

    const week = await importRegistryFile(db, WEEK);
    expect(week).toMatchObject({ read: 1, unpublished: 1 });
    const carolGone = await byNpi(db, "0000000014");
    expect(carolGone).toMatchObject({ published: false, registryDeactivatedOn: "2026-04-02" });

    const before = await byNpi(db, "0000000011");
    const month2 = await importRegistryFile(db, MONTH2);
    expect(month2).toMatchObject({ read: 9, kept: 7, created: 1, updated: 3, unchanged: 2, unpublished: 1, removed: 1, skipped: 0 });

    // Unchanged: not touched at all.
    expect((await byNpi(db, "0000000011")).version).toBe(before.version);
    // Bob deactivated: unpublished, never deleted.
    expect(await byNpi(db, "0000000013")).toMatchObject({ published: false, registryDeactivatedOn: "2026-04-20" });
    // Carol reactivated: back, with the registry's new date.
    expect(await byNpi(db, "0000000014")).toMatchObject({ published: true, registryDeactivatedOn: null, registryUpdatedOn: "2026-04-25" });
    // Erin's credential changed.
    expect((await byNpi(db, "0000000016")).registryFacts?.credential).toBe("LMT, CMT");
    // George is new.
    expect(await byNpi(db, "0000000019")).toMatchObject({ displayName: "George Newcomer", published: true });
    // Frank asked to be removed: still unpublished, the registry's changes not applied.
    expect(await byNpi(db, "0000000017")).toMatchObject({ published: false });

    // Dave's owner edited the phone: kept; the address the owner left alone follows the registry.
    const dave = await byNpi(db, "0000000015");
    expect(dave.phone).toBe("555-010-7777");
    expect(dave.addressLine).toBe("15 New Testville Avenue");
    expect(dave.registryFacts?.phone).toBe("555-010-9999");
    const differences = await listRegistryDifferences(db);
    expect(differences).toEqual([
      expect.objectContaining({ npi: "0000000015", differences: [{ field: "phone", listing: "555-010-7777", registry: "555-010-9999" }] }),
    ]);

    // And the same month again changes nothing.
    const settled = await snapshot(db);
    expect(await importRegistryFile(db, MONTH2)).toMatchObject({ created: 0, updated: 0, unpublished: 0, removed: 1 });
    expect(await snapshot(db)).toEqual(settled);
  });

  it("refuses a file with another header, or one cut part-way through a row, before writing anything", async () => {
    const fresh = await createStore();
    const other = await fresh.open();
    try {
      const original = fs.readFileSync(MONTH1);
      const otherHeader = path.join(tmp, "other-header.csv");
      fs.writeFileSync(otherHeader, Buffer.from(original.toString("latin1").replace('"Provider Sex Code"', '"Provider Shoe Size"'), "latin1"));
      await expect(importRegistryFile(other.db, otherHeader)).rejects.toThrow(/not the registry's data file: column 42/);
      const cut = path.join(tmp, "cut.csv");
      fs.writeFileSync(cut, original.subarray(0, original.length - 500));
      await expect(importRegistryFile(other.db, cut)).rejects.toBeInstanceOf(RefusedFile);
      await expect(importRegistryFile(other.db, cut)).rejects.toThrow(/truncated/);
      const empty = path.join(tmp, "empty.csv");
      fs.writeFileSync(empty, "");
      await expect(importRegistryFile(other.db, empty)).rejects.toBeInstanceOf(RefusedFile);
      const count = await other.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(therapists);
      expect(count[0]!.n).toBe(0);
    } finally {
      await other.close();
      await fresh.destroy();
    }
  });

  it("after a run killed between batches, a re-run gives the same listings as one clean run", async () => {
    const cleanStore = await createStore();
    const killedStore = await createStore();
    const clean = await cleanStore.open();
    const killed = await killedStore.open();
    try {
      await importRegistryFile(clean.db, MONTH1, { batchSize: 2 });
      let batches = 0;
      // The listings the finished batches created, as the import counted them when each finished.
      let finished = 0;
      await expect(
        importRegistryFile(killed.db, MONTH1, {
          batchSize: 2,
          onBatch: (summary) => {
            finished = Math.max(finished, summary.created);
            if (++batches === 2) throw new Error("killed");
          },
        }),
      ).rejects.toThrow("killed");
      // Every batch whose write finished is there, and nothing else. PGlite writes one batch at a
      // time: the run stops after the second. PostgreSQL writes two at once, and they may finish
      // in either order (issue 17's seventh pass): a batch started beside the one that stopped the
      // run still finishes, so two or more are written, never all (seven listings in four batches).
      const partial = await snapshot(killed.db);
      if (killed.driver === "postgres") expect(batches).toBeGreaterThanOrEqual(2);
      else expect(batches).toBe(2);
      expect(finished).toBeGreaterThanOrEqual(4);
      expect(finished).toBeLessThan(7);
      expect(partial.rows.length).toBe(finished);
      const rerun = await importRegistryFile(killed.db, MONTH1, { batchSize: 2 });
      expect(rerun).toMatchObject({ created: 7 - finished, unchanged: finished });
      expect(await snapshot(killed.db)).toEqual(await snapshot(clean.db));
    } finally {
      await clean.close();
      await killed.close();
      await cleanStore.destroy();
      await killedStore.destroy();
    }
  });

  it("writes an NPI named in two batches in file order, even with two batches written at once", async () => {
    // A weekly update may name an NPI twice; the last row wins. With one row a batch, the second
    // row of 0000000951 is the next batch, which waits for the one before it (PostgreSQL writes
    // two batches at once); 0000000952's batch goes beside it.
    const line = (npi: string, first: string, street: string) =>
      registryLine({
        ...individual({ npi, last: "TWICE", first, street, city: "NEW YORK", state: "NY", zip: "10001", phone: "5550100000", updated: "01/02/2025" }),
        ...taxonomySlot(1, { code: MASSAGE_THERAPIST_TAXONOMY, licence: "TEST-1", state: "NY" }),
      });
    const file = path.join(tmp, "twice.csv");
    fs.writeFileSync(
      file,
      [registryHeaderLine(), line("0000000951", "ANNA", "1 FIRST ST"), line("0000000951", "ANNE", "3 FIRST ST"), line("0000000952", "BEA", "2 FIRST ST"), line("0000000951", "ANN", "4 FIRST ST")].join(""),
    );
    const fresh = await createStore();
    const other = await fresh.open();
    try {
      const summary = await importRegistryFile(other.db, file, { batchSize: 1 });
      expect(summary).toMatchObject({ read: 4, kept: 4, created: 2, updated: 2 });
      const rows = await other.db.select({ npi: therapists.npi, displayName: therapists.displayName, addressLine: therapists.addressLine }).from(therapists).orderBy(asc(therapists.npi));
      expect(rows).toEqual([
        { npi: "0000000951", displayName: "Ann Twice", addressLine: "4 First St" },
        { npi: "0000000952", displayName: "Bea Twice", addressLine: "2 First St" },
      ]);
    } finally {
      await other.close();
      await fresh.destroy();
    }
  });

  it("a first large import builds the search indexes once at the end (PostgreSQL) and gives the same listings; later imports keep them", async () => {
    const plainStore = await createStore();
    const firstStore = await createStore();
    const plain = await plainStore.open();
    const first = await firstStore.open();
    const indexes = async (d: Database) =>
      rowsOf<{ indexdef: string }>(
        await d.db.execute(sql`select indexdef from pg_indexes where tablename in ('therapists', 'therapist_modalities', 'licenses') order by 1`),
      ).map((r) => r.indexdef);
    const keys = async (d: Database) =>
      rowsOf(await d.db.execute(sql`select conname, convalidated from pg_constraint where contype = 'f' order by 1`)).map((r) => JSON.stringify(r));
    try {
      const before = { indexes: await indexes(first), keys: await keys(first) };
      const plainRun = await importRegistryFile(plain.db, MONTH1);
      // "This many listings or more" made tiny, so that the fixture counts as large.
      const firstRun = await importRegistryFile(first.db, MONTH1, { rebuildIndexesFrom: 1 });
      expect(plainRun.indexesRebuilt).toBe(false);
      expect(firstRun).toEqual({ ...plainRun, indexesRebuilt: first.driver === "postgres" });
      expect(await snapshot(first.db)).toEqual(await snapshot(plain.db));
      expect({ indexes: await indexes(first), keys: await keys(first) }).toEqual(before);
      // The directory now holds registry listings: never again, whatever the file.
      expect(await importRegistryFile(first.db, MONTH2, { rebuildIndexesFrom: 1 })).toMatchObject({ indexesRebuilt: false, created: 1 });
    } finally {
      await plain.close();
      await first.close();
      await plainStore.destroy();
      await firstStore.destroy();
    }
  });
});
