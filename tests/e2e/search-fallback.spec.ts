import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// No dead ends: Miles City, MT (59301) has no demo therapist within even the largest radius
// (100 miles). The page says how far the nearest are, shows them, and offers all of Montana;
// the count and that advice come before the form, so a phone shows them first.
test("a rural ZIP with no one within 100 miles: the nearest therapists anyway, and the whole state", async ({ page }) => {
  await page.goto("/therapists?location=59301");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("0 therapists within 25 miles of 59301 (Miles City, MT)");
  const advice = page.getByRole("region", { name: "No therapists match every filter" });
  await expect(advice).toContainText(/No one within 100 miles matches\. The nearest (is|are) \d+( to \d+)? miles away/);
  await expect(advice).toBeInViewport();

  // Before the form, in the page's order and on the screen.
  const form = page.getByRole("search", { name: "Search therapists" });
  expect((await advice.boundingBox())!.y).toBeLessThan((await form.boundingBox())!.y);

  const nearest = page.getByRole("article");
  const n = await nearest.count();
  expect(n).toBeGreaterThan(0);
  const miles: number[] = [];
  for (let i = 0; i < n; i++) {
    miles.push(Number((await nearest.nth(i).getByText(/miles away/).textContent())!.match(/([\d.]+) miles away/)![1]));
  }
  expect(miles[0]).toBeGreaterThan(100);
  expect(miles).toEqual([...miles].sort((a, b) => a - b));
  await expect(advice).toContainText(`${Math.round(miles[0]!)}`);

  await expectNoAxeViolations(page);

  await advice.getByRole("link", { name: "Search all of Montana" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^\d+ therapists? in Montana$/);
  expect(await page.getByRole("article").count()).toBeGreaterThan(0);
  await expect(page.getByLabel("ZIP code, city and state, or state")).toHaveValue("Montana");
});
