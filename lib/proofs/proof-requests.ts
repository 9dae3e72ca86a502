import "server-only";
// The two HTTP ends of proof files, kept out of the route files so that tests can drive them on
// every test database with each kind of requester:
// - receiveProofUpload: POST /proofs?listing=<id> from the dashboard's form (multipart, one file).
//   Refuses, storing nothing, anything but a whole PDF/PNG/JPEG up to 5 MB for a credential the
//   listing states; answers with a redirect back to the listing and a message code.
// - serveProof: GET /proofs/<id>, the file as a download for the listing's owner or an
//   administrator; everyone else (another user, anonymous, a guessed id) gets the same 404.
import type { Db } from "@/db/client";
import { addProof, getProofForViewer } from "@/db/queries/proofs";
import type { SessionUser } from "@/lib/auth/session";
import { readBounded } from "@/lib/security/action-request";
import { PROOF_CSP } from "@/lib/security/headers";
import { uuidSchema } from "@/lib/validation/therapist-profile";
import { checkProofFile, PROOF_MAX_BYTES, PROOF_TYPES, type ProofMimeType } from "./file-check";
import { parseProofChoice, type ProofNotice } from "./proof-input";

// Room for the form's other fields and the multipart framing around a 5 MB file.
const BODY_LIMIT = PROOF_MAX_BYTES + 64 * 1024;

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

export const notFoundResponse = () => plain(404, "Not found.");

const backTo = (siteOrigin: string, listingId: string, notice: ProofNotice) =>
  new Response(null, { status: 303, headers: { location: `${siteOrigin}/dashboard/listings/${listingId}?proof=${notice}#proofs`, "cache-control": "no-store" } });

export async function receiveProofUpload(db: Db, options: { request: Request; user: SessionUser | null; siteOrigin: string }): Promise<Response> {
  const { request, user, siteOrigin } = options;
  if (!user) return new Response(null, { status: 303, headers: { location: `${siteOrigin}/signin?callbackUrl=%2Fdashboard`, "cache-control": "no-store" } });
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== siteOrigin) return plain(403, "Refused: this form was sent from another site.");
  const listing = uuidSchema.safeParse(new URL(request.url).searchParams.get("listing"));
  if (!listing.success) return notFoundResponse();
  const back = (notice: ProofNotice) => backTo(siteOrigin, listing.data, notice);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > BODY_LIMIT) return back("too_large");
  if (!/^multipart\/form-data;\s*boundary=/i.test(request.headers.get("content-type") ?? "")) return back("invalid");
  const body = await readBounded(request, BODY_LIMIT);
  if (body === "too_large") return back("too_large");
  if (body === "unreadable") return back("interrupted");
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": request.headers.get("content-type")! } }).formData();
  } catch {
    return back("interrupted");
  }
  const choice = form.get("credential");
  const file = form.get("file");
  const target = parseProofChoice(typeof choice === "string" ? choice : "");
  if (!target.success || !(file instanceof File)) return back("invalid");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = await checkProofFile({ name: file.name, bytes });
  if (!checked.ok) return back(checked.reason);
  const added = await addProof(db, {
    actor: { userId: user.id, isAdmin: user.isAdmin },
    therapistId: listing.data,
    target: target.data,
    fileName: checked.fileName,
    mimeType: checked.mimeType,
    data: bytes,
  });
  if (!added.ok) return added.reason === "not_found" ? notFoundResponse() : back(added.reason);
  return back("added");
}


export async function serveProof(db: Db, options: { id: string; user: SessionUser | null }): Promise<Response> {
  const id = uuidSchema.safeParse(options.id);
  if (!id.success || !options.user) return notFoundResponse();
  const proof = await getProofForViewer(db, { id: id.data, actor: { userId: options.user.id, isAdmin: options.user.isAdmin } });
  if (!proof) return notFoundResponse();
  return proofDownload(proof);
}

/** A stored proof file as a download that no browser renders or runs (credential and claim proofs alike). */
export function proofDownload(proof: { data: Uint8Array; fileName: string; mimeType: string }): Response {
  const ext = PROOF_TYPES[proof.mimeType as ProofMimeType]?.extensions[0] ?? "bin";
  // The stored name is the uploader's text: the header carries a fixed ASCII name and the
  // original only percent-encoded (RFC 6266 filename*).
  const disposition = `attachment; filename="credential-proof.${ext}"; filename*=UTF-8''${encodeURIComponent(proof.fileName)}`;
  return new Response(proof.data as BodyInit, {
    status: 200,
    headers: {
      "content-type": proof.mimeType,
      "content-length": String(proof.data.byteLength),
      "content-disposition": disposition,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-security-policy": PROOF_CSP,
      "cross-origin-resource-policy": "same-origin",
    },
  });
}
