import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// Keyboard use of the results page: after every change of results made in the page, focus
// lands where the new results begin; a full page load leaves focus alone.

const resultsHeading = (page: Page) => page.getByRole("heading", { level: 2, name: "Results", exact: true });
const pages = (page: Page) => page.getByRole("navigation", { name: "Result pages" });

/** Presses Tab until `target` has focus (at most `limit` times) and checks it has. */
async function tabTo(page: Page, target: Locator, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) break;
  }
  await expect(target).toBeFocused();
}

/** A link that is visible only on focus is on screen when focused. */
async function expectOnScreen(page: Page, target: Locator) {
  const box = (await target.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
}

test("a full page load leaves focus alone; after a keyboard-only search, Skip to results lands on the results heading", async ({ page }) => {
  await page.goto("/therapists?location=10001");
  await expect(resultsHeading(page)).toBeVisible();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

  const location = page.getByLabel("ZIP code, city and state, or state");
  await tabTo(page, location);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Portland, OR");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/location=Portland/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("of Portland, OR");
  // The form loads a new page (a plain GET form), so focus starts at the top as on any page
  // load; "Skip to results" takes it to the new results.
  await tabTo(page, page.getByRole("link", { name: "Skip to results" }));
  await page.keyboard.press("Enter");
  await expect(resultsHeading(page)).toBeFocused();
});

test("filters removed by keyboard: focus moves to the next chip, then to the results heading", async ({ page }) => {
  await page.goto("/therapists?location=New%20York,%20NY&radius=50&modality=deep-tissue&modality=swedish&accepting=1");
  const chip = (name: string) => page.getByRole("link", { name: `Remove filter: ${name}` });
  await tabTo(page, chip("Deep tissue massage"));
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/deep-tissue/);
  await expect(chip("Deep tissue massage")).toHaveCount(0);
  await expect(chip("Swedish massage")).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/swedish/);
  const last = page.getByRole("link", { name: /^Remove filter: / });
  await expect(last).toHaveCount(1);
  await expect(last).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/accepting/);
  await expect(page.getByRole("link", { name: /^Remove filter: / })).toHaveCount(0);
  await expect(resultsHeading(page)).toBeFocused();
  await expectNoAxeViolations(page);
});

test("skip to pagination, then Next by keyboard: focus on the results heading of page 2", async ({ page }) => {
  await page.goto("/therapists?location=New%20York,%20NY&radius=50");
  const skip = page.getByRole("link", { name: "Skip to pagination" });
  await tabTo(page, skip, 20);
  await expectOnScreen(page, skip);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  expect(await pages(page).evaluate((nav) => nav.contains(document.activeElement))).toBe(true);

  await tabTo(page, pages(page).getByRole("link", { name: "Next page" }), 10);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/page=2/);
  await expect(pages(page).locator('[aria-current="page"]')).toHaveText("Page 2");
  await expect(resultsHeading(page)).toBeFocused();
  await expect(resultsHeading(page)).toBeInViewport();
  await expectNoAxeViolations(page);
});

test("skip to results moves focus to the results heading, and the next Tab reaches the results", async ({ page }) => {
  await page.goto("/therapists?location=10001&modality=deep-tissue");
  const skip = page.getByRole("link", { name: "Skip to results" });
  await tabTo(page, skip, 20);
  await expectOnScreen(page, skip);
  await page.keyboard.press("Enter");
  await expect(resultsHeading(page)).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Remove filter: Deep tissue massage" })).toBeFocused();
});

test("a suggestion followed by keyboard lands on the results heading", async ({ page }) => {
  await page.goto("/therapists?location=Portlnd,%20OR&modality=deep-tissue");
  const suggestion = page.getByRole("link", { name: "Portland, OR" });
  await tabTo(page, suggestion);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("of Portland, OR");
  await expect(resultsHeading(page)).toBeFocused();
});
