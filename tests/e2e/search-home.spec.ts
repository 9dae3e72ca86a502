import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// The home page: several types of massage at once, and no place needed (a search of the whole country).

async function twoModalitiesNoPlace(page: Page) {
  await page.goto("/");
  const form = page.getByRole("search", { name: "Find a therapist" });
  await expect(form.getByLabel("ZIP code, city and state, or state")).toHaveValue("");
  const types = form.getByRole("group", { name: /Types of massage/ });
  await types.getByLabel("Deep tissue massage").check();
  await types.getByLabel("Swedish massage").check();
  await form.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/therapists\?/);
  const url = new URL(page.url());
  expect(url.searchParams.getAll("modality").sort()).toEqual(["deep-tissue", "swedish"]);
  expect(url.searchParams.get("location") ?? "").toBe("");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("across the United States");
  await expect(page.getByRole("link", { name: "Remove filter: Deep tissue massage" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Remove filter: Swedish massage" })).toBeVisible();
  expect(await page.getByRole("article").count()).toBeGreaterThan(0);
}

test("two types of massage and no place: both filters applied, results nationwide", async ({ page }) => {
  await twoModalitiesNoPlace(page);
});

test("the sciatica combination is one click away and searches nationwide", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /Deep tissue \+ myofascial release \+ Swedish/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("across the United States");
  expect(new URL(page.url()).searchParams.getAll("modality")).toEqual(["deep-tissue", "myofascial-release", "swedish"]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the same search works", async ({ page }) => {
    await twoModalitiesNoPlace(page);
  });
});

test.describe("at 375 px", () => {
  test.use({ viewport: { width: 375, height: 812 } });
  test("axe finds no violations on the home page, and the red flags are still there", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: /get medical help first/i })).toBeVisible();
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
