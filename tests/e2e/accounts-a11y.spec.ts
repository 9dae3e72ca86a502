// Accessibility scan (axe, WCAG 2.2 AA rules) of the sign-in, dashboard and administration pages.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

async function scan(page: Page, path: string) {
  await page.goto(path);
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(result.violations.map((v) => `${path}: ${v.id} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
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
  const withErrors = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  expect(withErrors.violations.map((v) => v.id)).toEqual([]);
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
