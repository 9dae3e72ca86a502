import "server-only";
// Administrators' work on listings: the licence-check queue, recording a check against the
// state board, finding a listing and unpublishing it with a reason. Callers must have checked
// the role (withAdmin); every write is one transaction and appends a revision.
import { and, asc, eq, ilike, isNull, or } from "drizzle-orm";
import type { Db } from "../client";
import { licenses, stateLicensing, therapists } from "../schema";
import { licenseLabel, lockForWrite, type WriteResult } from "./listing-writes";
import { setListingPublished } from "./listings";
import { appendRevision } from "./revisions";

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
    const locked = await lockForWrite(tx, { id: lic.therapistId, actor: { userId: options.adminId, isAdmin: true } });
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

/** Listings by name or slug, published or not, for the moderation search. */
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

/** Takes a listing off the site; the reason is shown to its owner on the dashboard. */
export async function unpublishListing(db: Db, options: { adminId: string; id: string; reason: string }): Promise<WriteResult> {
  return setListingPublished(db, { id: options.id, userId: options.adminId, isAdmin: true, published: false, reason: options.reason });
}
