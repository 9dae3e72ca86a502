import "server-only";
// Delivering patients' messages to therapists: by e-mail to the listing's public address
// through the one mail path (lib/email/send-email.ts: SMTP, or the demo outbox), with the
// patient's address as reply-to. Delivered, the stored copy is deleted at once; a failed
// attempt is retried after a growing wait; after 7 days the message is purged, delivered or not.
import type { Db } from "@/db/client";
import {
  claimContactMessage,
  deleteContactMessage,
  listDueContactMessages,
  purgeExpiredContactMessages,
  recordDeliveryFailure,
  type ClaimedMessage,
} from "@/db/queries/contact-messages";
import { escapeHtml, sendEmail, type Email } from "@/lib/email/send-email";
import { absoluteUrl, siteOrigin } from "@/lib/seo/site-origin";

export type DeliveryOutcome = "delivered" | "failed" | "dropped" | "not_due";

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

/** The e-mail a therapist receives. */
export function contactEmail(m: ClaimedMessage, origin: string = siteOrigin()): Email {
  const profile = absoluteUrl(origin, `/therapists/${m.to.slug}`);
  const dashboard = absoluteUrl(origin, "/dashboard");
  const how = [m.senderEmail ? `E-mail: ${m.senderEmail} (reply to this e-mail to answer)` : null, m.senderPhone ? `Phone: ${m.senderPhone}` : null].filter(
    (l): l is string => l !== null,
  );
  const lines = [
    `${m.senderName} sent you a message through your listing on Therapist Finder (${profile}).`,
    "",
    "What they are looking for:",
    m.lookingFor,
    "",
    `When suits them: ${m.preferredTimes ?? "not said"}`,
    "",
    "How to answer:",
    ...how,
    "",
    "Therapist Finder deleted its copy of this message once it was delivered to you. The patient was asked not to include health details.",
    `To stop receiving messages through the site, turn the form off in your dashboard: ${dashboard}`,
  ];
  const p = (s: string) => `<p>${escapeHtml(s).replace(/\n/g, "<br>")}</p>`;
  return {
    to: m.to.email!,
    replyTo: m.senderEmail ?? undefined,
    subject: `Message from ${oneLine(m.senderName).slice(0, 80)} through Therapist Finder`,
    link: profile,
    keepText: true,
    text: `${lines.join("\n")}\n`,
    html: [
      p(`${m.senderName} sent you a message through your listing on Therapist Finder.`),
      "<p><strong>What they are looking for:</strong></p>",
      p(m.lookingFor),
      p(`When suits them: ${m.preferredTimes ?? "not said"}`),
      "<p><strong>How to answer:</strong></p>",
      p(how.join("\n")),
      p("Therapist Finder deleted its copy of this message once it was delivered to you. The patient was asked not to include health details."),
      `<p>To stop receiving messages through the site, turn the form off in <a href="${escapeHtml(dashboard)}">your dashboard</a>.</p>`,
    ].join(""),
  };
}

/** One attempt at one message (if it is due). */
export async function deliverContactMessage(db: Db, options: { id: string; now?: Date }): Promise<DeliveryOutcome> {
  const m = await claimContactMessage(db, options);
  if (!m) return "not_due";
  if (!m.to.published || !m.to.email || m.to.messagesOff) {
    // The listing went away, lost its e-mail or turned messages off: nothing to deliver to.
    await deleteContactMessage(db, { id: m.id });
    console.log(`[contact] message ${m.id} dropped: its listing no longer takes messages`);
    return "dropped";
  }
  try {
    await sendEmail(contactEmail(m));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await recordDeliveryFailure(db, { id: m.id, error: reason, now: options.now });
    console.error(`[contact] message ${m.id} not delivered (attempt ${m.attempts + 1}): ${reason}`);
    return "failed";
  }
  await deleteContactMessage(db, { id: m.id });
  return "delivered";
}

/** The retry path: purge what is older than 7 days, then try each message that is due. */
export async function deliverDueContactMessages(db: Db, options: { now?: Date; limit?: number } = {}) {
  const purged = await purgeExpiredContactMessages(db, options);
  const outcomes: Record<DeliveryOutcome, number> = { delivered: 0, failed: 0, dropped: 0, not_due: 0 };
  for (const id of await listDueContactMessages(db, options)) outcomes[await deliverContactMessage(db, { id, now: options.now })]++;
  if (purged) console.log(`[contact] purged ${purged} message(s) older than 7 days`);
  return { purged, ...outcomes };
}
