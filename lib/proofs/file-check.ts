// What a proof file must be before anything is stored: a PDF, PNG or JPEG up to 5 MB, its type
// read from its bytes (file-type) and its structure walked (PNG chunks with their CRCs up to
// IEND at the very end, JPEG markers from SOI to EOI at the very end, a PDF from its header to
// its %%EOF), named with the extension of what it is, and holding no HTML or script anywhere
// (a polyglot that a browser could read as a page). The name a browser sends and its declared
// type are never trusted. Refusals carry the sentence the dashboard shows.
import { crc32 } from "node:zlib";
import { fileTypeFromBuffer } from "file-type/core";
import { PROOF_MAX_BYTES } from "@/db/schema";

export const PROOF_TYPES = {
  "application/pdf": { label: "PDF", extensions: ["pdf"] },
  "image/png": { label: "PNG", extensions: ["png"] },
  "image/jpeg": { label: "JPEG", extensions: ["jpg", "jpeg"] },
} as const;
export type ProofMimeType = keyof typeof PROOF_TYPES;
export const PROOF_ACCEPT = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";
export { PROOF_MAX_BYTES };

export type ProofRefusal = "empty" | "too_large" | "wrong_type" | "wrong_extension" | "malformed" | "active_content" | "bad_name";

export type ProofCheck = { ok: true; mimeType: ProofMimeType; fileName: string } | { ok: false; reason: ProofRefusal };

export const PROOF_REFUSALS: Record<ProofRefusal, string> = {
  empty: "The file is empty. Choose the file of your licence card, certificate or diploma.",
  too_large: "The file is larger than 5 MB. Scan or photograph it at a lower resolution and try again.",
  wrong_type: "Only PDF, PNG and JPEG files are accepted, and the file's content is none of them.",
  wrong_extension: "The file's name does not match its content (for example a PDF named .png). Rename it with the right extension and try again.",
  malformed: "The file is damaged or not a complete PDF, PNG or JPEG (it may have been cut off, or carry extra data). Save it again and try again.",
  active_content: "The file contains web page or script content, which a proof may not carry. Save the document again as a plain PDF or image.",
  bad_name: "The file's name is missing or too long (at most 200 characters).",
};

// Markers of a document a browser would run or render as a page. Compressed image and PDF data
// is effectively random, so these byte sequences do not turn up in honest files by chance.
const ACTIVE_MARKERS = ["<html", "<script", "<!doctype", "<body", "<iframe", "<svg", "<object", "<embed", "<?php", "<% ", "javascript:", "onload=", "onerror="];
// PDF features that run code or carry other files.
const PDF_ACTIVE = [/\/JavaScript\b/, /\/JS\b/, /\/Launch\b/, /\/EmbeddedFile\b/, /\/RichMedia\b/, /\/XFA\b/];

export async function checkProofFile(file: { name: string; bytes: Uint8Array }): Promise<ProofCheck> {
  const { bytes } = file;
  if (bytes.byteLength === 0) return { ok: false, reason: "empty" };
  if (bytes.byteLength > PROOF_MAX_BYTES) return { ok: false, reason: "too_large" };
  const fileName = file.name.normalize("NFC").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  if (!fileName || fileName.length > 200) return { ok: false, reason: "bad_name" };
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !(detected.mime in PROOF_TYPES)) return { ok: false, reason: "wrong_type" };
  const mimeType = detected.mime as ProofMimeType;
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (!ext || !(PROOF_TYPES[mimeType].extensions as readonly string[]).includes(ext)) return { ok: false, reason: "wrong_extension" };
  const structured = mimeType === "image/png" ? pngIsWhole(bytes) : mimeType === "image/jpeg" ? jpegIsWhole(bytes) : pdfIsWhole(bytes);
  if (!structured) return { ok: false, reason: "malformed" };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const lower = text.toLowerCase();
  if (ACTIVE_MARKERS.some((m) => lower.includes(m))) return { ok: false, reason: "active_content" };
  if (mimeType === "application/pdf" && PDF_ACTIVE.some((re) => re.test(text))) return { ok: false, reason: "active_content" };
  return { ok: true, mimeType, fileName };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Signature, IHDR first, every chunk's CRC right, and IEND ending the file exactly. */
function pngIsWhole(b: Uint8Array): boolean {
  if (!PNG_SIGNATURE.every((v, i) => b[i] === v)) return false;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 8;
  let first = true;
  while (at + 12 <= b.byteLength) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...b.subarray(at + 4, at + 8));
    const end = at + 12 + length;
    if (length > 0x7fffffff || end > b.byteLength || !/^[A-Za-z]{4}$/.test(type)) return false;
    if (first && (type !== "IHDR" || length !== 13)) return false;
    first = false;
    if (crc32(b.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) return false;
    if (type === "IEND") return end === b.byteLength;
    at = end;
  }
  return false;
}

/** SOI, well-formed marker segments up to the scan, and EOI as the file's last two bytes. */
function jpegIsWhole(b: Uint8Array): boolean {
  const n = b.byteLength;
  if (n < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[n - 2] !== 0xff || b[n - 1] !== 0xd9) return false;
  let at = 2;
  while (at + 4 <= n) {
    if (b[at] !== 0xff) return false;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9 || marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) return false;
    const length = (b[at + 2]! << 8) | b[at + 3]!;
    if (length < 2 || at + 2 + length > n) return false;
    if (marker === 0xda) return true; // start of scan: entropy-coded data runs to EOI
    at += 2 + length;
  }
  return false;
}

/** A PDF header at byte 0 and %%EOF at the end (only line endings or spaces after it). */
function pdfIsWhole(b: Uint8Array): boolean {
  const head = Buffer.from(b.subarray(0, 8)).toString("latin1");
  if (!/^%PDF-[12]\.\d/.test(head)) return false;
  const tail = Buffer.from(b.subarray(Math.max(0, b.byteLength - 1024))).toString("latin1");
  return /%%EOF[\r\n\t ]*$/.test(tail);
}
