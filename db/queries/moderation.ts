import "server-only";
// Administrators' work on listings: the licence-check queue, recording a check against the
// state board, finding a listing, unpublishing it with a reason (which locks it against its
// owner), the owners' review requests and lifting the lock, and the checks of NCBTMB
// certification, school accreditation and association membership. Callers must have checked the
// role (withAdmin); liftLock also takes the actor and refuses anyone but an administrator. Every
// write is one transaction and appends a revision.
import { and, asc, eq, ilike, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { staleCutoff } from "@/lib/therapists/check-age";
import { LICENSE_STATUS_LABELS } from "@/lib/therapists/vocabulary";
import type { Db } from "../client";
import { licenses, stateLicensing, therapists, users, type FieldChange } from "../schema";
import { licenseLabel, lockForWrite, type Actor, type Tx, type WriteResult } from "./listing-writes";
import { discardCheckedProofs } from "./proofs";
import { appendRevision } from "./revisions";

/**
 * What a recorded check tells the listing's owner (sent by the caller after the commit,
 * lib/email/listing-notices.ts noticeCredentialChecked). No owner: no one to tell.
 */
export type CheckNotice = {
  ownerEmail: string | null;
  therapistId: string;
  displayName: string;
  /** "the licence NY 12345 (LMT)", "the NCBTMB certification (number 100)". */
  what: string;
  /** "active", "confirmed", "could not be confirmed". */
  result: string;
  /** Against what it was checked: "the state board", the look-up address or document. */
  against: string;
  checkedOn: string;
  note: string;
};

async function ownerEmailOf(tx: Tx, ownerId: string | null): Promise<string | null> {
  if (!ownerId) return null;
  const [owner] = await tx.select({ email: users.email }).from(users).where(eq(users.id, ownerId)).limit(1);
  return owner?.email ?? null;
}

/**
 * Licences to check with the board, with the state's look-up link: those nobody has checked yet
 * and those whose check is stale (older than 12 months, lib/therapists/check-age.ts). Oldest
 * first: by the last check, or by when the licence was added if never checked.
 */
export async function listLicensesToCheck(db: Db, options: { limit?: number; now?: Date } = {}) {
  const cutoff = staleCutoff(options.now ?? new Date());
  return db
    .select({
      id: licenses.id,
      state: licenses.state,
      number: licenses.number,
      credentialTitle: licenses.credentialTitle,
      source: licenses.source,
      createdAt: licenses.createdAt,
      lastCheckedAt: licenses.verifiedAt,
      therapistId: therapists.id,
      displayName: therapists.displayName,
      slug: therapists.slug,
      stateName: stateLicensing.name,
      lookupUrl: stateLicensing.lookupUrl,
      boardName: stateLicensing.boardName,
      boardUrl: stateLicensing.boardUrl,
    })
    .from(licenses)
    .innerJoin(therapists, eq(therapists.id, licenses.therapistId))
    .leftJoin(stateLicensing, eq(stateLicensing.code, licenses.state))
    .where(and(or(isNull(licenses.verifiedAt), lt(licenses.verifiedAt, cutoff)), eq(therapists.isDemo, false)))
    .orderBy(asc(sql`coalesce(${licenses.verifiedAt}, ${licenses.createdAt})`), asc(licenses.id))
    .limit(options.limit ?? 50);
}

/**
 * Records what the state board shows for a licence, by whom and when. The licence's proof files
 * are deleted in the same transaction unless the administrator keeps them (`keepProof`).
 */
export async function checkLicense(
  db: Db,
  options: { adminId: string; licenseId: string; status: "active" | "expired" | "disciplinary_action"; note: string; checkedOn: string; keepProof?: boolean },
): Promise<WriteResult | { ok: true; version: number; notice: CheckNotice }> {
  return db.transaction(async (tx) => {
    const [lic] = await tx.select().from(licenses).where(eq(licenses.id, options.licenseId)).limit(1);
    if (!lic) return { ok: false as const, reason: "not_found" as const };
    const locked = await lockForWrite(tx, { id: lic.therapistId, actor: { userId: options.adminId, isAdmin: true } });
    if (!locked.ok) return locked;
    const verifiedAt = new Date(`${options.checkedOn}T12:00:00Z`);
    await tx
      .update(licenses)
      .set({ status: options.status, verifiedAt, verifiedById: options.adminId, source: "state board look-up", note: options.note || null, updatedAt: new Date() })
      .where(eq(licenses.id, lic.id));
    const discarded = await discardCheckedProofs(tx, { therapistId: lic.therapistId, target: { credential: "license", licenseId: lic.id }, keep: Boolean(options.keepProof) });
    const version = locked.current.version + 1;
    await tx.update(therapists).set({ version, updatedAt: new Date() }).where(eq(therapists.id, lic.therapistId));
    const label = licenseLabel(lic);
    await appendRevision(tx, {
      therapistId: lic.therapistId,
      userId: options.adminId,
      version,
      changes: { [`licence ${label}`]: { old: { status: lic.status, verifiedAt: lic.verifiedAt }, new: { status: options.status, verifiedAt: options.checkedOn } } },
      reason: (options.note ? `Licence checked with the state board: ${options.note}` : "Licence checked with the state board") + proofWords(discarded),
    });
    const notice: CheckNotice = {
      ownerEmail: await ownerEmailOf(tx, locked.current.ownerId),
      therapistId: lic.therapistId,
      displayName: locked.current.displayName,
      what: `the licence ${label}`,
      result: LICENSE_STATUS_LABELS[options.status].toLowerCase(),
      against: "the state board's look-up",
      checkedOn: options.checkedOn,
      note: options.note,
    };
    return { ok: true as const, version, notice };
  });
}

const proofWords = (discarded: number) => (discarded ? `; ${discarded === 1 ? "its proof file was" : `its ${discarded} proof files were`} deleted` : "");

export type CredentialKind = "ncbtmb" | "school" | "associations";

/** What a listing states for a credential, as the administrator's form shows and sends it back. */
export const statedCredential = (t: Pick<typeof therapists.$inferSelect, "ncbtmbNumber" | "schoolName" | "associations">, kind: CredentialKind) =>
  kind === "ncbtmb" ? (t.ncbtmbNumber ?? "") : kind === "school" ? (t.schoolName ?? "") : t.associations.join(", ");

/**
 * Listings with a credential beyond the licence to check (NCBTMB, a school stated as
 * accredited, association membership): one nobody has checked yet, or one whose check is stale
 * (older than 12 months, lib/therapists/check-age.ts, whatever its result). Oldest first: by
 * the oldest stale check the listing has, or by its last update when it only has unchecked
 * ones. Fictional demo listings are left out.
 */
export async function listCredentialsToCheck(db: Db, options: { limit?: number; now?: Date } = {}) {
  const cutoff = staleCutoff(options.now ?? new Date()).toISOString();
  const ncbtmbStale = sql`(${therapists.ncbtmbStatus} in ('verified', 'lapsed') and ${therapists.ncbtmbNumber} is not null and ${therapists.ncbtmbVerifiedAt} < ${cutoff}::timestamptz)`;
  const schoolStale = sql`(${therapists.schoolCheck} <> 'self_reported' and ${therapists.schoolCheckedAt} < ${cutoff}::timestamptz)`;
  const associationsStale = sql`(${therapists.associationsCheck} <> 'self_reported' and ${therapists.associationsCheckedAt} < ${cutoff}::timestamptz)`;
  const ncbtmb = sql<boolean>`(${therapists.ncbtmbStatus} = 'self_reported' or ${ncbtmbStale})`;
  const school = sql<boolean>`(${therapists.schoolAccredited} and ${therapists.schoolName} is not null and (${therapists.schoolCheck} = 'self_reported' or ${schoolStale}))`;
  const associations = sql<boolean>`(cardinality(${therapists.associations}) > 0 and (${therapists.associationsCheck} = 'self_reported' or ${associationsStale}))`;
  // least() skips nulls: the oldest stale check, else (nothing stale, only unchecked) the update.
  const oldest = sql`coalesce(least(
    case when ${ncbtmbStale} then ${therapists.ncbtmbVerifiedAt} end,
    case when ${schoolStale} and ${therapists.schoolAccredited} and ${therapists.schoolName} is not null then ${therapists.schoolCheckedAt} end,
    case when ${associationsStale} and cardinality(${therapists.associations}) > 0 then ${therapists.associationsCheckedAt} end
  ), ${therapists.updatedAt})`;
  return db
    .select({
      id: therapists.id,
      displayName: therapists.displayName,
      slug: therapists.slug,
      city: therapists.city,
      state: therapists.state,
      version: therapists.version,
      updatedAt: therapists.updatedAt,
      ncbtmbNumber: therapists.ncbtmbNumber,
      schoolName: therapists.schoolName,
      associations: therapists.associations,
      ncbtmbCheckedAt: therapists.ncbtmbVerifiedAt,
      schoolCheckedAt: therapists.schoolCheckedAt,
      associationsCheckedAt: therapists.associationsCheckedAt,
      needsNcbtmb: ncbtmb,
      needsSchool: school,
      needsAssociations: associations,
    })
    .from(therapists)
    .where(and(eq(therapists.isDemo, false), or(ncbtmb, school, associations)))
    .orderBy(asc(oldest), asc(therapists.id))
    .limit(options.limit ?? 50);
}

/**
 * Records an administrator's check of NCBTMB certification, the school's accreditation or
 * association membership: the result, the date, who, and the source (the look-up address used
 * or the document seen). One transaction, with a revision. Refused when the listing no longer
 * states what the administrator saw (`stated`), or states no such credential.
 * NCBTMB: checked is "verified"; not confirmed is recorded as "lapsed" (the status the
 * certification's enum has for a certificate that does not stand).
 * The credential's proof files are deleted in the same transaction unless `keepProof`.
 */
export async function checkCredential(
  db: Db,
  options: {
    adminId: string;
    therapistId: string;
    credential: CredentialKind;
    result: "checked" | "unconfirmed";
    stated: string;
    source: string;
    note: string;
    checkedOn: string;
    keepProof?: boolean;
  },
): Promise<WriteResult | { ok: false; reason: "changed" | "not_stated" } | { ok: true; version: number; notice: CheckNotice }> {
  return db.transaction(async (tx) => {
    const locked = await lockForWrite(tx, { id: options.therapistId, actor: { userId: options.adminId, isAdmin: true } });
    if (!locked.ok) return locked;
    const t = locked.current;
    const kind = options.credential;
    const statedNow =
      kind === "ncbtmb" ? t.ncbtmbStatus !== "not_certified" && Boolean(t.ncbtmbNumber) : kind === "school" ? t.schoolAccredited && t.schoolName !== null : t.associations.length > 0;
    if (!statedNow) return { ok: false as const, reason: "not_stated" as const };
    if (statedCredential(t, kind) !== options.stated) return { ok: false as const, reason: "changed" as const };
    const at = new Date(`${options.checkedOn}T12:00:00Z`);
    const version = t.version + 1;
    const source = options.note ? `${options.source} (${options.note})` : options.source;
    let old: unknown;
    let set: Partial<typeof therapists.$inferInsert>;
    if (kind === "ncbtmb") {
      old = { status: t.ncbtmbStatus, verifiedAt: t.ncbtmbVerifiedAt, source: t.ncbtmbCheckSource };
      set = { ncbtmbStatus: options.result === "checked" ? "verified" : "lapsed", ncbtmbVerifiedAt: at, ncbtmbCheckSource: source };
    } else if (kind === "school") {
      old = { status: t.schoolCheck, checkedAt: t.schoolCheckedAt, source: t.schoolCheckSource };
      set = { schoolCheck: options.result, schoolCheckedAt: at, schoolCheckedById: options.adminId, schoolCheckSource: source };
    } else {
      old = { status: t.associationsCheck, checkedAt: t.associationsCheckedAt, source: t.associationsCheckSource };
      set = { associationsCheck: options.result, associationsCheckedAt: at, associationsCheckedById: options.adminId, associationsCheckSource: source };
    }
    await tx.update(therapists).set({ ...set, version, updatedAt: new Date() }).where(eq(therapists.id, t.id));
    const discarded = await discardCheckedProofs(tx, { therapistId: t.id, target: { credential: kind }, keep: Boolean(options.keepProof) });
    const what = kind === "ncbtmb" ? "NCBTMB certification" : kind === "school" ? "School accreditation" : "Association membership";
    await appendRevision(tx, {
      therapistId: t.id,
      userId: options.adminId,
      version,
      changes: { [`${what} check`]: { old, new: { result: options.result, checkedOn: options.checkedOn, source } } },
      reason: `${what} ${options.result === "checked" ? "checked" : "could not be confirmed"} against ${options.source}${proofWords(discarded)}`,
    });
    const notice: CheckNotice = {
      ownerEmail: await ownerEmailOf(tx, t.ownerId),
      therapistId: t.id,
      displayName: t.displayName,
      what: kind === "ncbtmb" ? `the NCBTMB certification (number ${options.stated})` : kind === "school" ? `the accreditation of ${options.stated}` : `the membership of ${options.stated}`,
      result: options.result === "checked" ? "confirmed" : "could not be confirmed",
      against: options.source,
      checkedOn: options.checkedOn,
      note: options.note,
    };
    return { ok: true as const, version, notice };
  });
}

/** Listings by name or slug, published or not, for the moderation search. */
export async function findListingsForModeration(db: Db, options: { query: string; limit?: number }) {
  const q = options.query.trim().replace(/[%_\\]/g, (c) => `\\${c}`);
  if (q.length < 2) return [];
  return db
    .select({ id: therapists.id, displayName: therapists.displayName, city: therapists.city, state: therapists.state, slug: therapists.slug, published: therapists.published, moderationNote: therapists.moderationNote, lockedAt: therapists.lockedAt })
    .from(therapists)
    .where(or(ilike(therapists.displayName, `%${q}%`), ilike(therapists.slug, `%${q}%`)))
    .orderBy(asc(therapists.displayName))
    .limit(options.limit ?? 20);
}

/**
 * Takes a listing off the site and locks it: its owner can still edit it and ask for review, but
 * cannot publish it until an administrator lifts the lock. The reason is shown to the owner.
 */
export async function unpublishListing(db: Db, options: { adminId: string; id: string; reason: string }): Promise<WriteResult> {
  return db.transaction(async (tx) => {
    const locked = await lockForWrite(tx, { id: options.id, actor: { userId: options.adminId, isAdmin: true } });
    if (!locked.ok) return locked;
    const { current } = locked;
    const version = current.version + 1;
    await tx
      .update(therapists)
      .set({ published: false, moderationNote: options.reason, lockedAt: current.lockedAt ?? new Date(), lockedById: options.adminId, reviewRequestedAt: null, reviewRequestNote: null, version, updatedAt: new Date() })
      .where(eq(therapists.id, current.id));
    const changes: Record<string, FieldChange> = {
      published: { old: current.published, new: false },
      moderationNote: { old: current.moderationNote, new: options.reason },
      locked: { old: !!current.lockedAt, new: true },
    };
    if (current.reviewRequestNote) changes.reviewRequestNote = { old: current.reviewRequestNote, new: null };
    await appendRevision(tx, { therapistId: current.id, userId: options.adminId, version, changes, reason: `Unpublished and locked by an administrator: ${options.reason}` });
    return { ok: true as const, version };
  });
}

/** Locked listings whose owner asked for a review, oldest request first. */
export async function listReviewRequests(db: Db, options: { limit?: number } = {}) {
  return db
    .select({
      id: therapists.id,
      displayName: therapists.displayName,
      city: therapists.city,
      state: therapists.state,
      slug: therapists.slug,
      moderationNote: therapists.moderationNote,
      lockedAt: therapists.lockedAt,
      reviewRequestedAt: therapists.reviewRequestedAt,
      reviewRequestNote: therapists.reviewRequestNote,
      ownerEmail: users.email,
    })
    .from(therapists)
    .leftJoin(users, eq(users.id, therapists.ownerId))
    .where(and(isNotNull(therapists.reviewRequestedAt), isNotNull(therapists.lockedAt)))
    .orderBy(asc(therapists.reviewRequestedAt), asc(therapists.id))
    .limit(options.limit ?? 50);
}

/**
 * Lifts an administrator's lock, with a reason, and either publishes the listing again or leaves
 * it unpublished for its owner to publish. The owner's review request is answered (cleared).
 * Anyone but an administrator gets not-found and changes nothing.
 */
export async function liftLock(db: Db, options: Actor & { id: string; reason: string; publish: boolean }): Promise<WriteResult> {
  if (!options.isAdmin) return { ok: false, reason: "not_found" };
  return db.transaction(async (tx) => {
    const locked = await lockForWrite(tx, { id: options.id, actor: options });
    if (!locked.ok) return locked;
    const { current } = locked;
    const published = options.publish || current.published;
    const version = current.version + 1;
    await tx
      .update(therapists)
      .set({ published, moderationNote: null, lockedAt: null, lockedById: null, reviewRequestedAt: null, reviewRequestNote: null, version, updatedAt: new Date() })
      .where(eq(therapists.id, current.id));
    const changes: Record<string, FieldChange> = { locked: { old: !!current.lockedAt, new: false } };
    if (published !== current.published) changes.published = { old: current.published, new: published };
    if (current.moderationNote) changes.moderationNote = { old: current.moderationNote, new: null };
    if (current.reviewRequestNote) changes.reviewRequestNote = { old: current.reviewRequestNote, new: null };
    await appendRevision(tx, {
      therapistId: current.id,
      userId: options.userId,
      version,
      changes,
      reason: `${published && !current.published ? "Lock lifted and published again" : "Lock lifted"} by an administrator: ${options.reason}`,
    });
    return { ok: true as const, version };
  });
}
