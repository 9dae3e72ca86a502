import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { notFoundResponseSchema, stateListResponseSchema, stateResponseSchema } from "@/lib/licensing/state-api";


const bodyRows = (page: Page) => page.getByRole("table").getByRole("rowgroup").nth(1).getByRole("row");

test("/licensing lists all 51 entries, sorts through the URL and filters to no statewide licence", async ({ page }) => {
  await page.goto("/licensing");
  // The wide table scrolls inside its own region; the page itself never scrolls sideways (375 px phones).
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await expect(page.getByRole("heading", { level: 1, name: "Massage therapy licensing by state" })).toBeVisible();
  const table = page.getByRole("table", { name: /50 states and DC \(51 entries\)/ });
  await expect(table).toBeVisible();
  await expect(bodyRows(page)).toHaveCount(51);
  await expect(table.getByRole("rowheader", { name: "District of Columbia" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /^State/ })).toHaveAttribute("aria-sort", "ascending");

  // Sort by minimum hours, then reverse: a plain link, so it works without JavaScript too.
  await table.getByRole("link", { name: /Minimum training hours/ }).click();
  await expect(page).toHaveURL(/\/licensing\?sort=hours$/);
  await expect(page.getByRole("columnheader", { name: /Minimum training hours/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(bodyRows(page).first().getByRole("cell").nth(2)).toHaveText("500 hours");
  await page.getByRole("table").getByRole("link", { name: /Minimum training hours/ }).click();
  await expect(page).toHaveURL(/sort=hours&dir=desc/);
  await expect(page.getByRole("columnheader", { name: /Minimum training hours/ })).toHaveAttribute("aria-sort", "descending");
  await expect(bodyRows(page).first().getByRole("cell").nth(2)).toHaveText("1,000 hours");

  await page.getByRole("navigation", { name: "Filter states" }).getByRole("link", { name: /No statewide licence/ }).click();
  await expect(page).toHaveURL(/filter=no-statewide/);
  await expect(bodyRows(page)).toHaveCount(3);
  for (const name of ["Kansas", "Minnesota", "Wyoming"]) {
    await expect(page.getByRole("rowheader", { name })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: /No statewide licence/ })).toHaveAttribute("aria-current", "page");
});

test("the index summary is counted from the data, and a state page shows what changed and when", async ({ page }) => {
  await page.goto("/licensing");
  await expect(page.getByText(/1 only registers therapists \(Vermont\)/)).toBeVisible();
  await expect(page.getByText(/3 have no statewide licence \(Kansas, Minnesota and Wyoming\)/)).toBeVisible();
  await expect(page.getByText(/a few only register/)).toHaveCount(0);

  await page.goto("/licensing/ms");
  await expect(page.getByText("550 hours", { exact: true })).toBeVisible();
  const changes = page.getByRole("region", { name: "What changed and when" });
  await expect(changes.getByRole("listitem").filter({ hasText: /700 hours .* to 550 hours/ })).toBeVisible();
  await expect(changes.getByRole("listitem").first().locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}$/);
  // Reviewed this year: no stale-review notice.
  await expect(page.getByText("Last reviewed over a year ago")).toHaveCount(0);
  // A state without a look-up address on file never says the board publishes none.
  await expect(page.getByText("No look-up address on file", { exact: true })).toBeVisible();
  await expect(page.getByText(/^No look-up address on file: check the licence with the (state )?regulator/)).toBeVisible();
  await expect(page.getByText(/publishes no/)).toHaveCount(0);
  const sources = page.getByRole("region", { name: "Sources and review" });
  await expect(sources.getByText(/primary: administrative code/).first()).toBeVisible();
});

test("an unrecognised table option falls back to the default with a message, not an error", async ({ page }) => {
  const res = await page.goto("/licensing?sort=bogus");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("status")).toContainText("not recognised (sort)");
  await expect(bodyRows(page)).toHaveCount(51);
});

