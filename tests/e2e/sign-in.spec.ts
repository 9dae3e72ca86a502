// The real sign-in, end to end on the production build: the magic link through the demo
// outbox, the session cookie it leaves, signing out everywhere, the form's validation, the
// rate limit on next-auth's own endpoint, and the sign-in pages' accessibility. The only spec
// that signs in this way; every other spec uses the login fixture (tests/e2e/fixtures.ts).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { uniqueEmail } from "./fixtures";

async function signIn(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your e-mail" })).toBeVisible();
  await page.goto("/dev/outbox");
  await page.getByRole("link", { name: `Sign-in link for ${email}` }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Your dashboard" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
}

async function newUserPage(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("no cookie for anonymous visitors; an httpOnly, SameSite=Lax, Secure session cookie once signed in; sign out everywhere", async ({ page, browser, context }, info) => {
  for (const path of ["/", "/signin", "/dev/outbox"]) {
    await page.goto(path);
    expect(await context.cookies(), path).toEqual([]);
  }
  const email = uniqueEmail("cookies", info);
  await signIn(page, email);
  const session = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true, name: "__Secure-authjs.session-token" });

  // Signed in, the sign-in page sends you on, but only within this site.
  await page.goto("/signin?callbackUrl=%2F%2Fevil.example%2Fphish");
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/dashboard$/);

  // A second device, then "sign out everywhere" on the first ends both sessions.
  const second = await newUserPage(browser, email);
  await page.goto("/dashboard");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await second.goto("/dashboard");
  await expect(second.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});

test("sign-in asks for a valid e-mail, keeps what was typed, and the dashboard needs a session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("E-mail address").fill("not-an-address");
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toBeFocused();
  await expect(page.getByLabel("E-mail address")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("E-mail address")).toHaveValue("not-an-address");
  // Signed out, the dashboard sends you to sign in.
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);
});

test("next-auth's own sign-in endpoint never refuses a mailbox, and refuses a malformed address", async ({ request }, info) => {
  const email = uniqueEmail("limited", info);
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) {
    const res = await request.post("/api/auth/signin/email", { form: { email }, maxRedirects: 0 });
    statuses.push(res.status());
  }
  // Every request reaches next-auth (refused there for want of a CSRF token, so no link is
  // sent and none counts against the mailbox); a per-mailbox refusal would let a stranger lock
  // its owner out (tests/e2e/security.spec.ts covers the per-mailbox allowance).
  expect(statuses.every((s) => s !== 429 && s < 500)).toBe(true);
  const bad = await request.post("/api/auth/signin/email", { form: { email: "nope" }, maxRedirects: 0 });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: { code: "invalid_request", fields: { email: [expect.any(String)] } } });
});

test("the sign-in, check-your-e-mail and outbox pages have no axe violations", async ({ page }, info) => {
  await page.goto("/signin");
  await expectNoAxeViolations(page);
  const email = uniqueEmail("a11y", info);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your e-mail" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/dev/outbox");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: `Sign-in link for ${email}` }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Your dashboard" })).toBeVisible();
});
