// The price, language, gender and practice-detail filters and the price sort, used through the
// results page by their visible labels; the page's results agree with GET /api/therapists.
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { expect, test, uniqueEmail } from "./fixtures";

const results = (page: Page) => page.getByRole("article");
const total = async (page: Page) => Number((await page.getByRole("heading", { level: 1 }).textContent())!.match(/^([\d,]+)/)![1]!.replace(/,/g, ""));

/** Opens "More filters" unless it is open already. */
async function openMoreFilters(page: Page) {
  if (!(await page.getByLabel("Lowest price").isVisible())) await page.getByText("More filters: modalities, credentials, insurance, name").click();
  await expect(page.getByLabel("Lowest price")).toBeVisible();
}

/** The page's result names and the API's for the page's own query are the same list. */
async function expectApiAgrees(page: Page, request: import("@playwright/test").APIRequestContext) {
  const query = new URL(page.url()).search;
  const api = await (await request.get(`/api/therapists${query}`)).json();
  const names = await results(page).getByRole("heading", { level: 3 }).allTextContents();
  expect(api.results.map((r: { displayName: string }) => r.displayName)).toEqual(names);
  expect(api.total).toBe(await total(page));
  return api as { results: { url: string; price: { min: number | null; max: number | null } }[] };
}

/** The fact a profile page states under `term` (a <dt>). */
const fact = (page: Page, term: string) => page.locator("dt", { hasText: term }).first().locator("xpath=following-sibling::dd[1]");

