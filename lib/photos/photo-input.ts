// The photo upload form's fields (the file itself is checked by ./process.ts), and the notices
// the dashboard shows after an upload or a removal.
import { z } from "zod";
import { PHOTO_REFUSALS, type PhotoRefusal } from "./process";

export const photoFieldsSchema = z.object({
  kind: z.enum(["portrait", "practice"], "Choose a portrait or a practice photo."),
  alt: z
    .string()
    .trim()
    .min(3, "Describe the photo for people who cannot see it (at least 3 characters).")
    .max(200, "Keep the description under 200 characters.")
    .refine((s) => !/[<>]/.test(s), "Use plain text in the description (no < or >)."),
});

export type PhotoNotice = "added" | "replaced" | "removed" | PhotoRefusal | "too_many" | "invalid_alt" | "invalid" | "interrupted" | "not_found";

const NOTICES: Record<PhotoNotice, { ok: boolean; text: string }> = {
  added: { ok: true, text: "Photo added: patients see it on your card and profile once the listing is published." },
  replaced: { ok: true, text: "Portrait replaced." },
  removed: { ok: true, text: "Photo removed." },
  too_many: { ok: false, text: "Nothing was stored: a listing has at most 4 practice photos. Remove one first." },
  invalid_alt: { ok: false, text: "Nothing was stored: describe the photo for people who cannot see it (3 to 200 characters of plain text)." },
  invalid: { ok: false, text: "Nothing was stored: choose a photo file and the kind of photo." },
  interrupted: { ok: false, text: "Nothing was stored: the upload did not arrive whole. Please try again." },
  not_found: { ok: false, text: "That photo no longer exists." },
  ...(Object.fromEntries(Object.entries(PHOTO_REFUSALS).map(([k, text]) => [k, { ok: false, text: `Nothing was stored. ${text}` }])) as Record<PhotoRefusal, { ok: boolean; text: string }>),
};

export function photoNotice(code: unknown): { ok: boolean; text: string } | null {
  return typeof code === "string" && code in NOTICES ? NOTICES[code as PhotoNotice] : null;
}
