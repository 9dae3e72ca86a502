// The unpublish lock end to end: an administrator unpublishes a listing, its owner's Publish is
// refused, the owner asks for a review, the administrator lifts the lock, the owner publishes.
import { DEMO_ADMIN, expect, test, uniqueEmail } from "./fixtures";

test("an administrator's unpublish holds until the lock is lifted", async ({ page, login }, info) => {
  await login(page, uniqueEmail("locked-owner", info));
  const name = `Lock Journey ${info.project.name} ${Date.now().toString(36)}`;
  await page.getByRole("link", { name: "Create a new listing" }).click();
  await page.getByLabel("Name shown to patients (required)").fill(name);
  await page.getByLabel("ZIP code of your practice (required)").fill("10001");
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page.getByRole("status")).toContainText("Listing created");
  const listingUrl = page.url().replace(/\?.*$/, "");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status")).toHaveText("Published: patients can now find this listing.");

  // The administrator unpublishes it with a reason.
  const admin = await login.newPage(DEMO_ADMIN);
  await admin.goto(`/admin?q=${encodeURIComponent(name)}`);
  const moderate = admin.getByRole("form", { name: `Unpublish ${name}` });
  await moderate.getByLabel("Reason (shown to the owner)").fill("The bio promises a cure");
  await moderate.getByRole("button", { name: `Unpublish ${name}` }).click();
  await expect(admin.getByRole("status")).toHaveText("Listing unpublished and locked: its owner cannot publish it until you lift the lock.");
  // The owner is told by e-mail (the demo outbox), with the reason.
  await admin.goto("/dev/outbox");
  await expect(admin.getByRole("link", { name: `Therapist Finder: ${name} was unpublished by an administrator` })).toBeVisible();

  // The owner sees why, and Publish is refused on the server.
  await page.goto(listingUrl);
  const lock = page.getByRole("region", { name: "Locked by an administrator" });
  await expect(lock).toContainText("The bio promises a cure");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Not published: an administrator locked this listing.");
  await expect(page.getByText("Status: Not published")).toBeVisible();

  // The owner asks for a review.
  await lock.getByLabel("What you changed, or why the listing should be published again").fill("I removed the promise from the bio.");
  await lock.getByRole("button", { name: "Ask for a review" }).click();
  await expect(page.getByRole("status")).toHaveText("Your request for review was sent. An administrator will answer it.");
  await expect(page.getByRole("region", { name: "Locked by an administrator" })).toContainText("I removed the promise from the bio.");

  // The administrator sees the request and lifts the lock without publishing.
  await admin.goto("/admin");
  const reviews = admin.getByRole("region", { name: /Locked listings whose owner asks for a review/ });
  await expect(reviews).toContainText(name);
  await expect(reviews).toContainText("I removed the promise from the bio.");
  const lift = reviews.getByRole("form", { name: `Lift the lock on ${name}` });
  await lift.getByLabel("Reason for lifting the lock (kept in the history)").fill("The bio is fixed");
  await lift.getByRole("button", { name: "Lift the lock only" }).click();
  await expect(admin.getByRole("status")).toHaveText("Lock lifted: the owner can publish the listing.");
  await admin.goto("/dev/outbox");
  await expect(admin.getByRole("link", { name: `Therapist Finder: ${name} can be published again` })).toBeVisible();

  // Now the owner can publish.
  await page.goto(listingUrl);
  await expect(page.getByRole("region", { name: "Locked by an administrator" })).toHaveCount(0);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Published: patients can now find this listing.");
});
