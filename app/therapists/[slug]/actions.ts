"use server";
// "Report incorrect information" on a profile: no account and no cookie; limited per client
// address (anonymousAction) and per listing; a listing taken down meanwhile gets a clear message.
import { getDb } from "@/db/client";
import { createReport } from "@/db/queries/reports";
import { anonymousAction, type ActionState } from "@/lib/actions/anonymous-action";
import { rateLimit } from "@/lib/rate-limit";
import { REPORT_FIELDS, reportSchema, type ReportValues } from "@/lib/reports/report-input";

export type ReportState = ActionState<ReportValues>;

/** Per client address, and per listing (a flood about one listing from many addresses). */
const PER_ADDRESS = { limit: 5, windowSeconds: 3600 };
const PER_LISTING = { limit: 20, windowSeconds: 86_400 };

export const reportListing = anonymousAction(
  { fields: REPORT_FIELDS, schema: reportSchema, rateLimit: { bucket: "report:ip", ...PER_ADDRESS } },
  async (report, { values }): Promise<ReportState> => {
    const thanks: ReportState = { ok: true, values: { ...values, details: "", email: "" }, message: "Thank you. An administrator will check what you reported." };
    if (report.isBot) return thanks;
    const perListing = await rateLimit({ bucket: "report:listing", id: report.slug, ...PER_LISTING });
    if (!perListing.allowed) return { ok: false, values, message: "This listing has had many reports today; an administrator is already looking at it. Please try again tomorrow." };
    const created = await createReport(await getDb(), { slug: report.slug, kinds: report.kinds, details: report.details, reporterEmail: report.email });
    if (!created.ok) return { ok: false, values, message: "This listing is no longer on the site, so there is nothing to report." };
    return thanks;
  },
);
