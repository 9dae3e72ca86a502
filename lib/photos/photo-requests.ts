import "server-only";
// The two HTTP ends of photos, kept out of the route files so tests can drive them:
// - receivePhotoUpload: POST /photos?listing=<id> from the dashboard (multipart: kind, alt,
//   file). Anything but a whole JPEG, PNG or WebP photo up to 10 MB with a description is
//   refused with nothing stored; the answer is a redirect back to the listing with a notice (and
//   the description typed, so it is not lost).
// - servePhotoVariant: GET /photos/<id>/<width>, a stored WebP variant. A published listing's
//   photos are public and never change under their address (a new photo gets a new id), so they
//   are cached for a year; an unpublished listing's only reach its owner and administrators.
import type { Db } from "@/db/client";
import { addPhoto, getPhotoVariant } from "@/db/queries/photos";
import type { SessionUser } from "@/lib/auth/session";
import { readBounded } from "@/lib/security/action-request";
import { uuidSchema } from "@/lib/validation/therapist-profile";
import { photoFieldsSchema, type PhotoNotice } from "./photo-input";
import { PHOTO_MAX_BYTES, processPhoto } from "./process";

const BODY_LIMIT = PHOTO_MAX_BYTES + 64 * 1024;

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
const notFound = () => plain(404, "Not found.");

export async function receivePhotoUpload(db: Db, options: { request: Request; user: SessionUser | null; siteOrigin: string }): Promise<Response> {
  const { request, user, siteOrigin } = options;
  if (!user) return new Response(null, { status: 303, headers: { location: `${siteOrigin}/signin?callbackUrl=%2Fdashboard`, "cache-control": "no-store" } });
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== siteOrigin) return plain(403, "Refused: this form was sent from another site.");
  const listing = uuidSchema.safeParse(new URL(request.url).searchParams.get("listing"));
  if (!listing.success) return notFound();
  let typedAlt = "";
  const back = (notice: PhotoNotice) => {
    const q = new URLSearchParams({ photo: notice });
    if (typedAlt && !["added", "replaced"].includes(notice)) q.set("alt", typedAlt.slice(0, 200));
    return new Response(null, { status: 303, headers: { location: `${siteOrigin}/dashboard/listings/${listing.data}?${q}#photos`, "cache-control": "no-store" } });
  };
  if (Number(request.headers.get("content-length") ?? "0") > BODY_LIMIT) return back("too_large");
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
  const alt = form.get("alt");
  typedAlt = typeof alt === "string" ? alt : "";
  const fields = photoFieldsSchema.safeParse({ kind: form.get("kind"), alt });
  const file = form.get("file");
  if (!(file instanceof File) || (fields.error && fields.error.issues.some((i) => i.path[0] === "kind"))) return back("invalid");
  if (!fields.success) return back("invalid_alt");
  const processed = await processPhoto(new Uint8Array(await file.arrayBuffer()), fields.data.kind);
  if (!processed.ok) return back(processed.reason);
  const added = await addPhoto(db, {
    actor: { userId: user.id, isAdmin: user.isAdmin },
    therapistId: listing.data,
    kind: fields.data.kind,
    alt: fields.data.alt,
    width: processed.width,
    height: processed.height,
    variants: processed.variants,
  });
  if (!added.ok) return added.reason === "not_found" ? notFound() : back(added.reason);
  return back(added.replaced ? "replaced" : "added");
}

export async function servePhotoVariant(db: Db, options: { id: string; width: string; user: SessionUser | null }): Promise<Response> {
  const id = uuidSchema.safeParse(options.id);
  const width = /^\d{2,4}$/.test(options.width) ? Number(options.width) : NaN;
  if (!id.success || !Number.isFinite(width)) return notFound();
  const actor = options.user ? { userId: options.user.id, isAdmin: options.user.isAdmin } : null;
  const variant = await getPhotoVariant(db, { id: id.data, width, actor });
  if (!variant) return notFound();
  return new Response(variant.data as BodyInit, {
    status: 200,
    headers: {
      "content-type": "image/webp",
      "content-length": String(variant.data.byteLength),
      "cache-control": variant.published ? "public, max-age=31536000, immutable" : "private, no-store",
      "x-content-type-options": "nosniff",
      "cross-origin-resource-policy": "same-origin",
    },
  });
}