test("price range and lowest price first", async ({ page, request }) => {
  await page.goto("/therapists?location=CA");
  const everyone = await total(page);
  await openMoreFilters(page);
  await page.getByLabel("Lowest price").fill("70");
  await page.getByLabel("Highest price").fill("90");
  await page.getByLabel("Sort by").selectOption({ label: "Lowest price first" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/minPrice=70&maxPrice=90/);
  expect(new URL(page.url()).searchParams.get("sort")).toBe("price");
  await expect(page.getByRole("link", { name: "Remove filter: $70 to $90 per 60-minute session" })).toBeVisible();
  await expect(page.getByText("sorted by lowest price first")).toBeVisible();
  const filtered = await total(page);
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(everyone);

  const api = await expectApiAgrees(page, request);
  const lows = api.results.map((r) => r.price.min ?? r.price.max!);
  expect(lows).toEqual([...lows].sort((a, b) => a - b));
  for (const r of api.results) {
    expect(r.price.min ?? r.price.max!).toBeLessThanOrEqual(90);
    expect(r.price.max ?? r.price.min!).toBeGreaterThanOrEqual(70);
  }
  // The form shows the search it ran.
  await openMoreFilters(page);
  await expect(page.getByLabel("Lowest price")).toHaveValue("70");
  await expect(page.getByLabel("Highest price")).toHaveValue("90");
});

test("language: the menu offers the languages therapists state", async ({ page, request }) => {
  await page.goto("/therapists?location=CA");
  await openMoreFilters(page);
  const speaks = page.getByLabel("Speaks");
  await expect(speaks.getByRole("option", { name: "Spanish" })).toHaveCount(1);
  await speaks.selectOption({ label: "Spanish" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/language=Spanish/);
  await expect(page.getByRole("link", { name: "Remove filter: Speaks Spanish" })).toBeVisible();
  const api = await expectApiAgrees(page, request);
  expect(api.results.length).toBeGreaterThan(0);
  await page.goto(api.results[0]!.url);
  await expect(fact(page, "Languages")).toContainText("Spanish");
});

test("gender: only what therapists chose to state, labelled as theirs", async ({ page, request }) => {
  await page.goto("/therapists?location=CA");
  await openMoreFilters(page);
  const gender = page.getByLabel("Therapist’s gender");
  const offered = (await gender.getByRole("option").allTextContents()).map((s) => s.trim());
  expect(offered).toEqual(["Any (or not stated)", "Man", "Non-binary", "Woman"]);
  await gender.selectOption({ label: "Non-binary" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/gender=Non-binary/);
  await expect(page.getByRole("link", { name: "Remove filter: Gender: Non-binary (as the therapist states)" })).toBeVisible();
  const api = await expectApiAgrees(page, request);
  expect(api.results.length).toBeGreaterThan(0);
  await page.goto(api.results[0]!.url);
  await expect(fact(page, "Gender (as the therapist describes it)")).toHaveText("Non-binary");
});

test("wheelchair access, superbills and HSA/FSA, ticked by keyboard", async ({ page, request }) => {
  await page.goto("/therapists?location=CA");
  await openMoreFilters(page);
  for (const label of ["Wheelchair accessible", "Gives superbills for out-of-network claims", "Accepts HSA/FSA cards"]) {
    await page.getByLabel(label).focus();
    await page.keyboard.press("Space");
    await expect(page.getByLabel(label)).toBeChecked();
  }
  // Enter in a field submits the whole form.
  await page.getByLabel("Highest price").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/wheelchair=1&superbills=1&hsaFsa=1/);
  for (const chip of ["Wheelchair accessible", "Gives superbills for out-of-network claims", "Accepts HSA/FSA cards"]) {
    await expect(page.getByRole("link", { name: `Remove filter: ${chip} (as the therapist states)` })).toBeVisible();
  }
  const api = await expectApiAgrees(page, request);
  expect(api.results.length).toBeGreaterThan(0);
  await page.goto(api.results[0]!.url);
  await expect(fact(page, "Accessibility")).toContainText("Wheelchair accessible");
  await expect(fact(page, "Superbills")).toContainText("Yes");
  await expect(fact(page, "HSA/FSA cards")).toContainText("Yes");
});

test("no results: the advice names the new filter to remove, and the page passes axe", async ({ page }) => {
  await page.goto("/therapists?location=10001&maxPrice=1&wheelchair=1");
  await expect(page.getByRole("heading", { name: "No therapists match every filter" })).toBeVisible();
  const advice = page.getByRole("region", { name: "No therapists match every filter" });
  await expect(advice.getByRole("link", { name: 'Remove "Up to $1 per 60-minute session"' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await openMoreFilters(page);
  await expectNoAxeViolations(page);
});

test("a bad price is a message next to the field, named as the form names it", async ({ page }) => {
  await page.goto("/therapists?location=CA&minPrice=120&maxPrice=60");
  const alert = page.getByRole("alert", { name: "Please check your search" });
  await expect(alert).toContainText("Highest price:");
  await expect(page.getByLabel("Highest price")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
});

test("a therapist may state a gender (optional) and take it back; search follows", async ({ page, login }, info) => {
  await login(page, uniqueEmail("gender", info));
  const name = `Gender Field Therapist ${info.project.name}`;
  await page.getByRole("link", { name: "Create a new listing" }).click();
  await page.getByLabel("Name shown to patients (required)").fill(name);
  await page.getByLabel("ZIP code of your practice (required)").fill("10001");
  await page.getByLabel("Licence 1: state").selectOption("NY");
  await page.getByLabel("Licence 1: number").fill(`G-${info.project.name}`);
  await page.getByLabel("Licence 1: credential title").fill("LMT");
  await page.getByLabel("Your gender (optional)").fill("Genderqueer");
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page.getByRole("status")).toContainText("Listing created");
  const preview = page.getByRole("region", { name: `Preview: ${name}` });
  await expect(fact(page, "Gender (as the therapist describes it)")).toHaveText("Genderqueer");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status")).toContainText("Published");

  const search = async () =>
    (await (await page.request.get(`/api/therapists?location=10001&gender=genderqueer&q=${encodeURIComponent(name)}`)).json()).results.map(
      (r: { displayName: string }) => r.displayName,
    );
  expect(await search()).toEqual([name]);

  await page.getByRole("link", { name: "Edit listing" }).click();
  await expect(page.getByLabel("Your gender (optional)")).toHaveValue("Genderqueer");
  await page.getByLabel("Your gender (optional)").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Changes saved");
  await expect(preview.locator("dt", { hasText: "Gender" })).toHaveCount(0);
  expect(await search()).toEqual([]);
});
