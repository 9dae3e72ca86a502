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
