import "server-only";
// The HTTP ends of a claim by licence number, which carries a file and so cannot be a server
// action (ours take text only, up to 1 MB); kept out of the route files so tests drive them:
// - receiveLicenceClaim: POST /claims (multipart: id, licenceNumber, file) from the claim page.
//   The number must match a licence on the listing (and, for an imported registry listing, the
//   NPI its NPI) and the file pass the proof-file check
//   (lib/proofs/file-check.ts); otherwise nothing is stored and the claim page says why, with
//   the number kept. One transaction (db/queries/claims.ts claimListing).
// - serveClaimProof: GET /claims/<id>/proof, the file as a download for administrators only.
import type { Db } from "@/db/client";
import { claimListing, getClaimProofFile } from "@/db/queries/claims";
import type { SessionUser } from "@/lib/auth/session";
import { checkProofFile, PROOF_MAX_BYTES } from "@/lib/proofs/file-check";
import { notFoundResponse, proofDownload } from "@/lib/proofs/proof-requests";
import { readBounded } from "@/lib/security/action-request";
import { licenceClaimSchema, uuidSchema } from "@/lib/validation/therapist-profile";

const BODY_LIMIT = PROOF_MAX_BYTES + 64 * 1024;

/** Why a licence claim was not sent, as the claim page shows it (?licenceError=...). */
export const LICENCE_CLAIM_ERRORS = {
  invalid: "Enter the licence number shown on the listing and choose a proof file.",
  too_large: "The file is larger than 5 MB. Nothing was sent.",
  interrupted: "The upload was interrupted. Nothing was sent; try again.",
  empty: "The file is empty. Nothing was sent.",
  wrong_type: "Only PDF, PNG and JPEG files are accepted. Nothing was sent.",
  wrong_extension: "The file's name does not end in the extension of its type (.pdf, .png, .jpg). Nothing was sent.",
  malformed: "The file is damaged or incomplete. Nothing was sent.",
  active_content: "The file contains scripts or other active content, which is refused. Nothing was sent.",
  bad_name: "The file's name is empty or too long. Nothing was sent.",
  licence_mismatch: "That licence number is not one of the licences on this listing. Check it, or choose another way to show it is yours.",
  npi_mismatch: "That is not the NPI of this listing. Enter your 10-digit National Provider Identifier as the registry has it.",
  demo: "This is a fictional demo listing: it cannot be claimed.",
  not_found: "This listing already has an owner or is no longer published.",
  no_listing_email: "This listing has no public e-mail.",
  already_waiting: "You have already asked to claim this listing. Your claim is waiting.",
} as const;
export type LicenceClaimError = keyof typeof LICENCE_CLAIM_ERRORS;
export const isLicenceClaimError = (v: unknown): v is LicenceClaimError => typeof v === "string" && Object.hasOwn(LICENCE_CLAIM_ERRORS, v);

const redirect = (location: string) => new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });

export async function receiveLicenceClaim(db: Db, options: { request: Request; user: SessionUser | null; siteOrigin: string }): Promise<Response> {
  const { request, user, siteOrigin } = options;
  if (!user) return redirect(`${siteOrigin}/signin?callbackUrl=%2Fdashboard%2Fclaim`);
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== siteOrigin)
    return new Response("Refused: this form was sent from another site.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  const back = (id: string, error: LicenceClaimError, number = "") =>
    redirect(`${siteOrigin}/dashboard/claim/${encodeURIComponent(id)}?licenceError=${error}&licence=${encodeURIComponent(number.slice(0, 40))}#licence`);
  const listingId = uuidSchema.safeParse(new URL(request.url).searchParams.get("listing"));
  if (!listingId.success) return notFoundResponse();
  const id = listingId.data;
  if (Number(request.headers.get("content-length") ?? "0") > BODY_LIMIT) return back(id, "too_large");
  if (!/^multipart\/form-data;\s*boundary=/i.test(request.headers.get("content-type") ?? "")) return back(id, "invalid");
  const body = await readBounded(request, BODY_LIMIT);
  if (body === "too_large") return back(id, "too_large");
  if (body === "unreadable") return back(id, "interrupted");
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": request.headers.get("content-type")! } }).formData();
  } catch {
    return back(id, "interrupted");
  }
  const number = form.get("licenceNumber");
  const typed = typeof number === "string" ? number : "";
  const npi = form.get("npi");
  const parsed = licenceClaimSchema.safeParse({ id, licenceNumber: typed, npi: typeof npi === "string" && npi.trim() !== "" ? npi : undefined });
  const file = form.get("file");
  if (!parsed.success || !(file instanceof File)) return back(id, "invalid", typed);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = await checkProofFile({ name: file.name, bytes });
  if (!checked.ok) return back(id, checked.reason, typed);
  const result = await claimListing(db, {
    id,
    userId: user.id,
    email: user.email,
    proof: { kind: "licence", number: parsed.data.licenceNumber, npi: parsed.data.npi, file: { name: checked.fileName, mimeType: checked.mimeType, data: bytes } },
  });
  if (!result.ok) return back(id, result.reason, typed);
  return redirect(`${siteOrigin}/dashboard?claim=${result.status}`);
}

export async function serveClaimProof(db: Db, options: { claimId: string; user: SessionUser | null }): Promise<Response> {
  const id = uuidSchema.safeParse(options.claimId);
  if (!id.success || !options.user?.isAdmin) return notFoundResponse();
  const file = await getClaimProofFile(db, { claimId: id.data });
  return file ? proofDownload(file) : notFoundResponse();
}
