import "server-only";
// A therapist's photo, from upload to what is stored: the type is read from the bytes (never
// from the name or the browser's word), the image is decoded by sharp (libvips) with a pixel
// limit (a small file that would decode to a huge image, a "decompression bomb", is refused
// before it is decoded), turned upright from its EXIF orientation, and re-encoded as WebP at a
// few widths. Re-encoding drops every piece of metadata (EXIF, GPS location, XMP, ICC comments):
// nothing of the original file is kept.
import { fileTypeFromBuffer } from "file-type";
import sharp, { type Metadata } from "sharp";

export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** 40 megapixels: more than any phone camera, far less than a bomb. */
export const PHOTO_MAX_PIXELS = 40_000_000;
export const PHOTO_ACCEPTED = { "image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WebP" } as const;
/** The widths stored, for srcset; a portrait is cropped square. */
export const PHOTO_WIDTHS = [160, 320, 640, 1280] as const;
export type PhotoKind = "portrait" | "practice";

export type PhotoRefusal = "empty" | "too_large" | "wrong_type" | "corrupt" | "too_many_pixels";
export type ProcessedPhoto = { ok: true; width: number; height: number; variants: { width: number; height: number; data: Uint8Array }[] } | { ok: false; reason: PhotoRefusal };

export async function processPhoto(bytes: Uint8Array, kind: PhotoKind): Promise<ProcessedPhoto> {
  if (bytes.byteLength === 0) return { ok: false, reason: "empty" };
  if (bytes.byteLength > PHOTO_MAX_BYTES) return { ok: false, reason: "too_large" };
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !(type.mime in PHOTO_ACCEPTED)) return { ok: false, reason: "wrong_type" };
  let meta: Metadata;
  try {
    // The header only (nothing is decoded here), without the pixel limit, so that a bomb is
    // named as one rather than as a damaged file.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, reason: "corrupt" };
  }
  if (!meta.width || !meta.height) return { ok: false, reason: "corrupt" };
  if (meta.width * meta.height > PHOTO_MAX_PIXELS) return { ok: false, reason: "too_many_pixels" };
  // Animated images: the first frame only (sharp reads one page unless asked for more).
  try {
    const upright = await sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: "error" }).rotate().toBuffer({ resolveWithObject: true });
    const { width: w, height: h } = upright.info;
    const side = Math.min(w, h);
    const largest = kind === "portrait" ? side : w;
    const widths = [...new Set(PHOTO_WIDTHS.map((x) => Math.min(x, largest)))];
    const variants = await Promise.all(
      widths.map(async (width) => {
        const out = await sharp(upright.data, { limitInputPixels: PHOTO_MAX_PIXELS })
          .resize(kind === "portrait" ? { width, height: width, fit: "cover", position: "attention" } : { width, withoutEnlargement: true })
          .webp({ quality: 80 })
          .toBuffer({ resolveWithObject: true });
        return { width: out.info.width, height: out.info.height, data: new Uint8Array(out.data) };
      }),
    );
    const top = variants[variants.length - 1]!;
    return { ok: true, width: top.width, height: top.height, variants };
  } catch {
    return { ok: false, reason: "corrupt" };
  }
}

/** What each refusal tells the therapist (nothing was stored in any case). */
export const PHOTO_REFUSALS: Record<PhotoRefusal, string> = {
  empty: "The file was empty.",
  too_large: `The file is larger than ${PHOTO_MAX_BYTES / 1024 / 1024} MB.`,
  wrong_type: "Only JPEG, PNG and WebP photos are accepted (the file's content was checked, not its name).",
  corrupt: "The photo could not be read: the file is damaged or not a complete image.",
  too_many_pixels: `The image is too large to process (over ${PHOTO_MAX_PIXELS / 1_000_000} megapixels).`,
};
