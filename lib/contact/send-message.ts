import "server-only";
// Sending a patient's message, whatever the form: the hidden field, the minimum fill time, the
// listing (published, taking messages, with a public e-mail), the limits per sender (e-mail
// mailbox and phone number) and per listing, then store, count and deliver at once. The
// server action (app/therapists/[slug]/actions.ts) adds the limit per client address.
import type { Db } from "@/db/client";
import { createContactMessage, getContactTarget } from "@/db/queries/contact-messages";
import { mailboxKey } from "@/lib/email/mailbox";
import { rateLimit } from "@/lib/rate-limit";
import { deliverContactMessage } from "./deliver";
import { checkFormToken } from "./form-token";
import { contactAvailability, type ContactInput } from "./message-input";

export const CONTACT_LIMITS = {
  /** Per client address (the action's wrapper): generous, a clinic or library shares one. */
  perAddress: { limit: 20, windowSeconds: 3600 },
  /** Per sender: the e-mail mailbox and the phone number each. */
  perSender: { limit: 5, windowSeconds: 6 * 3600 },
  /** Per listing: a flood to one therapist from many senders. */
  perListing: { limit: 30, windowSeconds: 86_400 },
} as const;

export type SendOutcome =
  | { ok: true; kind: "sent" | "queued" | "bot" }
  | { ok: false; kind: "too_fast" | "expired" | "gone" | "off" | "no_email" | "per_sender" | "per_listing" };

export async function sendContactMessage(db: Db, input: ContactInput, options: { now?: Date } = {}): Promise<SendOutcome> {
  const now = options.now ?? new Date();
  // A bot that filled the hidden field is thanked; nothing is stored or sent.
  if (input.isBot) return { ok: true, kind: "bot" };
  const token = checkFormToken(input.issued, input.slug, now);
  if (token === "too_fast") return { ok: false, kind: "too_fast" };
  if (token !== "ok") return { ok: false, kind: "expired" };
  const target = await getContactTarget(db, { slug: input.slug });
  if (!target) return { ok: false, kind: "gone" };
  const open = contactAvailability(target);
  if (open !== "open") return { ok: false, kind: open };
  const senders = [input.email ? `mail:${mailboxKey(input.email)}` : null, input.phone ? `tel:${input.phone.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, "")}` : null];
  for (const id of senders) {
    if (!id) continue;
    const r = await rateLimit({ db, bucket: "contact:sender", id, ...CONTACT_LIMITS.perSender });
    if (!r.allowed) return { ok: false, kind: "per_sender" };
  }
  const perListing = await rateLimit({ db, bucket: "contact:listing", id: target.id, ...CONTACT_LIMITS.perListing });
  if (!perListing.allowed) return { ok: false, kind: "per_listing" };
  const created = await createContactMessage(db, { slug: input.slug, message: input, now });
  if (!created.ok) return { ok: false, kind: created.reason === "not_found" ? "gone" : created.reason };
  const delivered = await deliverContactMessage(db, { id: created.id, now });
  return { ok: true, kind: delivered === "failed" ? "queued" : "sent" };
}