test("a state page shows the whole entry, the checklist, sources, review date and the therapist search", async ({ page }) => {
  await page.goto("/licensing");
  await page.getByRole("link", { name: "New York", exact: true }).click();
  await expect(page).toHaveURL(/\/licensing\/ny$/);
  await expect(page.getByRole("heading", { level: 1, name: "Massage therapy licensing in New York" })).toBeVisible();
  await expect(page.getByText("State licence required").first()).toBeVisible();
  await expect(page.getByText("1,000 hours", { exact: true })).toBeVisible();
  const verify = page.getByRole("region", { name: "How to verify a therapist here" });
  await expect(verify.getByRole("listitem").filter({ hasText: "no disciplinary action" })).toBeVisible();
  const sources = page.getByRole("region", { name: "Sources and review" });
  await expect(sources.getByText(/Last reviewed: \d{4}-\d{2}-\d{2}/)).toBeVisible();
  expect(await sources.getByRole("listitem").getByRole("link").count()).toBeGreaterThan(0);
  const search = page.getByRole("link", { name: /Search therapists in New York \([\d,]+ listed\)/ });
  await expect(search).toHaveAttribute("href", "/therapists?location=NY");
  // After a client-side navigation the index's canonical link can stay in the head for a moment
  // beside the state page's (seen once in CI): wait until only the state page's is left.
  const canonical = page.locator('link[rel="canonical"]');
  await expect(canonical).toHaveCount(1);
  await expect(canonical).toHaveAttribute("href", /\/licensing\/ny$/);
  await expect(page).toHaveTitle(/Massage therapy licensing in New York/);
});

test("Kansas, any case: no statewide licence, local licences and what to check instead", async ({ page }) => {
  for (const path of ["/licensing/ks", "/licensing/KS"]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Massage therapy licensing in Kansas" })).toBeVisible();
  }
  const verify = page.getByRole("region", { name: "How to verify a therapist here" });
  await expect(verify).toContainText("city or county");
  await expect(verify).toContainText("NCBTMB");
  await expect(verify).toContainText("AMTA or ABMP");
  await expect(page.getByRole("link", { name: /Search therapists in Kansas \([1-9][\d,]* listed\)/ })).toHaveAttribute("href", "/therapists?location=KS");
});

test("a field the review could not establish says so (DC's licence look-up)", async ({ page }) => {
  await page.goto("/licensing/dc");
  await expect(page.getByRole("heading", { level: 1, name: /District of Columbia/ })).toBeVisible();
  await expect(page.getByText("Not established from a source").first()).toBeVisible();
});

test("full state names redirect to the code; unknown states are a 404 page", async ({ page }) => {
  await page.goto("/licensing/kansas");
  await expect(page).toHaveURL(/\/licensing\/ks$/);
  await page.goto("/licensing/new-york");
  await expect(page).toHaveURL(/\/licensing\/ny$/);
  await page.goto("/licensing/new%20york");
  await expect(page).toHaveURL(/\/licensing\/ny$/);
  await page.goto("/licensing/District-of-Columbia");
  await expect(page).toHaveURL(/\/licensing\/dc$/);
  for (const path of ["/licensing/zz", "/licensing/atlantis", "/licensing/%25"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "State not found" })).toBeVisible();
  }
});

test("the API: all states, any-case codes give the same entry, unknown codes 404 JSON", async ({ request }) => {
  const all = await request.get("/api/states");
  expect(all.status()).toBe(200);
  const list = stateListResponseSchema.parse(await all.json());
  expect(list.count).toBe(51);
  expect(list.states).toHaveLength(51);

  const lower = await request.get("/api/states/ks");
  const upper = await request.get("/api/states/KS");
  expect(lower.status()).toBe(200);
  expect(upper.status()).toBe(200);
  const ks = stateResponseSchema.parse(await lower.json());
  expect(await upper.json()).toEqual(ks);
  expect(ks.state).toMatchObject({ code: "KS", regulation: "none", minTrainingHours: null, links: { page: "/licensing/ks", therapists: "/therapists?location=KS" } });
  expect(list.states.find((s) => s.code === "KS")).toEqual(ks.state);

  for (const code of ["zz", "kansas", "k", "%20"]) {
    const res = await request.get(`/api/states/${code}`);
    expect(res.status(), code).toBe(404);
    expect(res.headers()["content-type"]).toContain("application/json");
    expect(notFoundResponseSchema.parse(await res.json()).error.code).toBe("not_found");
  }
});

test("no accessibility violations on /licensing, the filtered table and a state page", async ({ page }) => {
  // axe on the 51-row table takes a while on a busy 2-core machine.
  test.setTimeout(180_000);
  for (const path of ["/licensing", "/licensing?filter=no-statewide", "/licensing/ks", "/licensing/ca", "/licensing/zz"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  }
});
