import "server-only";
// "Report incorrect information": anyone tells the administrators what is wrong on a published
// profile; administrators close each report, with or without a change to the listing. The
// reporter's e-mail address (optional) is read only by administrators and by closeReport, which
// returns it once so the caller can tell the reporter, and erases it in the same transaction.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import type { ReportKind } from "@/lib/reports/report-input";
import { listingReports, therapists, users } from "../schema";

/** Records a report about a published listing; a listing unpublished or deleted meanwhile is "not_found". */
export async function createReport(
  db: Db,
  options: { slug: string; kinds: ReportKind[]; details: string; reporterEmail: string | null },
): Promise<{ ok: true; id: string } | { ok: false; reason: "not_found" }> {
  return db.transaction(async (tx) => {
    const [listing] = await tx
      .select({ id: therapists.id })
      .from(therapists)
      .where(and(eq(therapists.slug, options.slug), eq(therapists.published, true)))
      .limit(1);
    if (!listing) return { ok: false as const, reason: "not_found" as const };
    const [row] = await tx
      .insert(listingReports)
      .values({ therapistId: listing.id, kinds: options.kinds, details: options.details, reporterEmail: options.reporterEmail })
      .returning({ id: listingReports.id });
    return { ok: true as const, id: row!.id };
  });
}

// Administrators (callers must have checked the role: see withAdmin)

/** Open reports, oldest first, with the listing they are about. */
export async function listOpenReports(db: Db, options: { limit?: number } = {}) {
  return db
    .select({
      id: listingReports.id,
      kinds: listingReports.kinds,
      details: listingReports.details,
      reporterEmail: listingReports.reporterEmail,
      createdAt: listingReports.createdAt,
      therapistId: therapists.id,
      displayName: therapists.displayName,
      slug: therapists.slug,
      city: therapists.city,
      state: therapists.state,
      published: therapists.published,
    })
    .from(listingReports)
    .innerJoin(therapists, eq(therapists.id, listingReports.therapistId))
    .where(isNull(listingReports.closedAt))
    .orderBy(asc(listingReports.createdAt), asc(listingReports.id))
    .limit(options.limit ?? 50);
}

/**
 * Closes an open report: "changed" (the listing was corrected) or "no_change", with a note.
 * Returns who to tell (the reporter, when they left an address, which is erased here; the
 * listing's owner, when the listing changed).
 */
export async function closeReport(
  db: Db,
  options: { adminId: string; id: string; outcome: "changed" | "no_change"; note: string },
): Promise<
  | { ok: true; reporterEmail: string | null; ownerEmail: string | null; therapistId: string; displayName: string; slug: string }
  | { ok: false; reason: "not_found" }
> {
  return db.transaction(async (tx) => {
    const [report] = await tx
      .select()
      .from(listingReports)
      .where(and(eq(listingReports.id, options.id), isNull(listingReports.closedAt)))
      .for("update")
      .limit(1);
    if (!report) return { ok: false as const, reason: "not_found" as const };
    await tx
      .update(listingReports)
      .set({ closedAt: new Date(), closedById: options.adminId, outcome: options.outcome, closeNote: options.note || null, reporterEmail: null })
      .where(eq(listingReports.id, report.id));
    const [listing] = await tx
      .select({ displayName: therapists.displayName, slug: therapists.slug, ownerEmail: users.email })
      .from(therapists)
      .leftJoin(users, eq(users.id, therapists.ownerId))
      .where(eq(therapists.id, report.therapistId))
      .limit(1);
    return {
      ok: true as const,
      reporterEmail: report.reporterEmail,
      ownerEmail: options.outcome === "changed" ? (listing?.ownerEmail ?? null) : null,
      therapistId: report.therapistId,
      displayName: listing?.displayName ?? "",
      slug: listing?.slug ?? "",
    };
  });
}
