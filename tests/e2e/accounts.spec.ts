// Therapist accounts end to end on the production build: create / fill / publish / edit a
// listing, ownership against forged requests, an administrator's licence check and claims,
// stored XSS and security headers. Signed in through the login fixture (tests/e2e/fixtures.ts);
// the real magic-link sign-in is exercised in sign-in.spec.ts.
import type { Page } from "@playwright/test";
import { makePng } from "../helpers/proof-files";
import { addUnownedListing, DEMO_ADMIN, expect, test, uniqueEmail } from "./fixtures";

type Listing = { id: string; name: string };

/** Creates a listing through the form; returns its id from the preview URL. */
async function createListing(page: Page, fields: { name: string; zip?: string; license?: string; extra?: (page: Page) => Promise<void> }): Promise<Listing> {
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Create a new listing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create a listing" })).toBeVisible();
  await page.getByLabel("Name shown to patients (required)").fill(fields.name);
  await page.getByLabel("ZIP code of your practice (required)").fill(fields.zip ?? "10001");
  if (fields.license) {
    await page.getByLabel("Licence 1: state").selectOption("NY");
    await page.getByLabel("Licence 1: number").fill(fields.license);
    await page.getByLabel("Licence 1: credential title").fill("LMT");
  }
  await fields.extra?.(page);
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page.getByRole("status")).toContainText("Listing created");
  const id = /\/dashboard\/listings\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(id).toBeTruthy();
  return { id: id!, name: fields.name };
}

