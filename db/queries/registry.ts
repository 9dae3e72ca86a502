import "server-only";
// The national provider registry (NPPES) in the directory: writing one batch of an import
// (npm run import:registry, lib/registry/import-file.ts), removal requests and their decisions,
// and the differences between what claimed owners edited and what the registry says.
// Listings are keyed by NPI. An import never deletes a listing and never overwrites a field its
// owner edited: the registry's value stays beside it (registry_facts) for the administrator.
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { v7 as timeOrderedId } from "uuid";
import type { RegistryFacts } from "@/db/reference/nppes-layout";
import { canonicalFacts, type RegistryListing } from "@/lib/registry/nppes-row";
import { REGISTRY_LICENCE_SOURCE, asRegisteredOn } from "@/lib/therapists/vocabulary";
import { arrayLiteral, bulkInsert, copyRows, copyTherapists, planOnce, postgresTransaction, type TherapistLoad } from "../bulk-insert";
import type { Db } from "../client";
import { licenses, profileRevisions, registryRemovals, therapists, users, type FieldChange, type NewTherapist } from "../schema";
import type { Tx } from "./listing-writes";

export type BatchCounts = { created: number; updated: number; unchanged: number; unpublished: number; removed: number };

/** The listing columns the registry fills, each the same-named fact. */
export const REGISTRY_FIELDS = ["displayName", "addressLine", "city", "state", "zip", "latitude", "longitude", "phone"] as const;
type RegistryField = (typeof REGISTRY_FIELDS)[number];

const slugPart = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/** Stable and unique: the NPI is part of it. */
export const registrySlug = (npi: string, f: RegistryFacts) => [slugPart(f.displayName), slugPart(f.city), f.state.toLowerCase(), npi].filter(Boolean).join("-");

// The rows an import writes get time-ordered ids (UUID version 7, RFC 9562): each lands at the
// right edge of its table's key and of the indexes keyed by therapist, where a random id would
// write a random page of each per row (docs/benchmarks.md, eighth pass).
const licenceRows = (therapistId: string, f: RegistryFacts) =>
  f.licences.map((l) => ({
    id: timeOrderedId(),
    therapistId,
    state: l.state,
    number: l.number,
    credentialTitle: f.credential ?? "Massage therapist",
    status: "unknown" as const,
    source: REGISTRY_LICENCE_SOURCE,
  }));

const sameLicences = (a: RegistryFacts["licences"], b: RegistryFacts["licences"]) =>
  JSON.stringify(a.map((l) => `${l.state} ${l.number}`).sort()) === JSON.stringify(b.map((l) => `${l.state} ${l.number}`).sort());

type Existing = {
  id: string;
  npi: string | null;
  ownerId: string | null;
  published: boolean;
  lockedAt: Date | null;
  version: number;
  registryFacts: RegistryFacts | null;
  registryDeactivatedOn: string | null;
} & Record<RegistryField, string | number | null>;

/**
 * Writes one batch in one transaction: new listings created (published, unclaimed), changed ones
 * updated (a claimed owner's edits kept), deactivated NPIs unpublished, reactivated ones
 * published again; NPIs whose removal was approved are left out. An unchanged row writes
 * nothing, so importing the same file twice leaves no trace the second time.
 */
