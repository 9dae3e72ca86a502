// Proof files are checked by content and structure (lib/proofs/file-check.ts): PDF, PNG and JPEG
// made here pass, a real PNG from a package passes, and every bad upload of issue 13 gets its
// own refusal.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkProofFile, PROOF_REFUSALS } from "@/lib/proofs/file-check";
import { badUploads, makeJpeg, makePdf, makePng } from "../helpers/proof-files";

describe("checkProofFile", () => {
  it.each([
    ["licence.pdf", makePdf(), "application/pdf"],
    ["CARD.PNG", makePng(), "image/png"],
    ["photo.jpg", makeJpeg(), "image/jpeg"],
    ["photo.jpeg", makeJpeg(), "image/jpeg"],
  ])("accepts %s", async (name, bytes, mimeType) => {
    expect(await checkProofFile({ name, bytes })).toEqual({ ok: true, mimeType, fileName: name });
  });

  it("accepts a real-world PNG", async () => {
    const bytes = fs.readFileSync(path.join(import.meta.dirname, "../../node_modules/playwright-core/lib/server/chromium/appIcon.png"));
    expect(await checkProofFile({ name: "icon.png", bytes })).toMatchObject({ ok: true, mimeType: "image/png" });
  });

  for (const bad of badUploads()) {
    it(`refuses ${bad.label} (${bad.reason})`, async () => {
      const result = await checkProofFile({ name: bad.name, bytes: bad.bytes });
      expect(result).toEqual({ ok: false, reason: bad.reason });
      expect(PROOF_REFUSALS[bad.reason as keyof typeof PROOF_REFUSALS]).toBeTruthy();
    });
  }

  it("refuses a name made only of control characters", async () => {
    expect(await checkProofFile({ name: "\u0000\u0001", bytes: makePng() })).toEqual({ ok: false, reason: "bad_name" });
  });
});
