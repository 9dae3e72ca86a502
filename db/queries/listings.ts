import "server-only";
// Every write to a therapist's listing: create, edit, publish, claim, and the administrators'
// licence checks and moderation. Each write is one transaction, checks who is asking in the
// query's where clause (a foreign listing looks exactly like a missing one), refuses a save
// based on a stale version, and appends a profile_revisions row.
import { and, asc, desc, eq, gt, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import { lookupZip } from "@/lib/geo/zip";
import type { Profile } from "@/lib/validation/therapist-profile";
import type { Db } from "../client";
import {
  listingClaims,
  licenses,
  profileRevisions,
  stateLicensing,
  therapistModalities,
  therapists,
  users,
  type FieldChange,
  type Therapist,
} from "../schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Who is asking. Administrators may act on any listing. */
export type Actor = { userId: string; isAdmin?: boolean };

export type LicenseRow = { state: string; number: string; credentialTitle: string };

// The columns a profile edit writes (ZIP also sets city, state and coordinates).
const PROFILE_COLUMNS = [
  "displayName", "practiceName", "bio", "phone", "email", "website", "addressLine", "zip", "hours",
  "inClinic", "mobile", "acceptingNewClients", "yearsInPractice", "sciaticaExperience", "sciaticaDescription",
  "acceptsPhysicianReferrals", "acceptsInsurance", "insurancePlans", "offersSuperbills", "acceptsHsaFsa",
  "priceMin", "priceMax", "languages", "wheelchairAccessible", "accessibilityNotes", "schoolName",
  "schoolAccredited", "associations", "ncbtmbStatus", "ncbtmbNumber", "modalitySlugs",
] as const satisfies readonly (keyof Therapist)[];
const DERIVED_COLUMNS = ["city", "state", "latitude", "longitude"] as const satisfies readonly (keyof Therapist)[];

type ProfileColumns = Pick<Therapist, (typeof PROFILE_COLUMNS)[number] | (typeof DERIVED_COLUMNS)[number]>;

export type WriteResult<T = { version: number }> =
  | ({ ok: true } & T)
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; reason: "conflict"; currentVersion: number; changes: ChangedField[] };

export type ChangedField = { field: string; old: unknown; new: unknown; by: string | null; at: Date };

function ownedBy(id: string, actor: Actor) {
  return actor.isAdmin ? eq(therapists.id, id) : and(eq(therapists.id, id), eq(therapists.ownerId, actor.userId));
}

function columnsFromProfile(profile: Profile): ProfileColumns | { zipError: string } {
  const place = lookupZip(profile.zip);
  if (!place) return { zipError: "We could not find this ZIP code. Enter the 5-digit ZIP of your practice." };
  const { licenses: _licenses, ...rest } = profile;
  void _licenses;
  return {
    ...rest,
    ncbtmbNumber: profile.ncbtmbStatus === "not_certified" ? null : profile.ncbtmbNumber,
    city: place.city,
    state: place.state,
    latitude: place.latitude,
    longitude: place.longitude,
  } as ProfileColumns;
}