test("a therapist creates, fills, publishes and edits a listing", async ({ page, login }, info) => {
  const email = uniqueEmail("journey", info);
  await login(page, email);
  const name = `Journey Therapist ${info.project.name}`;

  await page.getByRole("link", { name: "Create a new listing" }).click();
  await page.getByLabel("Name shown to patients (required)").fill(name);
  await page.getByLabel("About your practice").fill("Deep tissue and myofascial work for low back pain.");
  // A bad ZIP and a bad price: errors next to the fields, announced, nothing typed is lost.
  await page.getByLabel("ZIP code of your practice (required)").fill("123");
  await page.getByLabel("Lowest price of a 60-minute session, in dollars").fill("150");
  await page.getByLabel("Highest price of a 60-minute session, in dollars").fill("90");
  await page.getByRole("button", { name: "Create listing" }).click();
  const summary = page.getByRole("main").getByRole("alert");
  await expect(summary).toContainText("Some answers need a change");
  await expect(summary).toBeFocused();
  const zip = page.getByLabel("ZIP code of your practice (required)");
  await expect(zip).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#f-zip-error")).toHaveText("Enter a 5-digit US ZIP code.");
  await expect(zip).toHaveAttribute("aria-describedby", /f-zip-error/);
  await expect(page.getByLabel("Highest price of a 60-minute session, in dollars")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name shown to patients (required)")).toHaveValue(name);
  await expect(page.getByLabel("About your practice")).toHaveValue("Deep tissue and myofascial work for low back pain.");

  // Fill every kind of field.
  await zip.fill("10001");
  await page.getByLabel("Street address").fill("350 Fifth Avenue");
  await page.getByLabel("Highest price of a 60-minute session, in dollars").fill("180");
  await page.getByLabel("Opening hours").fill("Mon-Fri 9am-6pm");
  await page.getByLabel("Experience with clients who have sciatica").selectOption("extensive");
  await page.getByLabel("Your sciatica experience, in your words").fill("Hundreds of clients with sciatica.");
  await page.getByRole("checkbox", { name: "Deep tissue massage" }).check();
  await page.getByRole("checkbox", { name: "Myofascial release" }).check();
  await page.getByRole("checkbox", { name: "Swedish massage" }).check();
  await page.getByLabel("Licence 1: state").selectOption("NY");
  await page.getByLabel("Licence 1: number").fill(`J-${info.project.name}`);
  await page.getByLabel("Licence 1: credential title").fill("LMT");
  await page.getByLabel("NCBTMB board certification").selectOption("self_reported");
  await page.getByLabel("NCBTMB certificate number").fill("NC-123");
  await page.getByLabel("Massage school").fill("Test School of Massage");
  await page.getByRole("checkbox", { name: "My school's programme is nationally accredited" }).check();
  await page.getByLabel("Professional memberships").fill("AMTA, ABMP");
  await page.getByRole("checkbox", { name: "I accept physician referrals and prescriptions" }).check();
  await page.getByRole("checkbox", { name: "I accept insurance" }).check();
  await page.getByLabel("Insurance plans").fill("Aetna, Cigna");
  await page.getByLabel("Languages").fill("English, Spanish");
  await page.getByLabel("Phone").fill("(555) 010-0142");
  await page.getByLabel("Public e-mail").fill("journey@example.org");
  await page.getByLabel("Website").fill("https://example.org/journey");
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page.getByRole("status")).toContainText("Listing created");
  const preview = page.getByRole("region", { name: `Preview: ${name}` });
  await expect(preview).toContainText("New York, NY 10001");
  // The preview is the public profile's own view, so it uses the public page's words.
  for (const modality of ["Deep tissue massage", "Myofascial release", "Swedish massage"]) await expect(preview).toContainText(modality);
  await expect(preview).toContainText(`LMT, New York - claimed, not yet checked. Licence number J-${info.project.name}.`);
  await expect(preview).toContainText("$150 to $180 per 60-minute session");
  await expect(page.getByText("Status: Not published")).toBeVisible();

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status")).toContainText("Published");
  const publicLink = page.getByRole("link", { name: /^\/therapists\// });
  const href = (await publicLink.getAttribute("href"))!;
  expect(href).toMatch(/^\/therapists\/journey-therapist-/);

  // Published: a visitor finds it in search and reads the public profile.
  const found = await (await page.request.get(`/api/therapists?location=10001&q=${encodeURIComponent(name)}`)).json();
  expect(found.results.map((r: { url: string }) => r.url)).toContain(href);
  const visitor = await page.context().browser()!.newPage();
  await visitor.goto(href);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(name);

  await page.getByRole("link", { name: "Edit listing" }).click();
  await expect(page.getByLabel("Name shown to patients (required)")).toHaveValue(name);
  await expect(page.getByRole("checkbox", { name: "Myofascial release" })).toBeChecked();
  await page.getByLabel("Opening hours").fill("Tue-Sat 10am-7pm");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Changes saved");
  await expect(preview).toContainText("Tue-Sat 10am-7pm");
  const history = page.getByRole("region", { name: "History of changes" });
  await expect(history.getByRole("row", { name: /Opening hours/ }).first()).toContainText("Mon-Fri 9am-6pm");
  await expect(history.getByRole("row", { name: /Opening hours/ }).first()).toContainText("Tue-Sat 10am-7pm");
  await expect(history).toContainText(`by ${email}`);
  // ... and the visitor sees the change.
  await visitor.reload();
  await expect(visitor.getByText("Tue-Sat 10am-7pm")).toBeVisible();

  // Unpublished, nothing of it is reachable by a visitor: page, API, search, sitemap.
  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByRole("status")).toContainText("Unpublished");
  expect((await visitor.goto(href))?.status()).toBe(404);
  expect((await page.request.get(`/api${href}`)).status()).toBe(404);
  const hidden = await (await page.request.get(`/api/therapists?location=10001&q=${encodeURIComponent(name)}`)).json();
  expect(hidden.results.map((r: { url: string }) => r.url)).not.toContain(href);
  const sitemapIndex = await (await page.request.get("/sitemap.xml")).text();
  for (const file of sitemapIndex.match(/\/sitemaps\/[a-z0-9-]+\.xml/g) ?? []) {
    expect(await (await page.request.get(file)).text()).not.toContain(href);
  }
  await visitor.close();
});

test("two tabs save from the same version: the second is refused with what changed", async ({ page, login }, info) => {
  const email = uniqueEmail("conflict", info);
  await login(page, email);
  const listing = await createListing(page, { name: `Conflict Therapist ${info.project.name}` });
  const other = await page.context().newPage();
  await page.goto(`/dashboard/listings/${listing.id}/edit`);
  await other.goto(`/dashboard/listings/${listing.id}/edit`);
  await page.getByLabel("Opening hours").fill("Saved first");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Changes saved");
  await other.getByLabel("About your practice").fill("Typed in the stale tab");
  await other.getByRole("button", { name: "Save changes" }).click();
  const alert = other.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("Nothing was saved");
  await expect(alert).toContainText("Opening hours: now “Saved first”");
  await expect(other.getByLabel("About your practice")).toHaveValue("Typed in the stale tab");
  await page.reload();
  await expect(page.getByRole("region", { name: /^Preview/ })).toContainText("Saved first");
  await expect(page.getByRole("region", { name: /^Preview/ })).not.toContainText("Typed in the stale tab");
});

test("a second therapist cannot open or submit the first one's listing, even with a forged id", async ({ page, login }, info) => {
  await login(page, uniqueEmail("owner", info));
  const first = await createListing(page, { name: `Owner Therapist ${info.project.name}` });

  const intruder = await login.newPage(uniqueEmail("intruder", info));
  const editPage = await intruder.goto(`/dashboard/listings/${first.id}/edit`);
  expect(editPage?.status()).toBe(404);
  expect((await intruder.goto(`/dashboard/listings/${first.id}`))?.status()).toBe(404);

  // The intruder's own edit form, with the hidden id swapped for the first listing's.
  const own = await createListing(intruder, { name: `Intruder Therapist ${info.project.name}` });
  await intruder.goto(`/dashboard/listings/${own.id}/edit`);
  await intruder.locator('input[name="id"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), first.id);
  await intruder.getByLabel("Name shown to patients (required)").fill("Hijacked");
  const [response] = await Promise.all([
    intruder.waitForResponse((r) => r.request().method() === "POST"),
    intruder.getByRole("button", { name: "Save changes" }).click(),
  ]);
  expect([403, 404]).toContain(response.status());

  // The same with the publish form, and with the "confirm current" form.
  await intruder.goto(`/dashboard/listings/${own.id}`);
  const publishForm = intruder.locator("form").filter({ has: intruder.getByRole("button", { name: "Publish", exact: true }) });
  await publishForm.locator('input[name="id"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), first.id);
  const [publish] = await Promise.all([
    intruder.waitForResponse((r) => r.request().method() === "POST"),
    intruder.getByRole("button", { name: "Publish", exact: true }).click(),
  ]);
  expect([403, 404]).toContain(publish.status());
  await intruder.goto(`/dashboard/listings/${own.id}`);
  const confirmForm = intruder.locator("form").filter({ has: intruder.getByRole("button", { name: "Confirm this listing is current" }) });
  await confirmForm.locator('input[name="id"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), first.id);
  const [confirm] = await Promise.all([
    intruder.waitForResponse((r) => r.request().method() === "POST"),
    intruder.getByRole("button", { name: "Confirm this listing is current" }).click(),
  ]);
  expect([403, 404]).toContain(confirm.status());

  // Nothing changed: still the owner's name, still not published, one revision.
  await page.goto(`/dashboard/listings/${first.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(first.name);
  await expect(page.getByText("Status: Not published")).toBeVisible();
  await expect(page.getByRole("region", { name: "History of changes" }).getByRole("listitem")).toHaveCount(1);
  // The intruder's own listing kept its own name too.
  await intruder.goto(`/dashboard/listings/${own.id}`);
  await expect(intruder.getByRole("heading", { level: 1 })).toHaveText(own.name);
  // And a therapist is not an administrator.
  expect((await intruder.goto("/admin"))?.status()).toBe(404);
});

test("an administrator checks a licence from the queue", async ({ page, login }, info) => {
  await login(page, uniqueEmail("licensed", info));
  const number = `CHK-${info.project.name}-${Date.now().toString(36)}`;
  const listing = await createListing(page, { name: `Licensed Therapist ${info.project.name}`, license: number });

  const admin = await login.newPage(DEMO_ADMIN);
  await admin.goto("/admin");
  await expect(admin.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
  const check = admin.getByRole("form", { name: `Record the check of licence ${number}` });
  // The state's look-up address from the reviewed rules, or, where none is on file, a plain
  // "no look-up address on file" (never "the board publishes none").
  const lookup = admin.getByRole("link", { name: new RegExp(`^Look up licence ${number} with `) });
  const noLookup = admin.getByText(/^No look-up address on file for New York: check with the regulator directly/);
  await expect(lookup.or(noLookup).first()).toBeVisible();
  if (await lookup.count()) await expect(lookup).toHaveAttribute("href", /^https:\/\//);
  await check.getByLabel("Board shows").selectOption("active");
  await check.getByLabel("Checked on").fill("2026-11-20");
  await check.getByLabel("Note").fill("Active on the board's look-up");
  await check.getByRole("button", { name: `Record check of ${number}` }).click();
  await expect(admin.getByRole("status")).toHaveText("Licence check saved; the owner was told by e-mail.");
  await expect(admin.getByRole("form", { name: `Record the check of licence ${number}` })).toHaveCount(0);

  await page.goto(`/dashboard/listings/${listing.id}`);
  await expect(page.getByRole("region", { name: /^Preview/ })).toContainText(`LMT, New York - active, checked with the state board on 2026-11-20. Licence number ${number}.`);
  await expect(page.getByRole("region", { name: "History of changes" })).toContainText(`by ${DEMO_ADMIN}`);

  // Published, the public profile shows the licence as checked, with the date.
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status")).toContainText("Published");
  const href = (await page.getByRole("link", { name: /^\/therapists\// }).getAttribute("href"))!;
  await page.goto(href);
  await expect(page.getByText("LMT, New York - active, checked with the state board on 2026-11-20").first()).toBeVisible();
});

test("stored XSS: HTML and script payloads in every text field render as text", async ({ page, login }, info) => {
  const dialogs: string[] = [];
  const watch = (p: Page) => p.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  watch(page);
  await login(page, uniqueEmail("xss", info));
  const payload = `<script>alert("xss")</script><img src=x onerror=alert(1)>`;
  const short = `<img src=x onerror=alert(2)>`;
  const name = `X ${payload}`.slice(0, 120);
  const listing = await createListing(page, {
    name,
    license: short,
    extra: async (p) => {
      for (const label of ["Practice name", "About your practice", "Street address", "Opening hours", "Accessibility notes", "Your sciatica experience, in your words", "NCBTMB certificate number", "Massage school", "Professional memberships", "Insurance plans", "Languages"]) {
        await p.getByLabel(label, { exact: true }).fill(["NCBTMB certificate number", "Languages"].includes(label) ? short : payload);
      }
      await p.getByLabel("Licence 1: credential title").fill(short);
      await p.getByLabel("Website").fill(`https://example.org/"><script>alert(3)</script>`);
    },
  });
  const preview = page.getByRole("region", { name: /^Preview/ });
  await expect(preview.getByText(payload).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status")).toContainText("Published");
  await page.goto(`/dashboard/listings/${listing.id}/edit`);
  await expect(page.getByLabel("Opening hours")).toHaveValue(payload);
  await page.goto("/dashboard");
  await expect(page.getByText(name).first()).toBeVisible();

  const admin = await login.newPage(DEMO_ADMIN);
  watch(admin);
  await admin.goto("/admin");
  await expect(admin.getByText(short).first()).toBeVisible();
  await admin.goto(`/admin?q=${encodeURIComponent(payload.slice(0, 20))}`);
  await expect(admin.getByText(name).first()).toBeVisible();
  await expect(admin.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("security headers on pages and API answers", async ({ request }) => {
  for (const path of ["/", "/signin", "/api/health"]) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["strict-transport-security"], path).toMatch(/max-age=\d{7,}/);
    const csp = h["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1] ?? "";
    expect(scriptSrc, path).not.toContain("unsafe-inline");
  }
  const page = await request.get("/");
  const csp = page.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  // Next.js's inline scripts carry this request's nonce.
  expect(await page.text()).toContain(`nonce="${nonce}"`);
  const again = await request.get("/");
  expect(again.headers()["content-security-policy"]).not.toBe(csp);
});

test("a therapist claims an existing listing; an administrator approves it, then unpublishes it with a reason", async ({ page, login, request }, info) => {
  await login(page, uniqueEmail("claimant", info));
  // Fictional demo listings cannot be claimed, and the claim search says so.
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Claim an existing listing" }).click();
  await page.getByLabel("Your name or practice name").fill("er");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("Fictional demo listing: it cannot be claimed.").first()).toBeVisible();

  // A listing nobody owns that is not demo data (as the registry import will add).
  const name = `Claimable Practice ${info.project.name} ${Date.now().toString(36)}`;
  await addUnownedListing(request, { displayName: name, email: `practice-${Date.now().toString(36)}@example.org`, licenceNumber: "MT-4242" });
  await page.getByLabel("Your name or practice name").fill(name);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: `Claim ${name}` }).click();
  // No proof chosen: not sent, and said why.
  await page.getByRole("button", { name: `Claim ${name}` }).click();
  await expect(page.getByRole("alert").first()).toContainText("Your claim was not sent");
  await page.getByLabel("Write a note for the administrator").check();
  await page.getByLabel("Note for the administrator (for the note option)").fill("Call the practice number on the listing; I answer it.");
  await page.getByRole("button", { name: `Claim ${name}` }).click();
  await expect(page.getByRole("status")).toContainText("Your claim was sent");
  await expect(page.getByRole("region", { name: "Your claims" })).toContainText(`${name}`);

  const admin = await login.newPage(DEMO_ADMIN);
  await admin.goto("/admin");
  const decide = admin.getByRole("form", { name: `Decide the claim of ${name}` }).first();
  await expect(admin.getByRole("region", { name: /Claims waiting/ })).toContainText("note: “Call the practice number on the listing; I answer it.”");
  await decide.getByLabel("Note").fill("Checked by phone");
  await decide.getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByRole("status")).toHaveText("Claim approved.");
  await admin.goto("/dev/outbox");
  await expect(admin.getByRole("link", { name: `Therapist Finder: your claim of ${name} was approved` })).toBeVisible();

  await page.goto("/dashboard");
  await expect(page.getByRole("link", { name: `Edit ${name}` })).toBeVisible();

  await admin.goto(`/admin?q=${encodeURIComponent(name)}`);
  const moderate = admin.getByRole("form", { name: `Unpublish ${name}` }).first();
  await moderate.getByLabel("Reason (shown to the owner)").fill("Photos of someone else's practice");
  await moderate.getByRole("button", { name: `Unpublish ${name}` }).click();
  await expect(admin.getByRole("status")).toHaveText("Listing unpublished and locked: its owner cannot publish it until you lift the lock.");

  await page.goto("/dashboard");
  await expect(page.getByText("Locked by an administrator: Photos of someone else's practice.")).toBeVisible();
});

test("a therapist claims a listing by the link sent to its public e-mail", async ({ page, login, request }, info) => {
  const email = uniqueEmail("link-claimant", info);
  await login(page, email);
  const name = `Linked Practice ${info.project.name} ${Date.now().toString(36)}`;
  const listingEmail = `linked-${Date.now().toString(36)}@example.org`;
  await addUnownedListing(request, { displayName: name, email: listingEmail, licenceNumber: "MT-5151" });
  await page.goto(`/dashboard/claim?q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name: `Claim ${name}` }).click();
  await page.getByLabel(/Send a link to the listing's public e-mail/).check();
  await page.getByRole("button", { name: `Claim ${name}` }).click();
  await expect(page.getByRole("status")).toContainText("We sent a link to the listing's public e-mail.");
  // The link went to the listing's e-mail (the demo outbox); opened while signed in, it confirms.
  await page.goto("/dev/outbox");
  await page.getByRole("link", { name: "Therapist Finder: confirm that this listing is yours" }).first().click();
  await expect(page.getByRole("heading", { name: "Confirm your claim" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm: this listing is mine" }).click();
  await expect(page.getByRole("status")).toHaveText("Your claim was approved: the listing is now yours to edit.");
  await expect(page.getByRole("link", { name: `Edit ${name}` })).toBeVisible();
});

test("a therapist claims a listing with a licence number and a proof file; a bad file is refused and the number kept", async ({ page, login, request }, info) => {
  await login(page, uniqueEmail("licence-claimant", info));
  const name = `Licensed Practice ${info.project.name} ${Date.now().toString(36)}`;
  const { id } = await addUnownedListing(request, { displayName: name, email: `licensed-${Date.now().toString(36)}@example.org`, licenceNumber: "MT-7070" });
  await page.goto(`/dashboard/claim/${id}`);
  const form = page.getByRole("form", { name: `Claim ${name} with a licence number` });
  await form.getByLabel("Licence number (as shown on the listing)").fill("MT-7070");
  await form.getByLabel(/Proof file/).setInputFiles({ name: "licence.pdf", mimeType: "application/pdf", buffer: Buffer.from("<!doctype html><script>alert(1)</script>") });
  await form.getByRole("button", { name: "Send the licence number and proof file" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Your claim was not sent: Only PDF, PNG and JPEG files are accepted.");
  await expect(page.getByLabel("Licence number (as shown on the listing)")).toHaveValue("MT-7070");
  await page.getByLabel(/Proof file/).setInputFiles({ name: "licence.png", mimeType: "image/png", buffer: makePng() });
  await page.getByRole("button", { name: "Send the licence number and proof file" }).click();
  await expect(page.getByRole("status")).toContainText("Your claim was sent");

  const admin = await login.newPage(DEMO_ADMIN);
  await admin.goto("/admin");
  const claim = admin.getByRole("region", { name: /Claims waiting/ }).getByRole("listitem").filter({ hasText: name });
  await expect(claim).toContainText("licence number MT-7070");
  const href = await claim.getByRole("link", { name: "Download the proof file (licence.png)" }).getAttribute("href");
  const file = await admin.request.get(href!);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-disposition"]).toMatch(/^attachment;/);
  // The claimant cannot download it.
  expect((await page.request.get(href!)).status()).toBe(404);
});