export async function writeRegistryBatch(
  db: Db,
  batch: { listings: RegistryListing[]; deactivated: { npi: string; on: string }[] },
): Promise<BatchCounts> {
  const counts: BatchCounts = { created: 0, updated: 0, unchanged: 0, unpublished: 0, removed: 0 };
  // A file may name an NPI twice (a full file does not; weekly updates may): the last row wins.
  const listings = [...new Map(batch.listings.map((l) => [l.npi, l])).values()];
  const npis = [...new Set([...listings.map((l) => l.npi), ...batch.deactivated.map((d) => d.npi)])];
  if (!npis.length) return counts;
  await db.transaction(async (tx) => {
    // PostgreSQL: COPY below, and each row's foreign-key checks planned once (db/bulk-insert.ts).
    const pg = postgresTransaction(tx);
    if (pg) await planOnce(pg);
    const found = (await tx
      .select({
        id: therapists.id,
        npi: therapists.npi,
        ownerId: therapists.ownerId,
        published: therapists.published,
        lockedAt: therapists.lockedAt,
        version: therapists.version,
        registryFacts: therapists.registryFacts,
        registryDeactivatedOn: therapists.registryDeactivatedOn,
        displayName: therapists.displayName,
        addressLine: therapists.addressLine,
        city: therapists.city,
        state: therapists.state,
        zip: therapists.zip,
        latitude: therapists.latitude,
        longitude: therapists.longitude,
        phone: therapists.phone,
      })
      .from(therapists)
      .where(sql`${therapists.npi} = any(${arrayLiteral(npis)}::text[])`)
      .for("update")) as Existing[];
    const existing = new Map(found.map((r) => [r.npi!, r]));
    const removed = new Set(
      (await tx.select({ npi: registryRemovals.npi }).from(registryRemovals).where(and(sql`${registryRemovals.npi} = any(${arrayLiteral(npis)}::text[])`, eq(registryRemovals.status, "approved")))).map(
        (r) => r.npi,
      ),
    );

    // New listings with their licences (COPY on PostgreSQL), and the licences that replace an
    // existing listing's (written the ordinary way: their trigger updates that listing).
    const created: TherapistLoad[] = [];
    const replacedLicences: (typeof licenses.$inferInsert)[] = [];
    const revisions: (typeof profileRevisions.$inferInsert)[] = [];
    const now = new Date();

    for (const { npi, facts } of listings) {
      if (removed.has(npi)) {
        counts.removed++;
        continue;
      }
      const row = existing.get(npi);
      if (!row) {
        const id = timeOrderedId();
        const therapist = {
          id,
          slug: registrySlug(npi, facts),
          displayName: facts.displayName,
          addressLine: facts.addressLine,
          city: facts.city,
          state: facts.state,
          zip: facts.zip,
          latitude: facts.latitude,
          longitude: facts.longitude,
          phone: facts.phone,
          // Only the registry's facts: nothing it does not say is stated for the therapist.
          languages: [],
          inClinic: false,
          acceptingNewClients: false,
          npi,
          registryFacts: facts,
          registryUpdatedOn: facts.lastUpdated,
          published: true,
          modalitySlugs: [],
        };
        created.push({ therapist, licenses: licenceRows(id, facts) });
        revisions.push({
          therapistId: id,
          userId: null,
          version: 1,
          changes: Object.fromEntries(REGISTRY_FIELDS.map((f) => [f, { old: null, new: facts[f] }])),
          reason: `Imported from the national provider registry (NPI ${npi}), ${asRegisteredOn(facts.lastUpdated)}`,
        });
        counts.created++;
        continue;
      }
      const reactivated = row.registryDeactivatedOn !== null;
      const sameFacts = row.registryFacts !== null && canonicalFacts(row.registryFacts) === canonicalFacts(facts);
      if (sameFacts && !reactivated) {
        counts.unchanged++;
        continue;
      }
      const set: Partial<NewTherapist> = { registryFacts: facts, registryUpdatedOn: facts.lastUpdated };
      const changes: Record<string, FieldChange> = {};
      const previous = row.registryFacts;
      for (const field of REGISTRY_FIELDS) {
        // The owner changed this field away from what the registry said: theirs stays.
        const ownerEdited = row.ownerId !== null && previous !== null && row[field] !== previous[field];
        if (ownerEdited || row[field] === facts[field]) continue;
        (set as Record<string, unknown>)[field] = facts[field];
        changes[field] = { old: row[field], new: facts[field] };
      }
      if (reactivated) {
        set.registryDeactivatedOn = null;
        if (!row.lockedAt && !row.published) {
          set.published = true;
          changes.published = { old: false, new: true };
        }
      }
      // The owner keeps the licences of a claimed listing; an unclaimed one follows the registry.
      if (row.ownerId === null && !(previous && sameLicences(previous.licences, facts.licences))) {
        await tx.delete(licenses).where(and(eq(licenses.therapistId, row.id), eq(licenses.source, REGISTRY_LICENCE_SOURCE)));
        replacedLicences.push(...licenceRows(row.id, facts));
        changes.licences = { old: previous?.licences ?? null, new: facts.licences };
      }
      if (!Object.keys(changes).length) changes.registryFacts = { old: previous, new: facts };
      const version = row.version + 1;
      await tx
        .update(therapists)
        .set({ ...set, version, updatedAt: now })
        .where(eq(therapists.id, row.id));
      revisions.push({
        therapistId: row.id,
        userId: null,
        version,
        changes,
        reason: reactivated
          ? `NPI reactivated in the national provider registry, ${asRegisteredOn(facts.lastUpdated)}`
          : `Updated from the national provider registry, ${asRegisteredOn(facts.lastUpdated)}`,
      });
      counts.updated++;
    }

    for (const d of batch.deactivated) {
      const row = existing.get(d.npi);
      // Not listed, already unpublished by a deactivation, or unpublished by its owner or an
      // administrator (then a later reactivation must not publish it).
      if (!row || row.registryDeactivatedOn !== null || !row.published) continue;
      const version = row.version + 1;
      await tx
        .update(therapists)
        .set({ published: false, registryDeactivatedOn: d.on, version, updatedAt: now })
        .where(eq(therapists.id, row.id));
      revisions.push({
        therapistId: row.id,
        userId: null,
        version,
        changes: { published: { old: true, new: false } },
        reason: `Unpublished: the NPI was deactivated in the national provider registry on ${d.on}`,
      });
      counts.unpublished++;
    }

    // PostgreSQL: new listings by COPY, their derived columns checked against the database's
    // formulas (db/bulk-insert.ts); PGlite: one statement per table.
    if (pg) await copyTherapists(pg, created);
    else {
      await bulkInsert(tx as unknown as Db, therapists, created.map((c) => c.therapist));
      await bulkInsert(tx as unknown as Db, licenses, created.flatMap((c) => c.licenses));
    }
    await bulkInsert(tx as unknown as Db, licenses, replacedLicences);
    if (pg) await copyRows(pg, profileRevisions, revisions);
    else await bulkInsert(tx as unknown as Db, profileRevisions, revisions);
  });
  return counts;
}

