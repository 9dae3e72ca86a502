// Listings imported from the national provider registry (issue 19): playwright.config.ts imports
// tests/fixtures/registry/npidata-e2e.csv through `npm run import:registry` before the server
// starts. An imported listing appears in search with its label, shows only the registry's facts,
// and a therapist claims it with its NPI and a licence number on it (plus a proof file).
import { makePng } from "../helpers/proof-files";
import { expectNoAxeViolations } from "./axe";
import { DEMO_ADMIN, expect, test, uniqueEmail } from "./fixtures";

const LABEL = "From the national provider registry; not yet claimed by the therapist";
// One fictional listing per browser project (scripts/registry-fixtures.ts).
const LISTINGS = {
  "desktop-chromium": { name: "Wren Registrytest", npi: "0000000041", licence: "TEST-00041" },
  "phone-chromium": { name: "Quill Registrytest", npi: "0000000042", licence: "TEST-00042" },
} as const;

test("an imported listing appears in search with its label; its therapist claims it with the NPI and a licence number", async ({ page, login }, info) => {
  // Four axe scans and two signed-in pages: more than the default minute on this shared machine.
  test.slow();
  const listing = LISTINGS[info.project.name as keyof typeof LISTINGS];
  await page.goto("/therapists?location=58501");
  const card = page.getByRole("article", { name: `${listing.name}, LMT` });
  await expect(card).toContainText(LABEL);
  await expect(card).toContainText("as registered on March 15, 2026");
  await expect(card).toContainText("registered with NPPES, not checked with the state board");
  await expectNoAxeViolations(page);

  await card.getByRole("link", { name: `${listing.name}, LMT` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${listing.name}, LMT` })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(LABEL);
  await expect(page.getByRole("main")).toContainText(`NPI ${listing.npi}`);
  // Only the registry's facts: no criteria checklist, no prices.
  await expect(page.getByRole("heading", { name: "The six selection criteria" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await login(page, uniqueEmail("registry-claimant", info));
  await page.goto(`/dashboard/claim?q=${encodeURIComponent(listing.name)}`);
  await page.getByRole("link", { name: `Claim ${listing.name}` }).click();
  await expectNoAxeViolations(page);
  // The removal request takes the same proof: a licence number not on the listing is refused.
  const removal = page.getByRole("form", { name: `Ask for the removal of ${listing.name}` });
  await removal.getByLabel(/Your NPI/).fill(listing.npi);
  await removal.getByLabel("Licence number (as shown on the listing)").fill("TEST-NOT-HERE");
  await removal.getByRole("button", { name: "Ask for the removal of this listing" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("The NPI or the licence number does not match this listing. Nothing was sent.");
  const form = page.getByRole("form", { name: `Claim ${listing.name} with a licence number` });
  await form.getByLabel("Licence number (as shown on the listing)").fill(listing.licence);
  // A wrong NPI is refused, the number kept.
  await form.getByLabel(/Your NPI/).fill("0000000099");
  await form.getByLabel(/Proof file/).setInputFiles({ name: "licence.png", mimeType: "image/png", buffer: makePng() });
  await form.getByRole("button", { name: "Send the licence number and proof file" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("That is not the NPI of this listing.");
  await form.getByLabel(/Your NPI/).fill(listing.npi);
  await form.getByLabel(/Proof file/).setInputFiles({ name: "licence.png", mimeType: "image/png", buffer: makePng() });
  await form.getByRole("button", { name: "Send the licence number and proof file" }).click();
  await expect(page.getByRole("status")).toContainText("Your claim was sent");

  const admin = await login.newPage(DEMO_ADMIN);
  await admin.goto("/admin");
  const claim = admin.getByRole("region", { name: /Claims waiting/ }).getByRole("listitem").filter({ hasText: listing.name });
  await expect(claim).toContainText(`licence number ${listing.licence}, which matches a licence on the listing, and the listing's NPI ${listing.npi}`);
  await admin.getByRole("form", { name: `Decide the claim of ${listing.name}` }).getByRole("button", { name: "Approve" }).click();
  await expect(admin.getByRole("status")).toHaveText("Claim approved.");
  await expect(admin.getByRole("heading", { name: /Removal requests for registry listings/ })).toBeVisible();
  await expectNoAxeViolations(admin);

  await page.goto("/dashboard");
  await expect(page.getByRole("link", { name: `Edit ${listing.name}` })).toBeVisible();
});