const licenseLabel = (l: LicenseRow) => `${l.state} ${l.number} (${l.credentialTitle})`;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function slugify(name: string, city: string): string {
  const base = `${name} ${city}`
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${base || "therapist"}-${crypto.randomUUID().slice(0, 6)}`;
}

async function writeModalities(tx: Tx, therapistId: string, slugs: string[]) {
  await tx.delete(therapistModalities).where(eq(therapistModalities.therapistId, therapistId));
  if (slugs.length) await tx.insert(therapistModalities).values(slugs.map((modalitySlug) => ({ therapistId, modalitySlug })));
}

// A licence is identified by its state and number (spacing and case aside): an administrator's
// check of it (status, when, by whom, source, note) belongs to that identity, so the owner's
// edits to anything else, or removing the licence and adding it back, never change the check.
// A new state or number is a new licence, unchecked; the old one's check stays in the history.
export const licenseIdentity = (l: { state: string; number: string }) => `${l.state.trim().toUpperCase()}|${l.number.replace(/\s+/g, "").toUpperCase()}`;

/** The revision field that keeps the checks of licences the owner removed. */
export const REMOVED_LICENCE_CHECKS = "removedLicenceChecks";

type LicenceCheck = {
  state: string;
  number: string;
  credentialTitle: string;
  status: "active" | "expired" | "disciplinary_action" | "unknown";
  verifiedAt: string | null;
  verifiedById: string | null;
  source: string | null;
  note: string | null;
};

/** The latest check recorded for each removed licence identity of a listing. */
async function removedLicenceChecks(tx: Tx, therapistId: string): Promise<Map<string, LicenceCheck>> {
  const rows = await tx
    .select({ changes: profileRevisions.changes })
    .from(profileRevisions)
    .where(and(eq(profileRevisions.therapistId, therapistId), sql`(${profileRevisions.changes} -> ${REMOVED_LICENCE_CHECKS}) is not null`))
    .orderBy(asc(profileRevisions.id));
  const found = new Map<string, LicenceCheck>();
  for (const r of rows) {
    const old = r.changes[REMOVED_LICENCE_CHECKS]?.old;
    if (Array.isArray(old)) for (const c of old as LicenceCheck[]) found.set(licenseIdentity(c), c);
  }
  return found;
}

/**
 * Writes the owner's licence list. Same identity: the row (and its check) stays, its title and
 * the number's spelling follow the form. Removed: the row goes, and its check is recorded in the
 * revision (REMOVED_LICENCE_CHECKS) so that adding the same licence back restores it.
 */
async function syncLicenses(tx: Tx, therapistId: string, wanted: LicenseRow[]) {
  const current = await tx
    .select({
      id: licenses.id,
      state: licenses.state,
      number: licenses.number,
      credentialTitle: licenses.credentialTitle,
      status: licenses.status,
      verifiedAt: licenses.verifiedAt,
      verifiedById: licenses.verifiedById,
      source: licenses.source,
      note: licenses.note,
    })
    .from(licenses)
    .where(eq(licenses.therapistId, therapistId));
  const wantedByIdentity = new Map(wanted.map((l) => [licenseIdentity(l), l]));
  const currentByIdentity = new Map(current.map((l) => [licenseIdentity(l), l]));
  for (const c of current) {
    const w = wantedByIdentity.get(licenseIdentity(c));
    if (w && (w.credentialTitle !== c.credentialTitle || w.number !== c.number)) {
      await tx
        .update(licenses)
        .set({ credentialTitle: w.credentialTitle, number: w.number, updatedAt: new Date() })
        .where(and(eq(licenses.therapistId, therapistId), eq(licenses.id, c.id)));
    }
  }
  const gone = current.filter((l) => !wantedByIdentity.has(licenseIdentity(l)));
  if (gone.length) await tx.delete(licenses).where(and(eq(licenses.therapistId, therapistId), inArray(licenses.id, gone.map((l) => l.id))));
  const added = wanted.filter((l) => !currentByIdentity.has(licenseIdentity(l)));
  const earlier = added.length ? await removedLicenceChecks(tx, therapistId) : new Map<string, LicenceCheck>();
  if (added.length)
    await tx.insert(licenses).values(
      added.map((l) => {
        const check = earlier.get(licenseIdentity(l));
        return check
          ? { therapistId, ...l, status: check.status, verifiedAt: check.verifiedAt ? new Date(check.verifiedAt) : null, verifiedById: check.verifiedById, source: check.source ?? "state board look-up", note: check.note }
          : { therapistId, ...l, status: "unknown" as const, verifiedAt: null, verifiedById: null, source: "self-reported", note: null };
      }),
    );
  const removedChecks: LicenceCheck[] = gone
    .filter((l) => l.verifiedAt !== null)
    .map((l) => ({ state: l.state, number: l.number, credentialTitle: l.credentialTitle, status: l.status, verifiedAt: l.verifiedAt!.toISOString(), verifiedById: l.verifiedById, source: l.source, note: l.note }));
  return {
    old: current.map(licenseLabel).sort(),
    new: wanted.map(licenseLabel).sort(),
    removedChecks,
  };
}

// Statuses only administrators set (NCBTMB "verified" / "lapsed") are not form fields: the form
// says "certified" (self_reported) or not. Saying "certified" with the same certificate number
// keeps the administrator's finding; a new number is a new, unchecked claim.
const ADMIN_NCBTMB = new Set(["verified", "lapsed"]);
const sameCertificate = (a: string | null, b: string | null) => (a ?? "").replace(/\s+/g, "").toUpperCase() === (b ?? "").replace(/\s+/g, "").toUpperCase();

function keepNcbtmbFinding(current: Therapist, columns: ProfileColumns): ProfileColumns {
  if (ADMIN_NCBTMB.has(current.ncbtmbStatus) && columns.ncbtmbStatus === "self_reported" && sameCertificate(current.ncbtmbNumber, columns.ncbtmbNumber)) {
    return { ...columns, ncbtmbStatus: current.ncbtmbStatus };
  }
  return columns;
}

/** How many listings one account may create (administrators excepted). */
export const MAX_LISTINGS_PER_ACCOUNT = 3;

async function appendRevision(
  tx: Tx,
  row: { therapistId: string; userId: string | null; version: number; changes: Record<string, FieldChange>; reason?: string | null },
) {
  await tx.insert(profileRevisions).values({ ...row, reason: row.reason ?? null });
}

// ---------------------------------------------------------------------------
// Therapist side

/** A new, unpublished listing owned by `userId`. */
export async function createListing(
  db: Db,
  options: { userId: string; isAdmin?: boolean; profile: Profile },
): Promise<WriteResult<{ id: string; slug: string; version: number }> | { ok: false; reason: "limit"; limit: number }> {
  const columns = columnsFromProfile(options.profile);
  if ("zipError" in columns) return { ok: false, reason: "invalid", fieldErrors: { zip: columns.zipError } };
  return db.transaction(async (tx) => {
    if (!options.isAdmin) {
      // The account's row is locked so that simultaneous creates are counted one after another.
      await tx.select({ id: users.id }).from(users).where(eq(users.id, options.userId)).for("update");
      const [owned] = await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(therapists).where(eq(therapists.ownerId, options.userId));
      if ((owned?.n ?? 0) >= MAX_LISTINGS_PER_ACCOUNT) return { ok: false as const, reason: "limit" as const, limit: MAX_LISTINGS_PER_ACCOUNT };
    }
    const [row] = await tx
      .insert(therapists)
      .values({ ...columns, slug: slugify(columns.displayName, columns.city), ownerId: options.userId, published: false, isDemo: false, version: 1 })
      .returning({ id: therapists.id, slug: therapists.slug });
    await writeModalities(tx, row!.id, columns.modalitySlugs);
    const lic = await syncLicenses(tx, row!.id, options.profile.licenses);
    const changes: Record<string, FieldChange> = {};
    for (const k of [...PROFILE_COLUMNS, ...DERIVED_COLUMNS]) if (!same(columns[k], null)) changes[k] = { old: null, new: columns[k] };
    if (lic.new.length) changes.licenses = { old: [], new: lic.new };
    await appendRevision(tx, { therapistId: row!.id, userId: options.userId, version: 1, changes, reason: "Listing created" });
    return { ok: true as const, id: row!.id, slug: row!.slug, version: 1 };
  });
}

/** The listings an account owns, newest first. */
export async function listOwnListings(db: Db, options: { userId: string }) {
  return db
    .select({
      id: therapists.id,
      slug: therapists.slug,
      displayName: therapists.displayName,
      city: therapists.city,
      state: therapists.state,
      published: therapists.published,
      moderationNote: therapists.moderationNote,
      version: therapists.version,
      updatedAt: therapists.updatedAt,
    })
    .from(therapists)
    .where(eq(therapists.ownerId, options.userId))
    .orderBy(desc(therapists.createdAt));
}

/** One listing with its licences, if `actor` owns it (or is an administrator); else null. */
export async function getListingForEdit(db: Db, options: { id: string } & Actor) {
  const [therapist] = await db.select().from(therapists).where(ownedBy(options.id, options)).limit(1);
  if (!therapist) return null;
  const rows = await db
    .select({
      id: licenses.id,
      state: licenses.state,
      number: licenses.number,
      credentialTitle: licenses.credentialTitle,
      status: licenses.status,
      verifiedAt: licenses.verifiedAt,
      source: licenses.source,
      note: licenses.note,
    })
    .from(licenses)
    .where(eq(licenses.therapistId, therapist.id))
    .orderBy(asc(licenses.createdAt), asc(licenses.state), asc(licenses.number));
  return { therapist, licenses: rows };
}

/** The profile's revision history, newest first, for its owner or an administrator. */
export async function listRevisions(db: Db, options: { id: string } & Actor) {
  const [owned] = await db.select({ id: therapists.id }).from(therapists).where(ownedBy(options.id, options)).limit(1);
  if (!owned) return null;
  return db
    .select({
      id: profileRevisions.id,
      version: profileRevisions.version,
      changes: profileRevisions.changes,
      reason: profileRevisions.reason,
      createdAt: profileRevisions.createdAt,
      userEmail: users.email,
    })
    .from(profileRevisions)
    .leftJoin(users, eq(users.id, profileRevisions.userId))
    .where(eq(profileRevisions.therapistId, owned.id))
    .orderBy(desc(profileRevisions.id));
}

async function changesSince(tx: Tx, therapistId: string, version: number): Promise<ChangedField[]> {
  const rows = await tx
    .select({ changes: profileRevisions.changes, createdAt: profileRevisions.createdAt, email: users.email })
    .from(profileRevisions)
    .leftJoin(users, eq(users.id, profileRevisions.userId))
    .where(and(eq(profileRevisions.therapistId, therapistId), gt(profileRevisions.version, version)))
    .orderBy(asc(profileRevisions.id));
  const merged = new Map<string, ChangedField>();
  for (const r of rows) {
    for (const [field, c] of Object.entries(r.changes)) {
      const prior = merged.get(field);
      merged.set(field, { field, old: prior ? prior.old : c.old, new: c.new, by: r.email, at: r.createdAt });
    }
  }
  return [...merged.values()];
}

/** Locks the row; not found (or not the actor's), or a conflict when `version` is stale. */
async function lockForWrite(tx: Tx, id: string, actor: Actor, version: number | undefined) {
  const [current] = await tx.select().from(therapists).where(ownedBy(id, actor)).for("update").limit(1);
  if (!current) return { ok: false as const, reason: "not_found" as const };
  if (version !== undefined && current.version !== version) {
    return { ok: false as const, reason: "conflict" as const, currentVersion: current.version, changes: await changesSince(tx, id, version) };
  }
  return { ok: true as const, current };
}

/** Saves a whole profile edit based on `version`; a stale version overwrites nothing. */
export async function updateListing(
  db: Db,
  options: Actor & { id: string; version: number; profile: Profile },
): Promise<WriteResult> {
  const proposed = columnsFromProfile(options.profile);
  if ("zipError" in proposed) return { ok: false, reason: "invalid", fieldErrors: { zip: proposed.zipError } };
  return db.transaction(async (tx) => {
    const locked = await lockForWrite(tx, options.id, options, options.version);
    if (!locked.ok) return locked;
    const { current } = locked;
    const columns = keepNcbtmbFinding(current, proposed);
    const changes: Record<string, FieldChange> = {};
    for (const k of [...PROFILE_COLUMNS, ...DERIVED_COLUMNS]) {
      if (!same(current[k], columns[k])) changes[k] = { old: current[k], new: columns[k] };
    }
    const lic = await syncLicenses(tx, current.id, options.profile.licenses);
    if (!same(lic.old, lic.new)) changes.licenses = { old: lic.old, new: lic.new };
    if (lic.removedChecks.length) changes[REMOVED_LICENCE_CHECKS] = { old: lic.removedChecks, new: null };
    if (Object.keys(changes).length === 0) return { ok: true as const, version: current.version };
    const version = current.version + 1;
    // Leaving "verified" / "lapsed" drops its date too; the finding stays in this revision.
    const ncbtmbVerifiedAt = ADMIN_NCBTMB.has(columns.ncbtmbStatus) ? current.ncbtmbVerifiedAt : null;
    if (!same(current.ncbtmbVerifiedAt, ncbtmbVerifiedAt)) changes.ncbtmbVerifiedAt = { old: current.ncbtmbVerifiedAt, new: ncbtmbVerifiedAt };
    await tx
      .update(therapists)
      .set({ ...columns, ncbtmbVerifiedAt, version, updatedAt: new Date() })
      .where(and(eq(therapists.id, current.id), eq(therapists.version, current.version)));
    if (changes.modalitySlugs) await writeModalities(tx, current.id, columns.modalitySlugs);
    await appendRevision(tx, { therapistId: current.id, userId: options.userId, version, changes });
    return { ok: true as const, version };
  });
}

/** Publishes or unpublishes; an administrator's unpublish carries a reason shown to the owner. */
export async function setListingPublished(
  db: Db,
  options: Actor & { id: string; published: boolean; reason?: string; version?: number },
): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const locked = await lockForWrite(tx, options.id, options, options.version);
    if (!locked.ok) return locked;
    const { current } = locked;
    const moderationNote = options.published ? null : (options.reason ?? null);
    if (current.published === options.published && current.moderationNote === moderationNote) return { ok: true as const, version: current.version };
    const version = current.version + 1;
    await tx
      .update(therapists)
      .set({ published: options.published, moderationNote, version, updatedAt: new Date() })
      .where(eq(therapists.id, current.id));
    const changes: Record<string, FieldChange> = { published: { old: current.published, new: options.published } };
    if (current.moderationNote !== moderationNote) changes.moderationNote = { old: current.moderationNote, new: moderationNote };
    await appendRevision(tx, { therapistId: current.id, userId: options.userId, version, changes, reason: options.reason ?? null });
    return { ok: true as const, version };
  });
}

// ---------------------------------------------------------------------------
// Claims

/**
 * Published listings nobody owns yet whose name matches, for the claim search. An unpublished
 * listing (taken down by an administrator) is shown to nobody, claimants included.
 */
export async function findUnclaimedListings(db: Db, options: { query: string; limit?: number }) {
  const q = options.query.trim().replace(/[%_\\]/g, (c) => `\\${c}`);
  if (q.length < 2) return [];
  return db
    .select({ id: therapists.id, displayName: therapists.displayName, practiceName: therapists.practiceName, city: therapists.city, state: therapists.state, slug: therapists.slug })
    .from(therapists)
    .where(
      and(
        isNull(therapists.ownerId),
        eq(therapists.published, true),
        or(ilike(therapists.displayName, `%${q}%`), ilike(therapists.practiceName, `%${q}%`)),
      ),
    )
    .orderBy(asc(therapists.displayName))
    .limit(options.limit ?? 20);
}

/**
 * Asks to take over an unowned listing. Granted at once when the account's e-mail is the
 * listing's public e-mail; otherwise waits for an administrator.
 */
export async function claimListing(
  db: Db,
  options: { id: string; userId: string; email: string; message?: string | null },
): Promise<{ ok: true; status: "approved" | "pending" } | { ok: false; reason: "not_found" }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(therapists)
      .where(and(eq(therapists.id, options.id), isNull(therapists.ownerId), eq(therapists.published, true)))
      .for("update")
      .limit(1);
    if (!row) return { ok: false as const, reason: "not_found" as const };
    const matches = !!row.email && row.email.trim().toLowerCase() === options.email.trim().toLowerCase();
    if (!matches) {
      await tx
        .insert(listingClaims)
        .values({ therapistId: row.id, userId: options.userId, message: options.message ?? null })
        .onConflictDoNothing();
      return { ok: true as const, status: "pending" as const };
    }
    await grantOwnership(tx, row, options.userId, null, "Claim approved automatically: the account's e-mail is the listing's e-mail");
    await tx.insert(listingClaims).values({
      therapistId: row.id,
      userId: options.userId,
      status: "approved",
      message: options.message ?? null,
      decidedAt: new Date(),
      decisionNote: "Approved automatically: the account's e-mail is the listing's public e-mail.",
    });
    return { ok: true as const, status: "approved" as const };
  });
}

async function grantOwnership(tx: Tx, row: Therapist, ownerId: string, byUserId: string | null, reason: string) {
  const version = row.version + 1;
  await tx.update(therapists).set({ ownerId, version, updatedAt: new Date() }).where(and(eq(therapists.id, row.id), isNull(therapists.ownerId)));
  await appendRevision(tx, { therapistId: row.id, userId: byUserId ?? ownerId, version, changes: { ownerId: { old: null, new: ownerId } }, reason });
}

/** The account's own claims, newest first. */
export async function listOwnClaims(db: Db, options: { userId: string }) {
  return db
    .select({ id: listingClaims.id, status: listingClaims.status, createdAt: listingClaims.createdAt, decisionNote: listingClaims.decisionNote, displayName: therapists.displayName, city: therapists.city, state: therapists.state })
    .from(listingClaims)
    .innerJoin(therapists, eq(therapists.id, listingClaims.therapistId))
    .where(eq(listingClaims.userId, options.userId))
    .orderBy(desc(listingClaims.createdAt));
}

// ---------------------------------------------------------------------------
// Administrators (callers must have checked the role: see withAdmin)

/** Licences nobody has checked yet, oldest first, with the state's look-up link. */
export async function listLicensesToCheck(db: Db, options: { limit?: number } = {}) {
  return db
    .select({
      id: licenses.id,
      state: licenses.state,
      number: licenses.number,
      credentialTitle: licenses.credentialTitle,
      source: licenses.source,
      createdAt: licenses.createdAt,
      therapistId: therapists.id,
      displayName: therapists.displayName,
      slug: therapists.slug,
      stateName: stateLicensing.name,
      lookupUrl: stateLicensing.lookupUrl,
      boardName: stateLicensing.boardName,
    })
    .from(licenses)
    .innerJoin(therapists, eq(therapists.id, licenses.therapistId))
    .leftJoin(stateLicensing, eq(stateLicensing.code, licenses.state))
    .where(and(isNull(licenses.verifiedAt), eq(therapists.isDemo, false)))
    .orderBy(asc(licenses.createdAt), asc(licenses.id))
    .limit(options.limit ?? 50);
}

/** Records what the state board shows for a licence, by whom and when. */
export async function checkLicense(
  db: Db,
  options: { adminId: string; licenseId: string; status: "active" | "expired" | "disciplinary_action"; note: string; checkedOn: string },
): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const [lic] = await tx.select().from(licenses).where(eq(licenses.id, options.licenseId)).limit(1);
    if (!lic) return { ok: false as const, reason: "not_found" as const };
    const locked = await lockForWrite(tx, lic.therapistId, { userId: options.adminId, isAdmin: true }, undefined);
    if (!locked.ok) return locked;
    const verifiedAt = new Date(`${options.checkedOn}T12:00:00Z`);
    await tx
      .update(licenses)
      .set({ status: options.status, verifiedAt, verifiedById: options.adminId, source: "state board look-up", note: options.note || null, updatedAt: new Date() })
      .where(eq(licenses.id, lic.id));
    const version = locked.current.version + 1;
    await tx.update(therapists).set({ version, updatedAt: new Date() }).where(eq(therapists.id, lic.therapistId));
    const label = licenseLabel(lic);
    await appendRevision(tx, {
      therapistId: lic.therapistId,
      userId: options.adminId,
      version,
      changes: { [`licence ${label}`]: { old: { status: lic.status, verifiedAt: lic.verifiedAt }, new: { status: options.status, verifiedAt: options.checkedOn } } },
      reason: options.note ? `Licence checked with the state board: ${options.note}` : "Licence checked with the state board",
    });
    return { ok: true as const, version };
  });
}

/** Claims waiting for a decision, oldest first. */
export async function listPendingClaims(db: Db, options: { limit?: number } = {}) {
  return db
    .select({
      id: listingClaims.id,
      message: listingClaims.message,
      createdAt: listingClaims.createdAt,
      claimantEmail: users.email,
      therapistId: therapists.id,
      displayName: therapists.displayName,
      listingEmail: therapists.email,
      city: therapists.city,
      state: therapists.state,
      slug: therapists.slug,
    })
    .from(listingClaims)
    .innerJoin(users, eq(users.id, listingClaims.userId))
    .innerJoin(therapists, eq(therapists.id, listingClaims.therapistId))
    .where(eq(listingClaims.status, "pending"))
    .orderBy(asc(listingClaims.createdAt))
    .limit(options.limit ?? 50);
}

/** Approves (the claimant becomes the owner, if nobody owns it yet) or refuses a claim. */
export async function decideClaim(
  db: Db,
  options: { adminId: string; claimId: string; approve: boolean; note?: string },
): Promise<{ ok: true; status: "approved" | "refused" } | { ok: false; reason: "not_found" | "already_owned" }> {
  return db.transaction(async (tx) => {
    const [claim] = await tx
      .select()
      .from(listingClaims)
      .where(and(eq(listingClaims.id, options.claimId), eq(listingClaims.status, "pending")))
      .for("update")
      .limit(1);
    if (!claim) return { ok: false as const, reason: "not_found" as const };
    let status: "approved" | "refused" = options.approve ? "approved" : "refused";
    let note = options.note || null;
    if (options.approve) {
      const [row] = await tx.select().from(therapists).where(eq(therapists.id, claim.therapistId)).for("update").limit(1);
      if (!row || row.ownerId) {
        status = "refused";
        note = "Refused: the listing already has an owner.";
      } else {
        await grantOwnership(tx, row, claim.userId, options.adminId, note ? `Claim approved: ${note}` : "Claim approved by an administrator");
      }
    }
    await tx
      .update(listingClaims)
      .set({ status, decidedAt: new Date(), decidedById: options.adminId, decisionNote: note })
      .where(eq(listingClaims.id, claim.id));
    return status === "approved" || !options.approve ? { ok: true as const, status } : { ok: false as const, reason: "already_owned" as const };
  });
}

/** Published listings by name, for the moderation search. */
export async function findListingsForModeration(db: Db, options: { query: string; limit?: number }) {
  const q = options.query.trim().replace(/[%_\\]/g, (c) => `\\${c}`);
  if (q.length < 2) return [];
  return db
    .select({ id: therapists.id, displayName: therapists.displayName, city: therapists.city, state: therapists.state, slug: therapists.slug, published: therapists.published, moderationNote: therapists.moderationNote })
    .from(therapists)
    .where(or(ilike(therapists.displayName, `%${q}%`), ilike(therapists.slug, `%${q}%`)))
    .orderBy(asc(therapists.displayName))
    .limit(options.limit ?? 20);
}

/** A listing's public fields by id (for the dashboard preview). */
export async function countRevisions(db: Db, options: { therapistId: string }) {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(profileRevisions)
    .where(eq(profileRevisions.therapistId, options.therapistId));
  return row?.n ?? 0;
}
