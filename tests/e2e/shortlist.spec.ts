// The shortlist, on the production build, on desktop and phone: saved in this browser only (no
// cookie, no request to another site, nothing sent to the server), compared side by side with the
// questions to ask, the comparison's link opened in a fresh browser shows the same, and a link
// with unknown or malformed entries shows the rest and names them.
import { expect, test, type Page } from "@playwright/test";
import { SHORTLIST_KEY } from "@/lib/shortlist/shortlist";
import { expectNoAxeViolations } from "./axe";

function watchForeignRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (!["localhost", "127.0.0.1"].includes(url.hostname) && url.protocol !== "data:") foreign.push(r.url());
  });
  return foreign;
}

test("save three therapists, compare them, open the link in a fresh browser, and print view; no cookie, no other site", async ({ page, context, browser }) => {
  const foreign = watchForeignRequests(page);
  await page.goto("/therapists?location=TX&sort=best");
  const cards = page.getByRole("article").filter({ hasText: "Demo (fictional)" });
  const names: string[] = [];
  for (let i = 0; i < 3; i++) {
    const card = cards.nth(i);
    names.push((await card.getByRole("heading", { level: 3 }).textContent())!.trim());
    const save = card.getByRole("button", { name: /^Save / });
    await save.click();
    await expect(card.getByRole("button", { name: /^Saved / })).toHaveAttribute("aria-pressed", "true");
  }
  // Kept in this browser's storage only.
  const stored = await page.evaluate((key) => JSON.parse(window.localStorage.getItem(key) ?? "[]"), SHORTLIST_KEY);
  expect(stored.map((t: { name: string }) => t.name)).toEqual(names);
  expect(await context.cookies()).toEqual([]);

  await page.goto("/shortlist");
  for (const name of names) await expect(page.getByRole("checkbox", { name })).toBeChecked();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Compare 3 therapists" }).click();
  await expect(page).toHaveURL(/\/compare\?t=[a-z0-9-]+,[a-z0-9-]+,[a-z0-9-]+$/);
  for (const name of names) await expect(page.getByRole("columnheader", { name: new RegExp(`^${name}`) })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Selection criteria" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Questions to ask" })).toBeVisible();
  for (const name of names) await expect(page.getByRole("heading", { level: 3, name })).toBeVisible();
  await expectNoAxeViolations(page);
  const link = await page.getByLabel("Link to this comparison").inputValue();
  expect(new URL(link).pathname + new URL(link).search).toBe(new URL(page.url()).pathname + new URL(page.url()).search);

  // Print view: the site's header and the buttons are left out, the questions stay.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.getByRole("heading", { level: 2, name: "Questions to ask" })).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  expect(foreign).toEqual([]);
  expect(await context.cookies()).toEqual([]);

  // The link in a fresh browser, with nothing stored: the same comparison.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  for (const name of names) await expect(other.getByRole("columnheader", { name: new RegExp(`^${name}`) })).toBeVisible();
  expect(await other.evaluate((key) => window.localStorage.getItem(key), SHORTLIST_KEY)).toBeNull();
  await fresh.close();
});

test("a shared link with unknown and malformed entries shows the rest and names them", async ({ page }) => {
  await page.goto("/therapists?location=TX&sort=best");
  const href = await page.getByRole("article").filter({ hasText: "Demo (fictional)" }).first().getByRole("heading", { level: 3 }).getByRole("link").getAttribute("href");
  const slug = href!.split("?")[0]!.split("/").pop()!;
  await page.goto(`/compare?t=${slug},no-such-therapist,Not%20A%20Slug!`);
  const notice = page.getByRole("status").filter({ hasText: "could not be shown" });
  await expect(notice).toContainText("“no-such-therapist”: no published listing has this address");
  await expect(notice).toContainText("“Not A Slug!”: not a listing’s address");
  await expect(page.getByRole("columnheader")).toHaveCount(1);
  await expectNoAxeViolations(page);
});
