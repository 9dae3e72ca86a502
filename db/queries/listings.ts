import "server-only";
// A therapist's own listing: create, edit, publish, and the reads the dashboard needs to do so.
// Each write is one transaction, checks who is asking in the query's where clause (a foreign
// listing looks exactly like a missing one), refuses a save based on a stale version, and
// appends a profile_revisions row. The caller resolves the ZIP code to a place first (see
// resolveListingPlace in lib/geo/zip.ts): this module only writes what it is given.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Profile } from "@/lib/validation/therapist-profile";
import type { Db } from "../client";
import { licenses, profileRevisions, therapistModalities, therapists, users, type FieldChange, type Therapist } from "../schema";
import { licenseLabel, lockForWrite, ownedBy, same, type Actor, type LicenseRow, type Tx, type WriteResult } from "./listing-writes";
import { discardProofsOfDroppedClaims } from "./proofs";
import { appendRevision } from "./revisions";
import { textReviewAfterWrite } from "./text-review";
import { screenedTextOf } from "@/lib/therapists/medical-claims";

export type { Actor, LicenseRow, WriteResult } from "./listing-writes";
export type { ChangedField } from "./revisions";

/** Where a listing is, resolved from its ZIP code by the caller. */
export type ListingPlace = Pick<Therapist, "city" | "state" | "latitude" | "longitude">;

// The columns a profile edit writes (ZIP also sets city, state and coordinates).
const PROFILE_COLUMNS = [
  "displayName", "practiceName", "bio", "phone", "email", "website", "addressLine", "zip", "hours",
  "inClinic", "mobile", "acceptingNewClients", "yearsInPractice", "sciaticaExperience", "sciaticaDescription",
  "acceptsPhysicianReferrals", "acceptsInsurance", "insurancePlans", "offersSuperbills", "acceptsHsaFsa",
  "priceMin", "priceMax", "languages", "gender", "wheelchairAccessible", "accessibilityNotes", "schoolName",
  "schoolAccredited", "associations", "ncbtmbStatus", "ncbtmbNumber", "modalitySlugs", "messagesOff",
] as const satisfies readonly (keyof Therapist)[];
const DERIVED_COLUMNS = ["city", "state", "latitude", "longitude"] as const satisfies readonly (keyof Therapist)[];

type ProfileColumns = Pick<Therapist, (typeof PROFILE_COLUMNS)[number] | (typeof DERIVED_COLUMNS)[number]>;

