import "server-only";
// Therapists' photos: one portrait and up to MAX_PRACTICE_PHOTOS practice photos per listing.
// Only the listing's owner and administrators add or remove them (ownership is in the where
// clause via lockForWrite, so another user's listing looks missing); each write is one
// transaction and appends a revision naming the photo by its alt text. Anyone may read the
// variants of a published listing's photos; an unpublished listing's only its owner and
// administrators (the dashboard preview).
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { photoVariants, therapistPhotos, therapists } from "../schema";
import { lockForWrite, type Actor } from "./listing-writes";
import { appendRevision } from "./revisions";

export const MAX_PRACTICE_PHOTOS = 4;

export type PhotoKind = "portrait" | "practice";
export type PhotoMeta = { id: string; therapistId: string; kind: PhotoKind; alt: string; width: number; height: number; widths: number[] };

const KIND_WORD: Record<PhotoKind, string> = { portrait: "Portrait", practice: "Practice photo" };

export type AddPhotoResult = { ok: true; id: string; replaced: boolean } | { ok: false; reason: "not_found" | "too_many" };

/**
 * Stores a processed photo (lib/photos/process.ts). A new portrait replaces the old one; a fifth
 * practice photo is refused.
 */
export async function addPhoto(
  db: Db,
  options: { actor: Actor; therapistId: string; kind: PhotoKind; alt: string; width: number; height: number; variants: { width: number; height: number; data: Uint8Array }[] },
): Promise<AddPhotoResult> {
  return db.transaction(async (tx) => {
    const locked = await lockForWrite(tx, { id: options.therapistId, actor: options.actor });
    if (!locked.ok) return { ok: false as const, reason: "not_found" as const };
    const t = locked.current;
    const existing = await tx.select({ id: therapistPhotos.id, alt: therapistPhotos.alt }).from(therapistPhotos).where(and(eq(therapistPhotos.therapistId, t.id), eq(therapistPhotos.kind, options.kind)));
    if (options.kind === "practice" && existing.length >= MAX_PRACTICE_PHOTOS) return { ok: false as const, reason: "too_many" as const };
    const replaced = options.kind === "portrait" ? existing[0] : undefined;
    if (replaced) await tx.delete(therapistPhotos).where(eq(therapistPhotos.id, replaced.id));
    const [row] = await tx
      .insert(therapistPhotos)
      .values({ therapistId: t.id, kind: options.kind, alt: options.alt, width: options.width, height: options.height, uploadedById: options.actor.userId })
      .returning({ id: therapistPhotos.id });
    await tx.insert(photoVariants).values(options.variants.map((v) => ({ photoId: row!.id, width: v.width, height: v.height, data: v.data })));
    const version = t.version + 1;
    await tx.update(therapists).set({ version, updatedAt: new Date() }).where(eq(therapists.id, t.id));
    await appendRevision(tx, {
      therapistId: t.id,
      userId: options.actor.userId,
      version,
      changes: { [KIND_WORD[options.kind]]: { old: replaced?.alt ?? null, new: options.alt } },
      reason: replaced ? "Portrait replaced" : `${KIND_WORD[options.kind]} added`,
    });
    return { ok: true as const, id: row!.id, replaced: Boolean(replaced) };
  });
}

/** The owner (or an administrator) removes a photo. Not theirs: not found, nothing changes. */
export async function removePhoto(db: Db, options: { actor: Actor; id: string }): Promise<{ ok: true; therapistId: string } | { ok: false; reason: "not_found" }> {
  return db.transaction(async (tx) => {
    const [photo] = await tx.select().from(therapistPhotos).where(eq(therapistPhotos.id, options.id)).limit(1);
    if (!photo) return { ok: false as const, reason: "not_found" as const };
    const locked = await lockForWrite(tx, { id: photo.therapistId, actor: options.actor });
    if (!locked.ok) return { ok: false as const, reason: "not_found" as const };
    await tx.delete(therapistPhotos).where(eq(therapistPhotos.id, photo.id));
    const version = locked.current.version + 1;
    await tx.update(therapists).set({ version, updatedAt: new Date() }).where(eq(therapists.id, photo.therapistId));
    await appendRevision(tx, {
      therapistId: photo.therapistId,
      userId: options.actor.userId,
      version,
      changes: { [KIND_WORD[photo.kind]]: { old: photo.alt, new: null } },
      reason: `${KIND_WORD[photo.kind]} removed`,
    });
    return { ok: true as const, therapistId: photo.therapistId };
  });
}

const metaColumns = {
  id: therapistPhotos.id,
  therapistId: therapistPhotos.therapistId,
  kind: therapistPhotos.kind,
  alt: therapistPhotos.alt,
  width: therapistPhotos.width,
  height: therapistPhotos.height,
  widths: sql<number[]>`(select coalesce(array_agg(v.width order by v.width), '{}') from ${photoVariants} v where v.photo_id = ${therapistPhotos.id})`,
};

/** The photos of these listings (no bytes): portrait first, then practice photos oldest first. */
export async function listPhotos(db: Db, therapistIds: readonly string[]): Promise<PhotoMeta[]> {
  if (!therapistIds.length) return [];
  const rows = await db
    .select(metaColumns)
    .from(therapistPhotos)
    .where(inArray(therapistPhotos.therapistId, [...therapistIds]))
    .orderBy(asc(therapistPhotos.therapistId), sql`${therapistPhotos.kind} = 'practice'`, asc(therapistPhotos.createdAt), asc(therapistPhotos.id));
  return rows.map((r) => ({ ...r, widths: (r.widths ?? []).map(Number) }));
}

/**
 * One stored variant's bytes: for anyone when the listing is published, otherwise only for its
 * owner or an administrator (null for everyone else, the same as a missing photo).
 */
export async function getPhotoVariant(db: Db, options: { id: string; width: number; actor: Actor | null }): Promise<{ data: Uint8Array; published: boolean } | null> {
  const { actor } = options;
  const [row] = await db
    .select({ data: photoVariants.data, published: therapists.published, ownerId: therapists.ownerId })
    .from(photoVariants)
    .innerJoin(therapistPhotos, eq(therapistPhotos.id, photoVariants.photoId))
    .innerJoin(therapists, eq(therapists.id, therapistPhotos.therapistId))
    .where(and(eq(photoVariants.photoId, options.id), eq(photoVariants.width, options.width)))
    .limit(1);
  if (!row) return null;
  if (!row.published && !(actor && (actor.isAdmin || row.ownerId === actor.userId))) return null;
  return { data: row.data, published: row.published };
}

/** The portraits of the listings on a page of results, by slug (cards show only the portrait). */
export async function listPortraitsBySlug(db: Db, slugs: readonly string[]): Promise<Map<string, PhotoMeta>> {
  if (!slugs.length) return new Map();
  const rows = await db
    .select({ slug: therapists.slug, ...metaColumns })
    .from(therapistPhotos)
    .innerJoin(therapists, eq(therapists.id, therapistPhotos.therapistId))
    .where(and(inArray(therapists.slug, [...slugs]), eq(therapistPhotos.kind, "portrait")));
  return new Map(rows.map(({ slug, ...r }) => [slug, { ...r, widths: (r.widths ?? []).map(Number) }]));
}