// ---------------------------------------------------------------------------
// Removal requests

export type RemovalResult = { ok: true; id: string } | { ok: false; reason: "not_found" | "mismatch" | "already_waiting" };

const licenceKey = (n: string) => n.replace(/[\s-]+/g, "").toUpperCase();

/**
 * A practitioner asks that their imported listing be removed, with the claim's proof: the NPI
 * and a licence number on the listing (and a note). It waits for an administrator.
 */
export async function requestRegistryRemoval(
  db: Db,
  options: { id: string; userId: string; npi: string; licenceNumber: string; message?: string },
): Promise<RemovalResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: therapists.id, npi: therapists.npi })
      .from(therapists)
      .where(and(eq(therapists.id, options.id), isNotNull(therapists.npi)))
      .limit(1);
    if (!row) return { ok: false as const, reason: "not_found" as const };
    if (!(await registryProofMatches(tx, { therapistId: row.id, npi: row.npi!, given: options }))) return { ok: false as const, reason: "mismatch" as const };
    const [open] = await tx
      .select({ id: registryRemovals.id })
      .from(registryRemovals)
      .where(and(eq(registryRemovals.therapistId, row.id), eq(registryRemovals.status, "pending")))
      .limit(1);
    if (open) return { ok: false as const, reason: "already_waiting" as const };
    const [created] = await tx
      .insert(registryRemovals)
      .values({ npi: row.npi!, therapistId: row.id, userId: options.userId, licenceNumber: options.licenceNumber, message: options.message ?? null })
      .returning({ id: registryRemovals.id });
    return { ok: true as const, id: created!.id };
  });
}

/** The NPI is the listing's and the licence number is one of its licences. */
export async function registryProofMatches(tx: Tx | Db, options: { therapistId: string; npi: string; given: { npi: string; licenceNumber: string } }) {
  if (options.given.npi.replace(/\D/g, "") !== options.npi) return false;
  const held = await tx.select({ number: licenses.number }).from(licenses).where(eq(licenses.therapistId, options.therapistId));
  return held.some((l) => licenceKey(l.number) === licenceKey(options.given.licenceNumber));
}

