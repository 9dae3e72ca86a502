// Photos end to end: a therapist adds a portrait (a camera JPEG with a GPS position) with its
// description; a bad file is refused with a message and the description kept; once published,
// the portrait shows on the result card resized (a 160 px square WebP, not the 1600 x 1200
// upload) with the therapist's alt text, and on the profile; the served file has no metadata.
import sharp from "sharp";
import { expectNoAxeViolations } from "./axe";
import { expect, test, uniqueEmail } from "./fixtures";
import { makeCameraJpeg } from "../helpers/photo-files";

test("a portrait is resized for the card and profile, without its metadata", async ({ page, login, browser, baseURL }, info) => {
  test.setTimeout(120_000);
  await login(page, uniqueEmail("photo-owner", info));
  const name = `Photo Journey ${info.project.name} ${Date.now().toString(36)}`;
  await page.getByRole("link", { name: "Create a new listing" }).click();
  await page.getByLabel("Name shown to patients (required)").fill(name);
  await page.getByLabel("ZIP code of your practice (required)").fill("82001");
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page.getByRole("status")).toContainText("Listing created");

  const photos = page.getByRole("region", { name: "Photos" });
  const form = photos.getByRole("form", { name: "Add a photo" });
  const alt = `${name} smiling in the treatment room`;
  // A web page named .jpg: refused, nothing stored, the description kept.
  await form.getByLabel(/^Description for people who cannot see the photo/).fill(alt);
  await form.getByLabel("Photo file").setInputFiles({ name: "me.jpg", mimeType: "image/jpeg", buffer: Buffer.from("<!doctype html><p>not a photo</p>") });
  await form.getByRole("button", { name: "Upload photo" }).click();
  await expect(photos.getByRole("alert")).toContainText("Nothing was stored. Only JPEG, PNG and WebP photos are accepted");
  await expect(form.getByLabel(/^Description for people who cannot see the photo/)).toHaveValue(alt);
  await expect(photos.getByRole("img")).toHaveCount(0);

  await form.getByLabel("Photo file").setInputFiles({ name: "IMG_0001.JPG", mimeType: "image/jpeg", buffer: await makeCameraJpeg() });
  await form.getByRole("button", { name: "Upload photo" }).click();
  await expect(photos.getByRole("status")).toContainText("Photo added");
  await expect(photos.getByRole("img", { name: alt })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Published: patients can now find this listing.");

  // The card: the 160 px square (or the 320 px one on a dense screen), never the upload.
  await page.goto(`/therapists?q=${encodeURIComponent(name)}`);
  const card = page.getByRole("article").filter({ hasText: name });
  const portrait = card.getByRole("img", { name: alt });
  await expect(portrait).toBeVisible();
  await expect.poll(() => portrait.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  // (naturalWidth is corrected for the srcset's density, so the file itself is measured.)
  const src = await portrait.evaluate((img: HTMLImageElement) => img.currentSrc);
  expect(new URL(src).pathname).toMatch(/^\/photos\/[0-9a-f-]{36}\/(160|320)$/);

  // The served file: WebP, a small square, no EXIF (so no GPS position), cached as immutable.
  const served = await page.request.get(src);
  expect(served.headers()["content-type"]).toBe("image/webp");
  expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const meta = await sharp(await served.body()).metadata();
  expect(meta.format).toBe("webp");
  expect([160, 320]).toContain(meta.width);
  expect(meta.height).toBe(meta.width);
  expect(meta.exif).toBeUndefined();

  // The profile: the portrait in place of the initials.
  await card.getByRole("heading", { level: 3 }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByRole("img", { name: alt })).toBeVisible();
  await expectNoAxeViolations(page);

  // An anonymous patient with the photo, the map and the shortlist all in use: every request
  // goes to this site, and the browser holds no cookie.
  const anonymous = await browser.newContext();
  const patient = await anonymous.newPage();
  const elsewhere: string[] = [];
  patient.on("request", (r) => {
    if (new URL(r.url()).origin !== new URL(baseURL!).origin && !r.url().startsWith("data:")) elsewhere.push(r.url());
  });
  await patient.goto(`/therapists?q=${encodeURIComponent(name)}&view=map`);
  await expect(patient.getByRole("group", { name: /^Map: / }).getByRole("link", { name: new RegExp(`^\\d+\\. ${name}$`) })).toBeVisible();
  const theirCard = patient.getByRole("article").filter({ hasText: name });
  await expect(theirCard.getByRole("img", { name: alt })).toBeVisible();
  await theirCard.getByRole("button", { name: /^Save / }).click();
  await expect(theirCard.getByRole("button", { name: /^Saved / })).toHaveAttribute("aria-pressed", "true");
  await theirCard.getByRole("heading", { level: 3 }).getByRole("link").click();
  await expect(patient.getByRole("img", { name: alt })).toBeVisible();
  await patient.goto("/shortlist");
  await expect(patient.getByRole("checkbox", { name })).toBeChecked();
  expect(elsewhere).toEqual([]);
  expect(await anonymous.cookies()).toEqual([]);
  await anonymous.close();
});
