import "server-only";
// Proof files attached to a listing's credential claims. Only the listing's owner and
// administrators can add, list, read or remove them: ownership is in every query's where clause,
// so another user's proof looks exactly like a missing one. The file must already have passed
// lib/proofs/file-check.ts. Writes are one transaction and append a revision (which names the
// file, never holds it).
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { credentialProofs, licenses, therapists, type CredentialProof } from "../schema";
import { lockForWrite, licenseLabel, type Actor, type Tx } from "./listing-writes";
import { appendRevision } from "./revisions";

export type ProofCredential = CredentialProof["credential"];
/** One credential claim a proof is attached to: a licence (by id) or one of the others. */
export type ProofTarget = { credential: "license"; licenseId: string } | { credential: Exclude<ProofCredential, "license">; licenseId?: undefined };

/** At most this many proofs per listing, so one account cannot fill the database. */
export const MAX_PROOFS_PER_LISTING = 12;

const PROOF_WHAT: Record<Exclude<ProofCredential, "license">, string> = {
  ncbtmb: "NCBTMB certification",
  school: "school accreditation",
  associations: "association membership",
};

const proofMeta = {
  id: credentialProofs.id,
  therapistId: credentialProofs.therapistId,
  credential: credentialProofs.credential,
  licenseId: credentialProofs.licenseId,
  fileName: credentialProofs.fileName,
  mimeType: credentialProofs.mimeType,
  byteSize: credentialProofs.byteSize,
  createdAt: credentialProofs.createdAt,
};
export type ProofMeta = { id: string; therapistId: string; credential: ProofCredential; licenseId: string | null; fileName: string; mimeType: string; byteSize: number; createdAt: Date };

/** Which credential a proof backs, in words ("licence NY 123 (LMT)", "NCBTMB certification"). */
async function describeTarget(tx: Tx, therapistId: string, target: ProofTarget): Promise<string | null> {
  if (target.credential !== "license") return PROOF_WHAT[target.credential];
  const [lic] = await tx
    .select()
    .from(licenses)
    .where(and(eq(licenses.id, target.licenseId), eq(licenses.therapistId, therapistId)))
    .limit(1);
  return lic ? `licence ${licenseLabel(lic)}` : null;
}

export type AddProofResult =
  | { ok: true; id: string }
  | { ok: false; reason: "not_found" | "no_such_credential" | "too_many" };

/** Stores a checked proof file for one of the listing's credentials. */
export async function addProof(
  db: Db,
  options: { actor: Actor; therapistId: string; target: ProofTarget; fileName: string; mimeType: string; data: Uint8Array },
): Promise<AddProofResult> {
  return db.transaction(async (tx) => {
    const locked = await lockForWrite(tx, { id: options.therapistId, actor: options.actor });
    if (!locked.ok) return { ok: false as const, reason: "not_found" as const };
    const t = locked.current;
    const what = await describeTarget(tx, t.id, options.target);
    const stated =
      options.target.credential === "license"
        ? what !== null
        : options.target.credential === "ncbtmb"
          ? t.ncbtmbStatus !== "not_certified" && Boolean(t.ncbtmbNumber)
          : options.target.credential === "school"
            ? t.schoolName !== null || t.schoolAccredited
            : t.associations.length > 0;
    if (!what || !stated) return { ok: false as const, reason: "no_such_credential" as const };
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(credentialProofs).where(eq(credentialProofs.therapistId, t.id));
    if (n >= MAX_PROOFS_PER_LISTING) return { ok: false as const, reason: "too_many" as const };
    const [row] = await tx
      .insert(credentialProofs)
      .values({
        therapistId: t.id,
        credential: options.target.credential,
        licenseId: options.target.licenseId ?? null,
        fileName: options.fileName,
        mimeType: options.mimeType,
        byteSize: options.data.byteLength,
        data: options.data,
        uploadedById: options.actor.userId,
      })
      .returning({ id: credentialProofs.id });
    const version = t.version + 1;
    await tx.update(therapists).set({ version, updatedAt: new Date() }).where(eq(therapists.id, t.id));
    await appendRevision(tx, {
      therapistId: t.id,
      userId: options.actor.userId,
      version,
      changes: { [`Proof of ${what}`]: { old: null, new: options.fileName } },
      reason: `Proof attached to ${what}`,
    });
    return { ok: true as const, id: row!.id };
  });
}

