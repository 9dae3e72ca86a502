// Accessibility scan (axe, WCAG 2.2 AA rules) of the sign-in, dashboard and administration pages.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

async function scan(page: Page, path: string) {
  await page.goto(path);
  await expectNoAxeViolations(page);
}

test("sign-in, outbox, dashboard, listing form and administration pages have no axe violations", async ({ page }, info) => {
  await scan(page, "/signin");
  const email = `a11y-${info.project.name}-${Date.now().toString(36)}@example.org`;
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your e-mail" })).toBeVisible();
  await scan(page, "/signin/check-email");
  await scan(page, "/dev/outbox");
  await page.getByRole("link", { name: `Sign-in link for ${email}` }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Your dashboard" })).toBeVisible();
  await scan(page, "/dashboard");
  await scan(page, "/dashboard/new");
  // The form with errors showing.
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  await expectNoAxeViolations(page);
  await scan(page, "/dashboard/claim?q=er");
});

test("the administration page has no axe violations", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("E-mail address").fill("admin@example.org");
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your e-mail" })).toBeVisible();
  await page.goto("/dev/outbox");
  await page.getByRole("link", { name: "Sign-in link for admin@example.org" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Your dashboard" })).toBeVisible();
  await scan(page, "/admin");
});
