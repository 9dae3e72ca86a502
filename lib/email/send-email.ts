import "server-only";
// The one way the app sends e-mail (sign-in links, notices, patients' messages to therapists): by SMTP when it
// is configured; otherwise (the demo outbox mode) to the server log and the /dev/outbox page,
// which exists only in that mode.
import { getDb } from "@/db/client";
import { addOutboxMessage } from "@/db/queries/accounts";
import { env } from "@/lib/env";

export type Email = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The message's one link, shown in the demo outbox. */
  link: string;
  /** Where replies go (a patient's address on a message to a therapist). */
  replyTo?: string;
  /** Demo outbox only: keep the text with the entry (a patient's message, as the therapist reads it). */
  keepText?: boolean;
};

export async function sendEmail(message: Email): Promise<void> {
  const e = env();
  if (e.devOutbox) {
    console.log(`[email] demo outbox: "${message.subject}" for ${message.to}: ${message.link}`);
    await addOutboxMessage(await getDb(), {
      to: message.to,
      subject: message.subject,
      url: message.link,
      replyTo: message.replyTo ?? null,
      body: message.keepText ? message.text : null,
    });
    return;
  }
  const { createTransport } = await import("nodemailer");
  const transport = createTransport({
    host: e.SMTP_HOST,
    port: e.SMTP_PORT,
    secure: e.SMTP_SECURE,
    auth: e.SMTP_USER ? { user: e.SMTP_USER, pass: e.SMTP_PASSWORD ?? "" } : undefined,
  });
  const result = await transport.sendMail({
    to: message.to,
    from: e.EMAIL_FROM,
    replyTo: message.replyTo,
    subject: message.subject,
    text: message.text,
    html: message.html,
  });
  const failed = [...(result.rejected ?? []), ...((result as { pending?: string[] }).pending ?? [])].filter(Boolean);
  if (failed.length) throw new Error(`The e-mail to ${failed.join(", ")} could not be sent`);
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
