import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

async function searchFromHome(page: Page) {
  await page.goto("/");
  const form = page.getByRole("search", { name: "Find a therapist" });
  await form.getByLabel("ZIP code, city and state, or state").fill("10001");
  await form.getByRole("group", { name: /Types of massage/ }).getByLabel("Deep tissue massage").check();
  await form.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/therapists\?location=10001&radius=25&modality=deep-tissue/);
}

const results = (page: Page) => page.getByRole("article");

test("search by ZIP and modality: only nearby deep tissue therapists, nearest first, and the API agrees", async ({ page, request }) => {
  await searchFromHome(page);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText("within 25 miles of 10001");
  const total = Number((await heading.textContent())!.match(/^([\d,]+)/)![1]!.replace(/,/g, ""));
  expect(total).toBeGreaterThan(0);

  const cards = results(page);
  const count = await cards.count();
  expect(count).toBeGreaterThan(0);
  const distances: number[] = [];
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    await expect(card.getByRole("definition").first()).toContainText("Deep tissue massage");
    const miles = Number((await card.getByText(/miles away/).textContent())!.match(/([\d.]+) miles away/)![1]);
    expect(miles).toBeLessThanOrEqual(25);
    distances.push(miles);
  }
  expect(distances).toEqual([...distances].sort((a, b) => a - b));

  const api = await (await request.get("/api/therapists?location=10001&modality=deep-tissue")).json();
  expect(api.total).toBe(total);
  const names = await cards.getByRole("heading", { level: 3 }).allTextContents();
  expect(api.results.map((r: { displayName: string }) => r.displayName)).toEqual(names);
});

test("add and remove a filter, page through, and open a result", async ({ page }) => {
  await page.goto("/therapists?location=New%20York,%20NY&radius=50");
  const before = await page.getByRole("heading", { level: 1 }).textContent();

  await page.getByText("More filters: modalities, credentials, insurance, name").click();
  await page.getByLabel("Accepts physician referrals").check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/referrals=1/);
  const chip = page.getByRole("link", { name: "Remove filter: Accepts physician referrals" });
  await expect(chip).toBeVisible();
  const filtered = await page.getByRole("heading", { level: 1 }).textContent();
  expect(filtered).not.toBe(before);

  await chip.click();
  await expect(page).not.toHaveURL(/referrals=1/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(before!);

  const firstOnPage1 = await results(page).first().getByRole("heading", { level: 3 }).textContent();
  const pages = page.getByRole("navigation", { name: "Result pages" });
  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(pages.locator('[aria-current="page"]')).toHaveText("Page 2");
  const firstOnPage2 = await results(page).first().getByRole("heading", { level: 3 }).textContent();
  expect(firstOnPage2).not.toBe(firstOnPage1);
  await pages.getByRole("link", { name: "Previous page" }).click();
  await expect(page).not.toHaveURL(/page=2/);

  const name = (await results(page).first().getByRole("heading", { level: 3 }).textContent())!;
  await results(page).first().getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(/\/therapists\/[a-z0-9-]+\?from=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same search works", async ({ page }) => {
    await searchFromHome(page);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("within 25 miles of 10001");
    expect(await results(page).count()).toBeGreaterThan(0);
    await page.getByText("More filters: modalities, credentials, insurance, name").click();
    await page.getByLabel("Myofascial release").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/modality=deep-tissue&modality=myofascial-release/);
    await expect(page.getByRole("link", { name: "Remove filter: Myofascial release" })).toBeVisible();
  });
});

test("bad input gets a clear message on the page and keeps what was typed", async ({ page }) => {
  const response = await page.goto("/therapists?location=Portlnd,%20OR&radius=500");
  expect(response!.status()).toBeLessThan(500);
  const alert = page.getByRole("alert", { name: "Please check your search" });
  await expect(alert).toContainText("radius must be at most 100");
  // The summary names the field as the form labels it, and takes the visitor to it.
  await expect(alert).toContainText("Within:");
  await expect(alert).not.toContainText("radius:");
  await alert.getByRole("link", { name: "Within" }).click();
  await expect(page).toHaveURL(/#f-radius$/);
  await expect(page.getByLabel("ZIP code, city and state, or state")).toHaveValue("Portlnd, OR");

  // "Did you mean" replaces the place and keeps every other filter.
  await page.goto("/therapists?location=Portlnd,%20OR&modality=deep-tissue&accepting=1");
  await expect(page.getByRole("alert", { name: "Please check your search" })).toContainText('We could not find a place called "Portlnd"');
  await page.getByRole("link", { name: "Portland, OR" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("of Portland, OR");
  const url = new URL(page.url());
  expect(url.searchParams.getAll("modality")).toEqual(["deep-tissue"]);
  expect(url.searchParams.get("accepting")).toBe("1");
});

test.describe("axe finds no violations on the results page", () => {
  for (const [name, path] of [
    ["without filters", "/therapists"],
    ["a ZIP search", "/therapists?location=10001"],
    ["with filters", "/therapists?location=10001&radius=50&modality=deep-tissue&modality=swedish&sciatica=some&licensed=1&sort=best"],
    ["with no results", "/therapists?location=59301&radius=5&modality=thai-massage&ncbtmb=1"],
    ["with an error", "/therapists?location=Portlnd,%20OR&radius=500"],
    ["a whole state", "/therapists?location=KS"],
  ] as const) {
    test(name, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }

  test("with the filters open", async ({ page }) => {
    await page.goto("/therapists?location=10001");
    await page.getByText("More filters: modalities, credentials, insurance, name").click();
    await expectNoAxeViolations(page);
  });
});

test("keyboard only: search from the home page and open a profile", async ({ page }) => {
  await page.goto("/");
  // Tab from the top of the page to the location field, type, and submit with Enter.
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press("Tab");
    if (await page.getByLabel("ZIP code, city and state, or state").evaluate((el) => el === document.activeElement)) break;
  }
  await page.keyboard.type("10001");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/location=10001/);
  const firstName = results(page).first().getByRole("heading", { level: 3 }).getByRole("link");
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    if (await firstName.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(firstName).toBeFocused();
  const name = (await firstName.textContent())!;
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});

test("the sort menu offers only what applies to the place searched, and names the default truthfully", async ({ page }) => {
  const sort = () => page.getByLabel("Sort by");
  // A whole state: best match is the default; "Nearest first" has no point to measure from.
  await page.goto("/therapists?location=MT");
  await expect(sort().locator("option", { hasText: "Default: best match" })).toHaveCount(1);
  await expect(sort().locator("option", { hasText: "Nearest first" })).toHaveCount(0);
  // A ZIP code: nearest first is the default and offered.
  await page.goto("/therapists?location=10001");
  await expect(sort().locator("option", { hasText: "Default: nearest first" })).toHaveCount(1);
  await expect(sort().locator("option", { hasText: "Nearest first" })).toHaveCount(2);
});
