"use server";
// The profile's anonymous forms, with no account and no cookie, each limited per client address
// (anonymousAction): "Report incorrect information" (also per listing; a listing taken down
// meanwhile gets a clear message), and a patient's message to the therapist (lib/contact).
import { after } from "next/server";
import { getDb } from "@/db/client";
import { createReport } from "@/db/queries/reports";
import { anonymousAction, type ActionState } from "@/lib/actions/anonymous-action";
import { rateLimit } from "@/lib/rate-limit";
import { REPORT_FIELDS, reportSchema, type ReportValues } from "@/lib/reports/report-input";
import { maybeRunDeliveryPass } from "@/lib/contact/delivery-pass";
import { issueFormToken } from "@/lib/contact/form-token";
import { CONTACT_FIELDS, CONTACT_WORDING, contactSchema, type ContactValues } from "@/lib/contact/message-input";
import { CONTACT_LIMITS, sendContactMessage, type SendOutcome } from "@/lib/contact/send-message";

export type ReportState = ActionState<ReportValues>;

/** Per client address, and per listing (a flood about one listing from many addresses). */
const PER_ADDRESS = { limit: 10, windowSeconds: 3600 };
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

export type ContactState = ActionState<ContactValues>;

const CONTACT_ANSWERS: Record<SendOutcome["kind"], string> = {
  sent: CONTACT_WORDING.sent,
  bot: CONTACT_WORDING.sent,
  queued: CONTACT_WORDING.queued,
  too_fast: CONTACT_WORDING.tooFast,
  expired: CONTACT_WORDING.expired,
  gone: CONTACT_WORDING.gone,
  off: CONTACT_WORDING.off,
  no_email: CONTACT_WORDING.noEmail,
  per_sender: CONTACT_WORDING.perSender,
  per_listing: CONTACT_WORDING.perListing,
};

export const sendMessage = anonymousAction(
  { fields: CONTACT_FIELDS, schema: contactSchema, rateLimit: { bucket: "contact:ip", ...CONTACT_LIMITS.perAddress } },
  async (input, { values }): Promise<ContactState> => {
    const db = await getDb();
    const outcome = await sendContactMessage(db, input);
    // Other messages still waiting for delivery get their retry after this answer is sent.
    after(() => maybeRunDeliveryPass(db));
    const message = CONTACT_ANSWERS[outcome.kind];
    // Sent: the form is emptied. Refused: what was typed stays, with a fresh form token.
    if (outcome.ok) return { ok: true, values: { ...values, name: "", email: "", phone: "", lookingFor: "", times: "" }, message };
    return { ok: false, values: { ...values, issued: issueFormToken(input.slug) }, message };
  },
);
