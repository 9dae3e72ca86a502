// A patient's message to a therapist through the profile's form: the form's fields, the zod
// schema the form, its server action and the tests share, and every sentence the form shows.
// Nothing about health is asked for, and the form says not to include any.
import { z } from "zod";
import { text } from "@/lib/therapists/profile-input";

export const CONTACT_FIELDS = ["name", "email", "phone", "lookingFor", "times", "slug", "issued", "website"] as const;
export type ContactValues = Record<(typeof CONTACT_FIELDS)[number], string>;

/** The form's labels (also the names its error messages use). */
export const CONTACT_LABELS = {
  name: "Your name",
  email: "Your e-mail address",
  phone: "Your phone number",
  lookingFor: "What you are looking for",
  times: "When suits you (optional)",
} as const;

/** What the form says, in one place. */
export const CONTACT_WORDING = {
  heading: "Send a message",
  intro: "No account needed. The therapist answers you directly, by e-mail or phone.",
  noHealth:
    "Please do not include health details (a diagnosis, symptoms, medicines): say what kind of appointment you are looking for, and talk about your health with the therapist directly.",
  lookingForHint: "For example: a first 60-minute session, in the clinic, for lower back and leg pain; or a question about prices.",
  replyHint: "Give an e-mail address, a phone number, or both. The therapist sees what you give here, and nothing else about you.",
  whatHappens:
    "What happens to your message: we e-mail it to the therapist's public address, with your e-mail address (if you give one) as the address to reply to. We keep it only until it is delivered, then delete it; if delivery keeps failing, we delete it after 7 days. The listing keeps only a count of messages, nothing you wrote. No cookie is set.",
  sent: "Sent. Your message is in the therapist's inbox, and we have deleted our copy. They will answer you directly.",
  queued:
    "Your message could not be delivered yet. We will keep trying for up to 7 days, then delete it; we delete it as soon as it is delivered. You do not need to send it again.",
  tooFast: "That was very quick. Please check your message, then send it again.",
  expired: "This form was open for a long time. Please check your message, then send it again.",
  perListing: "This therapist has had many messages today. Please try again tomorrow, or call or e-mail them directly.",
  perSender: "You have sent several messages in a short time. Please wait a few hours before sending more, or call or e-mail the therapist directly.",
  gone: "This listing is no longer on the site, so the message was not sent.",
  off: "This therapist does not take messages through this site. Call, e-mail or visit their website instead.",
  noEmail: "This therapist has not listed a public e-mail address, so the site cannot pass a message on. Call or visit their website instead.",
} as const;

/** The shortest time a person takes to fill the form in, and how long a form stays valid (lib/contact/form-token.ts). */
export const MIN_FILL_MS = 3000;
export const MAX_FORM_AGE_MS = 24 * 3600 * 1000;

const phonePattern = /^[0-9+().\-\s]{7,40}$/;

export const contactSchema = z
  .object({
    name: text(120).min(1, "Enter your name, so the therapist knows who is writing."),
    email: text(254).refine((v) => v === "" || z.email().safeParse(v).success, "Enter an e-mail address, for example name@example.org, or leave it empty and give a phone number."),
    phone: text(40).refine((v) => v === "" || (phonePattern.test(v) && v.replace(/\D/g, "").length >= 7), "Enter a phone number, for example (555) 010-0123, or leave it empty and give an e-mail address."),
    lookingFor: text(1000).min(3, "Say briefly what kind of appointment you are looking for."),
    times: text(300),
    slug: z.string().min(1).max(200),
    issued: z.string().max(200),
    // Left empty by people (it is hidden); a bot that fills every field is thanked and nothing is sent.
    website: z.string().max(500),
  })
  .superRefine((v, ctx) => {
    if (v.email === "" && v.phone === "")
      ctx.addIssue({ code: "custom", path: ["email"], message: "Give an e-mail address or a phone number (or both), so the therapist can answer you." });
  })
  .transform((v) => ({
    name: v.name,
    email: v.email === "" ? null : v.email.toLowerCase(),
    phone: v.phone === "" ? null : v.phone,
    lookingFor: v.lookingFor,
    times: v.times === "" ? null : v.times,
    slug: v.slug,
    issued: v.issued,
    isBot: v.website !== "",
  }));

export type ContactInput = z.output<typeof contactSchema>;

/** Whether a listing's profile offers the message form, and if not, why not. */
export type ContactAvailability = "open" | "off" | "no_email";
export function contactAvailability(listing: { email: string | null; messagesOff: boolean }): ContactAvailability {
  if (listing.messagesOff) return "off";
  if (!listing.email) return "no_email";
  return "open";
}
