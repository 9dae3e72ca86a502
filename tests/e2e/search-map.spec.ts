import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// A private map of the results: drawn on this site (no tiles, scripts or fonts from elsewhere,
// no cookie), numbered markers in the list's order, each a link named with the therapist's name
// and distance, reachable by keyboard; the list stays below it, numbered to match.
test("results on a private map: markers match the list, work by keyboard, and nothing leaves the site", async ({ page, context, baseURL }) => {
  test.setTimeout(180_000);
  const origin = new URL(baseURL!).origin;
  const elsewhere: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) elsewhere.push(r.url());
  });

  await page.goto("/therapists?location=10001&modality=deep-tissue");
  await page.getByRole("link", { name: "Show these results on a map" }).click();
  await expect(page).toHaveURL(/[?&]view=map/);
  const map = page.getByRole("group", { name: /^Map: .* therapists within 25 miles of 10001/ });
  await expect(map).toBeVisible();

  // One marker per card, in the same order, named as the card is (name and distance).
  const cards = page.getByRole("article");
  const markers = map.getByRole("link");
  const n = await cards.count();
  expect(n).toBeGreaterThan(1);
  await expect(markers).toHaveCount(n);
  for (let i = 0; i < n; i++) {
    const name = (await cards.nth(i).getByRole("heading", { level: 3 }).getByRole("link").textContent())!.trim();
    const miles = (await cards.nth(i).getByText(/miles away/).textContent())!.match(/([\d.]+) miles away/)![1];
    await expect(markers.nth(i)).toHaveAccessibleName(`${i + 1}. ${name}, ${miles} miles away`);
    await expect(cards.nth(i).getByText(String(i + 1), { exact: true })).toBeVisible();
  }
  await expectNoAxeViolations(page);

  // By keyboard: from "Hide the map", the next Tab is marker 1, then marker 2; Enter opens the profile.
  await page.getByRole("link", { name: "Hide the map" }).focus();
  await page.keyboard.press("Tab");
  await expect(markers.nth(0)).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(markers.nth(1)).toBeFocused();
  const second = (await cards.nth(1).getByRole("heading", { level: 3 }).getByRole("link").textContent())!.trim();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(second);
  // The profile offers map apps as plain links: nothing is loaded from them (checked at the end).
  await expect(page.getByRole("link", { name: "Google Maps" })).toHaveAttribute("href", /^https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=.+/);
  await expect(page.getByRole("link", { name: "OpenStreetMap (the ZIP code's centre)" })).toHaveAttribute("href", /^https:\/\/www\.openstreetmap\.org\/\?mlat=/);

  // A new search from the form keeps the map; "Hide the map" removes it.
  await page.goBack();
  await expect(map).toBeVisible();
  await page.getByLabel("ZIP code, city and state, or state").fill("Kansas");
  await page.getByRole("button", { name: "Show therapists" }).click();
  await expect(page).toHaveURL(/[?&]view=map/);
  await expect(page.getByRole("group", { name: /^Map: .* therapists in Kansas/ })).toBeVisible();
  await expect(page.getByRole("group", { name: /^Map: / }).getByRole("link")).toHaveCount(await page.getByRole("article").count());
  await page.getByRole("link", { name: "Hide the map" }).click();
  await expect(page.getByRole("group", { name: /^Map: / })).toHaveCount(0);

  expect(elsewhere).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});
