// Accessibility scan (axe, WCAG 2.2 AA rules) of the dashboard and administration pages, signed
// in through the login fixture (the sign-in pages are scanned in sign-in.spec.ts).
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { addUnownedListing, DEMO_ADMIN, expect, test, uniqueEmail } from "./fixtures";

async function scan(page: Page, path: string) {
  await page.goto(path);
  await expectNoAxeViolations(page);
}

test("dashboard, listing form and claim pages have no axe violations", async ({ page, login, request }, info) => {
  await login(page, uniqueEmail("a11y", info));
  await scan(page, "/dashboard");
  await scan(page, "/dashboard/new");
  // The form with errors showing.
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  await expectNoAxeViolations(page);
  await scan(page, "/dashboard/claim?q=er");
  // The claim form, with its errors showing, and the e-mail link's confirmation page.
  const { id } = await addUnownedListing(request, { displayName: `A11y Practice ${info.project.name}`, email: "a11y-practice@example.org", licenceNumber: "MT-1" });
  await scan(page, `/dashboard/claim/${id}`);
  await page.getByRole("button", { name: /^Claim / }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await scan(page, "/dashboard/claim/confirm?token=abcdefghijklmnopqrstuvwxyz");
});

test("the administration page has no axe violations", async ({ page, login }) => {
  await login(page, DEMO_ADMIN);
  await scan(page, "/admin");
});

test("a profile's report form, open and with an error, has no axe violations", async ({ page }) => {
  const found = await page.request.get("/api/therapists?location=10001&pageSize=1");
  const { results } = (await found.json()) as { results: { slug: string }[] };
  await page.goto(`/therapists/${results[0]!.slug}`);
  await page.getByText("Report incorrect information").click();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByText("Tick what is wrong or describe it (or both).")).toBeVisible();
  await expectNoAxeViolations(page);
});
