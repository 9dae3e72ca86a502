// The proof-upload form's fields (the dashboard form, the upload route and the tests share this
// schema) and every message the dashboard shows after an upload or removal, keyed by the code
// the upload route puts in the address.
import { z } from "zod";
import { PROOF_REFUSALS, type ProofRefusal } from "./file-check";

export const PROOF_CREDENTIALS = ["license", "ncbtmb", "school", "associations"] as const;

export const proofTargetSchema = z
  .object({
    credential: z.enum(PROOF_CREDENTIALS, "Choose which credential the proof is for."),
    licenseId: z.union([z.uuid(), z.literal("")]).optional(),
  })
  .transform((v, ctx) => {
    if (v.credential === "license") {
      if (!v.licenseId) {
        ctx.addIssue({ code: "custom", message: "Choose which credential the proof is for.", path: ["licenseId"] });
        return z.NEVER;
      }
      return { credential: "license" as const, licenseId: v.licenseId };
    }
    return { credential: v.credential };
  });

/** The credential choice is one select: "license:<id>" or the credential's name. */
export function parseProofChoice(choice: string) {
  const [credential = "", licenseId = ""] = choice.split(":", 2);
  return proofTargetSchema.safeParse({ credential, licenseId });
}

export type ProofNotice = ProofRefusal | "added" | "removed" | "interrupted" | "invalid" | "no_such_credential" | "too_many" | "not_found";

export const PROOF_MESSAGES: Record<ProofNotice, string> = {
  ...PROOF_REFUSALS,
  added: "Proof attached. Only you and the site's administrators can open it; it is deleted once an administrator has checked the credential.",
  removed: "Proof removed.",
  interrupted: "The upload did not arrive whole (it may have been interrupted). Nothing was stored; try again.",
  invalid: "Choose which credential the proof is for, and a file.",
  no_such_credential: "The listing no longer states that credential. Nothing was stored.",
  too_many: "This listing already has the most proof files it can hold. Remove one first.",
  not_found: "That proof no longer exists.",
};

export const isProofNotice = (v: unknown): v is ProofNotice => typeof v === "string" && Object.hasOwn(PROOF_MESSAGES, v);
/** Notices that are good news (a status), the rest are problems (an alert). */
export const PROOF_GOOD_NOTICES: readonly ProofNotice[] = ["added", "removed"];
