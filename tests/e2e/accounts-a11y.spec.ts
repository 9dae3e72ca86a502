// Accessibility scan (axe, WCAG 2.2 AA rules) of the dashboard and administration pages, signed
// in through the login fixture (the sign-in pages are scanned in sign-in.spec.ts).
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { DEMO_ADMIN, expect, test, uniqueEmail } from "./fixtures";

async function scan(page: Page, path: string) {
  await page.goto(path);
  await expectNoAxeViolations(page);
}

test("dashboard, listing form and claim pages have no axe violations", async ({ page, login }, info) => {
  await login(page, uniqueEmail("a11y", info));
  await scan(page, "/dashboard");
  await scan(page, "/dashboard/new");
  // The form with errors showing.
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  await expectNoAxeViolations(page);
  await scan(page, "/dashboard/claim?q=er");
});

test("the administration page has no axe violations", async ({ page, login }) => {
  await login(page, DEMO_ADMIN);
  await scan(page, "/admin");
});
