// Small, well-formed proof files made in the test (a PNG with real chunks and CRCs, a baseline
// JPEG's marker segments, a one-page PDF), and the bad uploads the dashboard must refuse.
import { crc32, deflateSync } from "node:zlib";

const u32 = (n: number) => Buffer.from([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

function pngChunk(type: string, data: Buffer) {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  return Buffer.concat([u32(data.length), body, u32(crc32(body))]);
}

/** A 2x2 grey PNG. */
export function makePng(): Buffer {
  const ihdr = Buffer.concat([u32(2), u32(2), Buffer.from([8, 0, 0, 0, 0])]);
  const raw = Buffer.from([0, 128, 128, 0, 128, 128]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(raw)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

const seg = (marker: number, data: number[]) => Buffer.from([0xff, marker, ((data.length + 2) >> 8) & 255, (data.length + 2) & 255, ...data]);

/** A JPEG's frame: SOI, JFIF, a quantisation table, SOF0, a Huffman table, the scan, EOI. */
export function makeJpeg(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    seg(0xdb, [0, ...Array<number>(64).fill(1)]),
    seg(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
    seg(0xc4, [0, 0, 1, ...Array<number>(15).fill(0), 0]),
    seg(0xda, [1, 1, 0, 0, 63, 0]),
    Buffer.from([0x00, 0x3f, 0x00]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A one-page PDF with a line of text. */
export function makePdf(text = "Licence card (test)"): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** Every bad upload of the issue, each with the refusal it must get. */
export function badUploads(): { label: string; name: string; bytes: Buffer; reason: string }[] {
  const pdf = makePdf();
  const png = makePng();
  return [
    { label: "an empty file", name: "licence.pdf", bytes: Buffer.alloc(0), reason: "empty" },
    { label: "a file over 5 MB", name: "licence.pdf", bytes: Buffer.concat([pdf.subarray(0, 9), Buffer.alloc(5 * 1024 * 1024), Buffer.from("\n%%EOF\n")]), reason: "too_large" },
    { label: "a Windows executable renamed .pdf", name: "licence.pdf", bytes: Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(120), Buffer.from("PE\0\0", "latin1"), Buffer.alloc(200)]), reason: "wrong_type" },
    { label: "an ELF executable renamed .png", name: "card.png", bytes: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]), reason: "wrong_type" },
    { label: "an HTML page renamed .pdf", name: "licence.pdf", bytes: Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>"), reason: "wrong_type" },
    { label: "an SVG image", name: "card.svg", bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>'), reason: "wrong_type" },
    { label: "a PDF named .png", name: "card.png", bytes: pdf, reason: "wrong_extension" },
    { label: "a PNG named .pdf", name: "licence.pdf", bytes: png, reason: "wrong_extension" },
    { label: "a PNG with no extension", name: "card", bytes: png, reason: "wrong_extension" },
    { label: "a PNG with HTML after IEND", name: "card.png", bytes: Buffer.concat([png, Buffer.from("<html><script>alert(1)</script></html>")]), reason: "malformed" },
    { label: "a PNG cut off (interrupted)", name: "card.png", bytes: png.subarray(0, png.length - 6), reason: "malformed" },
    { label: "a PNG with HTML in a text chunk", name: "card.png", bytes: Buffer.concat([png.subarray(0, 33), pngChunk("tEXt", Buffer.from("Comment\0<script>alert(1)</script>")), png.subarray(33)]), reason: "active_content" },
    { label: "a PDF that starts like a PDF but holds an HTML page", name: "licence.pdf", bytes: Buffer.from("%PDF-1.4\n<html><body><script>fetch('/x')</script></body></html>\n%%EOF\n"), reason: "active_content" },
    { label: "a PDF with JavaScript", name: "licence.pdf", bytes: Buffer.from(pdf.toString("latin1").replace("/Type /Catalog", "/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>"), "latin1"), reason: "active_content" },
    { label: "a PDF cut off (interrupted)", name: "licence.pdf", bytes: pdf.subarray(0, pdf.length - 20), reason: "malformed" },
    { label: "a JPEG with HTML after EOI", name: "photo.jpg", bytes: Buffer.concat([makeJpeg(), Buffer.from("<html><script>alert(1)</script></html>")]), reason: "malformed" },
    { label: "a JPEG with a script in a comment", name: "photo.jpeg", bytes: Buffer.concat([Buffer.from([0xff, 0xd8]), seg(0xfe, [...Buffer.from("<script>alert(1)</script>")]), makeJpeg().subarray(2)]), reason: "active_content" },
  ];
}