function columnsFromProfile(profile: Profile, place: ListingPlace): ProfileColumns {
  // Only the profile's own columns: whatever else the object carries (published, the lock,
  // the owner) is never written by a profile edit.
  const picked = Object.fromEntries(PROFILE_COLUMNS.map((k) => [k, profile[k as keyof Profile]]));
  return {
    ...picked,
    ncbtmbNumber: profile.ncbtmbStatus === "not_certified" ? null : profile.ncbtmbNumber,
    city: place.city,
    state: place.state,
    latitude: place.latitude,
    longitude: place.longitude,
  } as ProfileColumns;
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

// An administrator's check of the school's accreditation or of association membership holds
// for what was checked: the same school (still stated as accredited), the same associations.
// Changing either returns it to self_reported ("claimed, not yet checked"), as a changed
// licence number is a new, unchecked licence. Owners never write these columns.
const sameText = (a: string | null, b: string | null) => (a ?? "").trim().replace(/\s+/g, " ").toLowerCase() === (b ?? "").trim().replace(/\s+/g, " ").toLowerCase();
const sameSet = (a: readonly string[], b: readonly string[]) => {
  const norm = (l: readonly string[]) => [...new Set(l.map((x) => x.trim().replace(/\s+/g, " ").toLowerCase()))].sort().join("\n");
  return norm(a) === norm(b);
};
const UNCHECKED = { checkedAt: null, checkedById: null, source: null } as const;

function credentialChecksAfterEdit(current: Therapist, columns: ProfileColumns) {
  const keepSchool = columns.schoolAccredited && sameText(current.schoolName, columns.schoolName) && current.schoolAccredited;
  const keepAssociations = columns.associations.length > 0 && sameSet(current.associations, columns.associations);
  const school = keepSchool
    ? { schoolCheck: current.schoolCheck, schoolCheckedAt: current.schoolCheckedAt, schoolCheckedById: current.schoolCheckedById, schoolCheckSource: current.schoolCheckSource }
    : { schoolCheck: "self_reported" as const, schoolCheckedAt: UNCHECKED.checkedAt, schoolCheckedById: UNCHECKED.checkedById, schoolCheckSource: UNCHECKED.source };
  const associations = keepAssociations
    ? { associationsCheck: current.associationsCheck, associationsCheckedAt: current.associationsCheckedAt, associationsCheckedById: current.associationsCheckedById, associationsCheckSource: current.associationsCheckSource }
    : { associationsCheck: "self_reported" as const, associationsCheckedAt: UNCHECKED.checkedAt, associationsCheckedById: UNCHECKED.checkedById, associationsCheckSource: UNCHECKED.source };
  return { ...school, ...associations };
}

/** How many listings one account may create (administrators excepted). */
export const MAX_LISTINGS_PER_ACCOUNT = 3;

/** A new, unpublished listing owned by `userId`, at `place` (resolved from the profile's ZIP). */
export async function createListing(
  db: Db,
  options: { userId: string; isAdmin?: boolean; profile: Profile; place: ListingPlace },
): Promise<WriteResult<{ id: string; slug: string; version: number }> | { ok: false; reason: "limit"; limit: number }> {
  const columns = columnsFromProfile(options.profile, options.place);
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
      lockedAt: therapists.lockedAt,
      reviewRequestedAt: therapists.reviewRequestedAt,
      reviewRequestNote: therapists.reviewRequestNote,
      confirmedCurrentAt: therapists.confirmedCurrentAt,
      textReviewRequestedAt: therapists.textReviewRequestedAt,
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

/** Saves a whole profile edit based on `version`; a stale version overwrites nothing. */
export async function updateListing(
  db: Db,
  options: Actor & { id: string; version: number; profile: Profile; place: ListingPlace },
): Promise<WriteResult> {
  const proposed = columnsFromProfile(options.profile, options.place);
  return db.transaction(async (tx) => {
    const locked = await lockForWrite(tx, { id: options.id, actor: options, version: options.version });
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
    const ncbtmbCheckSource = ADMIN_NCBTMB.has(columns.ncbtmbStatus) ? current.ncbtmbCheckSource : null;
    if (!same(current.ncbtmbVerifiedAt, ncbtmbVerifiedAt)) changes.ncbtmbVerifiedAt = { old: current.ncbtmbVerifiedAt, new: ncbtmbVerifiedAt };
    const checks = credentialChecksAfterEdit(current, columns);
    // A change to the texts patients read on a published listing waits for an administrator.
    const textReviewRequestedAt = textReviewAfterWrite(current, screenedTextOf(columns), current.published);
    if (!same(current.textReviewRequestedAt, textReviewRequestedAt)) changes.textReview = { old: current.textReviewRequestedAt ? "waiting" : null, new: textReviewRequestedAt ? "waiting" : null };
    if (current.schoolCheck !== checks.schoolCheck) changes.schoolCheck = { old: { status: current.schoolCheck, checkedAt: current.schoolCheckedAt, source: current.schoolCheckSource }, new: checks.schoolCheck };
    if (current.associationsCheck !== checks.associationsCheck)
      changes.associationsCheck = { old: { status: current.associationsCheck, checkedAt: current.associationsCheckedAt, source: current.associationsCheckSource }, new: checks.associationsCheck };
    await tx
      .update(therapists)
      .set({ ...columns, ncbtmbVerifiedAt, ncbtmbCheckSource, ...checks, textReviewRequestedAt, version, updatedAt: new Date() })
      .where(and(eq(therapists.id, current.id), eq(therapists.version, current.version)));
    if (changes.modalitySlugs) await writeModalities(tx, current.id, columns.modalitySlugs);
    const droppedProofs = await discardProofsOfDroppedClaims(tx, {
      therapistId: current.id,
      stated: {
        ncbtmb: columns.ncbtmbStatus !== "not_certified" && Boolean(columns.ncbtmbNumber),
        school: columns.schoolName !== null || columns.schoolAccredited,
        associations: columns.associations.length > 0,
      },
    });
    if (droppedProofs.length) changes["Proof files of removed credentials"] = { old: droppedProofs, new: null };
    await appendRevision(tx, { therapistId: current.id, userId: options.userId, version, changes });
    return { ok: true as const, version };
  });
}

/**
 * Publishes or unpublishes the owner's listing. Publishing a listing an administrator locked is
 * refused (reason "locked", with the administrator's note) until an administrator lifts the lock.
 */
export async function setListingPublished(
  db: Db,
  options: Actor & { id: string; published: boolean; version?: number },
): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const locked = await lockForWrite(tx, { id: options.id, actor: options, version: options.version, publishing: options.published });
    if (!locked.ok) return locked;
    const { current } = locked;
    // The administrator's note stays while the listing is locked; publishing clears it.
    const moderationNote = options.published ? null : current.moderationNote;
    if (current.published === options.published && current.moderationNote === moderationNote) return { ok: true as const, version: current.version };
    const version = current.version + 1;
    // A first publication, or texts changed since they were approved, wait for review.
    const textReviewRequestedAt = textReviewAfterWrite(current, screenedTextOf(current), options.published);
    await tx
      .update(therapists)
      .set({ published: options.published, moderationNote, textReviewRequestedAt, version, updatedAt: new Date() })
      .where(eq(therapists.id, current.id));
    const changes: Record<string, FieldChange> = { published: { old: current.published, new: options.published } };
    if (!same(current.textReviewRequestedAt, textReviewRequestedAt)) changes.textReview = { old: current.textReviewRequestedAt ? "waiting" : null, new: textReviewRequestedAt ? "waiting" : null };
    if (current.moderationNote !== moderationNote) changes.moderationNote = { old: current.moderationNote, new: moderationNote };
    await appendRevision(tx, { therapistId: current.id, userId: options.userId, version, changes });
    return { ok: true as const, version };
  });
}

