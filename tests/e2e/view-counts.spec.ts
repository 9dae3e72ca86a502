// The owner's weekly counts, through the real server: a patient's two visits to the profile
// appear on the dashboard as two views this week. (Failed before the fix: the count ran inside
// after(), where opening the database is refused, so no view was ever counted.)
import { expect, test, uniqueEmail } from "./fixtures";

test("two visits to a profile show as two views this week on the owner's dashboard", async ({ page, login, browser }, info) => {
  await login(page, uniqueEmail("views-owner", info));
  const name = `Views Journey ${info.project.name} ${Date.now().toString(36)}`;
  await page.getByRole("link", { name: "Create a new listing" }).click();
  await page.getByLabel("Name shown to patients (required)").fill(name);
  await page.getByLabel("ZIP code of your practice (required)").fill("82001");
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page.getByRole("status")).toContainText("Listing created");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Published: patients can now find this listing.");
  const profileHref = await page.getByRole("link", { name: /^\/therapists\// }).getAttribute("href");
  const listingUrl = page.url();

  const patient = await browser.newContext();
  const tab = await patient.newPage();
  for (let i = 0; i < 2; i++) {
    await tab.goto(profileHref!);
    await expect(tab.getByRole("heading", { level: 1 })).toHaveText(name);
  }
  await patient.close();

  // Counted after each page is sent: poll the dashboard until both have landed.
  const counts = page.getByRole("region", { name: "Views and messages" });
  await expect
    .poll(async () => {
      await page.goto(listingUrl);
      return counts.getByRole("row").nth(1).getByRole("cell").first().textContent();
    })
    .toBe("2");
});