/** Removal requests waiting for an administrator, oldest first. */
export async function listPendingRemovals(db: Db, options: { limit?: number } = {}) {
  return db
    .select({
      id: registryRemovals.id,
      npi: registryRemovals.npi,
      licenceNumber: registryRemovals.licenceNumber,
      message: registryRemovals.message,
      createdAt: registryRemovals.createdAt,
      requesterEmail: users.email,
      displayName: therapists.displayName,
      slug: therapists.slug,
      city: therapists.city,
      state: therapists.state,
    })
    .from(registryRemovals)
    .leftJoin(users, eq(users.id, registryRemovals.userId))
    .leftJoin(therapists, eq(therapists.id, registryRemovals.therapistId))
    .where(eq(registryRemovals.status, "pending"))
    .orderBy(asc(registryRemovals.createdAt))
    .limit(options.limit ?? 50);
}

/**
 * An administrator approves (the listing is unpublished, never deleted, and its NPI stays out of
 * later imports) or refuses a removal request. Callers must have checked the role.
 */
export async function decideRegistryRemoval(
  db: Db,
  options: { adminId: string; removalId: string; approve: boolean },
): Promise<{ ok: true; status: "approved" | "refused" } | { ok: false; reason: "not_found" }> {
  return db.transaction(async (tx) => {
    const [removal] = await tx
      .select()
      .from(registryRemovals)
      .where(and(eq(registryRemovals.id, options.removalId), eq(registryRemovals.status, "pending")))
      .for("update")
      .limit(1);
    if (!removal) return { ok: false as const, reason: "not_found" as const };
    const status = options.approve ? ("approved" as const) : ("refused" as const);
    if (options.approve && removal.therapistId) {
      const [row] = await tx.select().from(therapists).where(eq(therapists.id, removal.therapistId)).for("update").limit(1);
      if (row?.published) {
        const version = row.version + 1;
        await tx.update(therapists).set({ published: false, version, updatedAt: new Date() }).where(eq(therapists.id, row.id));
        await tx.insert(profileRevisions).values({
          therapistId: row.id,
          userId: options.adminId,
          version,
          changes: { published: { old: true, new: false } },
          reason: "Removed at the practitioner's request (national provider registry listing)",
        });
      }
    }
    await tx
      .update(registryRemovals)
      .set({ status, decidedAt: new Date(), decidedById: options.adminId })
      .where(eq(registryRemovals.id, removal.id));
    return { ok: true as const, status };
  });
}

// ---------------------------------------------------------------------------
// Administrators: where a claimed owner's listing differs from the registry

export type RegistryDifference = { field: RegistryField; listing: unknown; registry: unknown };

/** Claimed registry listings whose owner-edited fields differ from the registry's latest facts. */
export async function listRegistryDifferences(db: Db, options: { limit?: number } = {}) {
  const rows = await db
    .select()
    .from(therapists)
    .where(and(isNotNull(therapists.npi), isNotNull(therapists.ownerId), isNotNull(therapists.registryFacts)))
    .orderBy(asc(therapists.displayName))
    .limit(options.limit ?? 200);
  return rows.flatMap((r) => {
    const facts = r.registryFacts!;
    const differences: RegistryDifference[] = REGISTRY_FIELDS.filter((f) => r[f] !== facts[f]).map((f) => ({ field: f, listing: r[f], registry: facts[f] }));
    return differences.length ? [{ id: r.id, slug: r.slug, npi: r.npi!, displayName: r.displayName, registryUpdatedOn: r.registryUpdatedOn, differences }] : [];
  });
}

/** How many listings the directory holds, and how many of them came from the registry. */
export async function countListings(db: Db): Promise<{ listings: number; registry: number }> {
  const [row] = await db
    .select({ listings: sql<number>`count(*)`.mapWith(Number), registry: sql<number>`count(${therapists.npi})`.mapWith(Number) })
    .from(therapists);
  return row ?? { listings: 0, registry: 0 };
}

/** How many listings came from the registry, and how many of those nobody has claimed. */
export async function countRegistryListings(db: Db) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)`.mapWith(Number),
      unclaimed: sql<number>`count(*) filter (where ${isNull(therapists.ownerId)})`.mapWith(Number),
      published: sql<number>`count(*) filter (where ${therapists.published})`.mapWith(Number),
    })
    .from(therapists)
    .where(isNotNull(therapists.npi));
  return row ?? { total: 0, unclaimed: 0, published: 0 };
}
