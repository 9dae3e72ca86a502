import "server-only";
// Delivers sign-in links: by SMTP when it is configured; otherwise (the demo outbox mode) to the
// server log and the /dev/outbox page, which exists only in that mode.
import { getDb } from "@/db/client";
import { addOutboxMessage } from "@/db/queries/accounts";
import { env } from "@/lib/env";

export async function deliverSignInLink({ to, url }: { to: string; url: string }): Promise<void> {
  const e = env();
  const host = new URL(url).host;
  const subject = `Sign in to Therapist Finder (${host})`;
  if (e.devOutbox) {
    console.log(`[sign-in] demo outbox: sign-in link for ${to}: ${url}`);
    await addOutboxMessage(await getDb(), { to, subject, url });
    return;
  }
  const { createTransport } = await import("nodemailer");
  const transport = createTransport({
    host: e.SMTP_HOST,
    port: e.SMTP_PORT,
    secure: e.SMTP_SECURE,
    auth: e.SMTP_USER ? { user: e.SMTP_USER, pass: e.SMTP_PASSWORD ?? "" } : undefined,
  });
  const text = `Sign in to Therapist Finder by opening this link (valid for one hour, once):\n\n${url}\n\nIf you did not ask for it, ignore this e-mail.\n`;
  const escaped = url.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const html = `<p>Sign in to Therapist Finder by opening this link (valid for one hour, once):</p><p><a href="${escaped}">Sign in to Therapist Finder</a></p><p>If you did not ask for it, ignore this e-mail.</p>`;
  const result = await transport.sendMail({ to, from: e.EMAIL_FROM, subject, text, html });
  const failed = [...(result.rejected ?? []), ...((result as { pending?: string[] }).pending ?? [])].filter(Boolean);
  if (failed.length) throw new Error(`The sign-in e-mail to ${failed.join(", ")} could not be sent`);
}