/** The listing's proofs (without their bytes), for its owner or an administrator; null if not theirs. */
export async function listProofs(db: Db, options: Actor & { therapistId: string }): Promise<ProofMeta[] | null> {
  const mine = await db.select({ id: therapists.id }).from(therapists).where(and(eq(therapists.id, options.therapistId), options.isAdmin ? undefined : eq(therapists.ownerId, options.userId))).limit(1);
  if (!mine.length) return null;
  return db.select(proofMeta).from(credentialProofs).where(eq(credentialProofs.therapistId, options.therapistId)).orderBy(asc(credentialProofs.createdAt), asc(credentialProofs.id));
}

/** Proofs of several listings at once (the administrators' queue). Callers must have checked the role. */
export async function listProofsForListings(db: Db, options: { therapistIds: string[] }): Promise<ProofMeta[]> {
  if (!options.therapistIds.length) return [];
  return db.select(proofMeta).from(credentialProofs).where(inArray(credentialProofs.therapistId, options.therapistIds)).orderBy(asc(credentialProofs.createdAt), asc(credentialProofs.id));
}

/**
 * One proof with its bytes, only for the listing's owner or an administrator. Anyone else, and
 * an anonymous visitor (no actor), gets null: the same answer as for an id that does not exist.
 */
export async function getProofForViewer(db: Db, options: { id: string; actor: Actor | null }) {
  const { actor } = options;
  if (!actor) return null;
  const [row] = await db
    .select({ id: credentialProofs.id, fileName: credentialProofs.fileName, mimeType: credentialProofs.mimeType, data: credentialProofs.data })
    .from(credentialProofs)
    .innerJoin(therapists, eq(therapists.id, credentialProofs.therapistId))
    .where(and(eq(credentialProofs.id, options.id), actor.isAdmin ? undefined : eq(therapists.ownerId, actor.userId)))
    .limit(1);
  return row ?? null;
}

/** The owner (or an administrator) removes a proof. Not theirs: not found, nothing changes. */
export async function removeProof(db: Db, options: { actor: Actor; id: string }): Promise<{ ok: true } | { ok: false; reason: "not_found" }> {
  return db.transaction(async (tx) => {
    const [proof] = await tx.select(proofMeta).from(credentialProofs).where(eq(credentialProofs.id, options.id)).limit(1);
    if (!proof) return { ok: false as const, reason: "not_found" as const };
    const locked = await lockForWrite(tx, { id: proof.therapistId, actor: options.actor });
    if (!locked.ok) return { ok: false as const, reason: "not_found" as const };
    await tx.delete(credentialProofs).where(eq(credentialProofs.id, proof.id));
    const what = (await describeTarget(tx, proof.therapistId, proof.credential === "license" ? { credential: "license", licenseId: proof.licenseId! } : { credential: proof.credential })) ?? "a licence";
    const version = locked.current.version + 1;
    await tx.update(therapists).set({ version, updatedAt: new Date() }).where(eq(therapists.id, proof.therapistId));
    await appendRevision(tx, {
      therapistId: proof.therapistId,
      userId: options.actor.userId,
      version,
      changes: { [`Proof of ${what}`]: { old: proof.fileName, new: null } },
      reason: `Proof removed from ${what}`,
    });
    return { ok: true as const };
  });
}

/**
 * Inside an administrator's check (moderation.ts): deletes the checked credential's proofs
 * unless the administrator keeps them; the check's record stays, the document goes. Returns how
 * many were deleted.
 */
export async function discardCheckedProofs(tx: Tx, options: { therapistId: string; target: ProofTarget; keep: boolean }): Promise<number> {
  if (options.keep) return 0;
  const which =
    options.target.credential === "license"
      ? and(eq(credentialProofs.therapistId, options.therapistId), eq(credentialProofs.licenseId, options.target.licenseId))
      : and(eq(credentialProofs.therapistId, options.therapistId), eq(credentialProofs.credential, options.target.credential));
  const gone = await tx.delete(credentialProofs).where(which).returning({ id: credentialProofs.id });
  return gone.length;
}

/**
 * Inside an owner's edit (listings.ts): the proofs of a credential the listing no longer states
 * (NCBTMB, school, associations) go with the claim. A removed licence takes its proofs with it
 * through the foreign key. Returns the deleted files' names, for the revision.
 */
export async function discardProofsOfDroppedClaims(
  tx: Tx,
  options: { therapistId: string; stated: Record<Exclude<ProofCredential, "license">, boolean> },
): Promise<string[]> {
  const dropped = (Object.keys(options.stated) as Exclude<ProofCredential, "license">[]).filter((k) => !options.stated[k]);
  if (!dropped.length) return [];
  const gone = await tx
    .delete(credentialProofs)
    .where(and(eq(credentialProofs.therapistId, options.therapistId), inArray(credentialProofs.credential, dropped)))
    .returning({ fileName: credentialProofs.fileName });
  return gone.map((g) => g.fileName).sort();
}