/**
 * The owner asks an administrator to review a locked listing, with a note. Asking again
 * replaces the note and keeps the place in the queue. The listing stays unpublished.
 */
export async function requestReview(
  db: Db,
  options: Actor & { id: string; note: string },
): Promise<WriteResult | { ok: false; reason: "not_locked" }> {
  return db.transaction(async (tx) => {
    const locked = await lockForWrite(tx, { id: options.id, actor: options });
    if (!locked.ok) return locked;
    const { current } = locked;
    if (!current.lockedAt) return { ok: false as const, reason: "not_locked" as const };
    const version = current.version + 1;
    const reviewRequestedAt = current.reviewRequestedAt ?? new Date();
    await tx
      .update(therapists)
      .set({ reviewRequestNote: options.note, reviewRequestedAt, version, updatedAt: new Date() })
      .where(eq(therapists.id, current.id));
    await appendRevision(tx, {
      therapistId: current.id,
      userId: options.userId,
      version,
      changes: { reviewRequestNote: { old: current.reviewRequestNote, new: options.note } },
      reason: "Review requested by the owner",
    });
    return { ok: true as const, version };
  });
}

/**
 * The owner confirms that the listing is still current (one click from the dashboard). Goes
 * through lockForWrite like every owner write: a foreign listing is not found, and a locked one
 * stays locked and unpublished (confirming never publishes).
 */
export async function confirmListingCurrent(db: Db, options: Actor & { id: string }): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const locked = await lockForWrite(tx, { id: options.id, actor: options });
    if (!locked.ok) return locked;
    const { current } = locked;
    const confirmedCurrentAt = new Date();
    const version = current.version + 1;
    await tx.update(therapists).set({ confirmedCurrentAt, version, updatedAt: confirmedCurrentAt }).where(eq(therapists.id, current.id));
    await appendRevision(tx, {
      therapistId: current.id,
      userId: options.userId,
      version,
      changes: { confirmedCurrentAt: { old: current.confirmedCurrentAt, new: confirmedCurrentAt } },
      reason: "Confirmed current by the owner",
    });
    return { ok: true as const, version };
  });
}

/** The listing's owner's e-mail and the listing's name, for notices (null when nobody owns it). */
export async function ownerNoticeInfo(db: Db, options: { id: string }) {
  const [row] = await db
    .select({ email: users.email, displayName: therapists.displayName })
    .from(therapists)
    .innerJoin(users, eq(users.id, therapists.ownerId))
    .where(eq(therapists.id, options.id))
    .limit(1);
  return row ?? null;
}
