// Issue 14 end to end: a patient reports a profile without signing in (no cookie is set) and an
// administrator closes the report (the reporter hears by e-mail); a medical claim is refused at
// save with what was typed kept; a published text change waits in the administrator's review
// queue, which approves it.
import { DEMO_ADMIN, expect, test, uniqueEmail } from "./fixtures";

test("a patient reports incorrect information without an account, and an administrator closes it", async ({ page, context, login }, info) => {
  const found = await page.request.get("/api/therapists?location=10001&pageSize=1");
  const { results } = (await found.json()) as { results: { slug: string; displayName: string }[] };
  const { slug, displayName } = results[0]!;
  await page.goto(`/therapists/${slug}`);
  await page.getByText("Report incorrect information").click();
  const form = page.getByRole("form", { name: `Report incorrect information about ${displayName}` });
  // Nothing ticked and nothing written: a clear message, nothing sent.
  await form.getByRole("button", { name: "Send report" }).click();
  await expect(form.getByRole("alert")).toBeVisible();
  await expect(page.getByText("Tick what is wrong or describe it (or both).")).toBeVisible();
  const details = `The phone number no longer works (${info.project.name} ${Date.now().toString(36)})`;
  await page.getByRole("checkbox", { name: "Phone, e-mail or website" }).check();
  await page.getByLabel(/What should it say/).fill(details);
  await page.getByLabel("Your e-mail address (optional)").fill("patient@example.org");
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByRole("status")).toHaveText("Thank you. An administrator will check what you reported.");
  expect(await context.cookies()).toEqual([]);

  const admin = await login.newPage(DEMO_ADMIN);
  await admin.goto("/admin");
  await expect(admin.getByRole("navigation", { name: "Queues" })).toContainText(/Reports of incorrect information: [1-9]/);
  const report = admin.getByRole("region", { name: /Reports of incorrect information/ }).getByRole("listitem").filter({ hasText: details });
  await expect(report).toContainText("patient@example.org");
  await report.getByRole("button", { name: "Close: nothing to change" }).click();
  await expect(admin.getByRole("status")).toHaveText("Report closed.");
  await expect(admin.getByText(details)).toHaveCount(0);
  await admin.goto("/dev/outbox");
  await expect(admin.getByText(`Therapist Finder: your report about ${displayName}`).first()).toBeVisible();
});

test("a medical claim is refused at save, and a published text change waits for an administrator", async ({ page, login }, info) => {
  await login(page, uniqueEmail("text-review", info));
  const name = `Text Review ${info.project.name} ${Date.now().toString(36)}`;
  await page.getByRole("link", { name: "Create a new listing" }).click();
  await page.getByLabel("Name shown to patients (required)").fill(name);
  await page.getByLabel("ZIP code of your practice (required)").fill("10001");
  await page.getByLabel("About your practice").fill("I cure sciatica in 3 sessions, guaranteed.");
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Some answers need a change");
  await expect(page.locator("#f-bio-error")).toContainText("“I cure sciatica in”");
  await expect(page.getByLabel("About your practice")).toHaveValue("I cure sciatica in 3 sessions, guaranteed.");
  await expect(page.getByLabel("Name shown to patients (required)")).toHaveValue(name);

  await page.getByLabel("About your practice").fill("I often work with clients who have sciatica.");
  await page.getByRole("button", { name: "Create listing" }).click();
  await expect(page.getByRole("status")).toContainText("Listing created");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status")).toHaveText("Published: patients can now find this listing.");
  // Confirmed current in one click; the profile says so with the date.
  await page.getByRole("button", { name: "Confirm this listing is current" }).click();
  await expect(page.getByRole("status")).toHaveText("Thank you: the listing now shows that you confirmed it is current today.");
  await page.getByRole("link", { name: /^\/therapists\// }).click();
  await expect(page.getByText(/Confirmed current by the therapist on /)).toBeVisible();

  const admin = await login.newPage(DEMO_ADMIN);
  await admin.goto("/admin");
  const queue = admin.getByRole("region", { name: /Text changes to review/ });
  const entry = queue.getByRole("listitem").filter({ hasText: name });
  await expect(entry).toContainText("(first publication)");
  await expect(entry).toContainText("I often work with clients who have sciatica.");
  await entry.getByRole("button", { name: `Approve text of ${name}` }).click();
  await expect(admin.getByRole("status")).toHaveText("Text approved.");
  await expect(admin.getByRole("region", { name: /Text changes to review/ }).getByRole("listitem").filter({ hasText: name })).toHaveCount(0);
});
