// The small forms that are not a therapist's profile (sign-in, ids, versions, reasons). The
// profile form's schema lives with the rest of the therapist's vocabulary in
// lib/therapists/profile-input.ts; the re-export below keeps modules that still import it from
// here compiling until they move (import from lib/therapists in new code).
import { z } from "zod";
import { text } from "@/lib/therapists/profile-input";

export * from "@/lib/therapists/profile-input";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("Enter your e-mail address, for example name@example.org.")),
});

export const uuidSchema = z.uuid("Unknown listing.");

export const versionSchema = z.coerce.number().int().min(1);

export const reasonSchema = text(1000).min(3, "Give a reason (at least 3 characters).");

export const claimDecisionNoteSchema = text(1000);

/** The owner's note asking an administrator to review a locked listing. */
export const reviewRequestNoteSchema = text(1000).min(3, "Say what you changed or why the listing should be published (at least 3 characters).");

/** The claim search's text: short, plain. */
export const claimQuerySchema = text(100);

/**
 * How a claimant proves a listing is theirs, one of three: a link to the listing's public e-mail,
 * a licence number on the listing with a proof file (a multipart post to POST /claims, see
 * lib/claims/claim-requests.ts), or a note for the administrator. The form's text part is parsed
 * here; each kind needs its evidence.
 */
export const CLAIM_PROOF_KINDS = ["email_link", "note"] as const;
export const claimSchema = z
  .object({
    id: z.uuid("Unknown listing."),
    proof: z.enum(CLAIM_PROOF_KINDS, "Choose how you will show that this listing is yours."),
    note: text(1000),
  })
  .superRefine((c, ctx) => {
    if (c.proof === "note" && c.note.length < 20)
      ctx.addIssue({ code: "custom", path: ["note"], message: "Tell the administrator how they can check that this is your practice (at least 20 characters)." });
  })
  .transform((c) => ({ id: c.id, proof: c.proof === "email_link" ? { kind: "email_link" as const } : { kind: "note" as const, note: c.note } }));
export type ClaimValues = { id: string; proof: string; note: string };

/** The text fields of a claim by licence number (the file is checked by lib/proofs/file-check.ts). */
export const licenceClaimSchema = z.object({
  id: z.uuid("Unknown listing."),
  licenceNumber: text(40).min(1, "Enter the licence number shown on the listing."),
  // Only for an imported registry listing (the claim form shows the field then): its NPI.
  npi: z
    .string()
    .trim()
    .regex(/^\d{10}$/, "Enter the 10-digit NPI.")
    .optional(),
});

/** A practitioner's request that their imported registry listing be removed: the same proof as a claim (NPI and a licence number). */
export const removalRequestSchema = z.object({
  id: z.uuid("Unknown listing."),
  npi: z.string().trim().regex(/^\d{10}$/, "Enter the 10-digit NPI."),
  licenceNumber: text(40).min(1, "Enter the licence number shown on the listing."),
  message: text(1000),
});

/** What the claim page says after a removal request (?removal=...). */
export const REMOVAL_NOTICES = {
  sent: "Your request was sent. An administrator checks it; once approved the listing is unpublished and later imports leave it out.",
  invalid: "Enter the listing's 10-digit NPI and a licence number shown on it.",
  mismatch: "The NPI or the licence number does not match this listing. Nothing was sent.",
  already_waiting: "A removal request for this listing is already waiting.",
  not_found: "This is not a listing from the national provider registry.",
} as const;
export const isRemovalNotice = (v: unknown): v is keyof typeof REMOVAL_NOTICES => typeof v === "string" && Object.hasOwn(REMOVAL_NOTICES, v);
