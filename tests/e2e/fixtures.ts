// Playwright fixtures: `login` signs a test account in by creating its session directly, through
// the test-only POST /api/e2e/session (on only when the server started with
// E2E_TEST_LOGIN_SECRET, which playwright.config.ts sets). Only tests/e2e/sign-in.spec.ts goes
// through the real magic-link sign-in.
import { expect, test as base, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const DEMO_ADMIN = "admin@example.org";

export type Login = {
  /** Signs `email` in on `page`'s context and opens the dashboard, as a magic link would. */
  (page: Page, email: string): Promise<void>;
  /** A new browser context (another device) signed in as `email`, on the dashboard. */
  newPage: (email: string) => Promise<Page>;
};

async function addSession(context: BrowserContext, baseURL: string, email: string) {
  const secret = process.env.E2E_TEST_LOGIN_SECRET;
  if (!secret) throw new Error("E2E_TEST_LOGIN_SECRET is not set: run the browser tests through playwright.config.ts.");
  const res = await context.request.post(new URL("/api/e2e/session", baseURL).toString(), {
    headers: { authorization: `Bearer ${secret}` },
    data: { email },
  });
  expect(res.status(), await res.text()).toBe(200);
  const { cookie } = (await res.json()) as { cookie: { name: string; value: string; expires: number; secure: boolean } };
  // By domain and path: a `__Secure-` cookie cannot be set "from" an http:// address, though
  // Chromium sends it to localhost, which it treats as a secure origin.
  await context.addCookies([
    {
      name: cookie.name,
      value: cookie.value,
      domain: new URL(baseURL).hostname,
      path: "/",
      expires: cookie.expires,
      httpOnly: true,
      secure: cookie.secure,
      sameSite: "Lax",
    },
  ]);
}

async function openDashboard(page: Page, email: string) {
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Your dashboard" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
}

export const test = base.extend<{ login: Login }>({
  login: async ({ browser, baseURL }, provide) => {
    const opened: BrowserContext[] = [];
    const origin = baseURL!;
    const login = Object.assign(
      async (page: Page, email: string) => {
        await addSession(page.context(), origin, email);
        await openDashboard(page, email);
      },
      {
        newPage: async (email: string) => {
          const context = await (browser as Browser).newContext();
          opened.push(context);
          const page = await context.newPage();
          await addSession(context, origin, email);
          await openDashboard(page, email);
          return page;
        },
      },
    );
    await provide(login);
    for (const context of opened) await context.close();
  },
});

export { expect };

/** An e-mail address no other test or project uses. */
export function uniqueEmail(who: string, info: { project: { name: string } }): string {
  return `${who}-${info.project.name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.org`;
}

/** A published listing nobody owns that is not demo data (POST /api/e2e/listing), for the claim journeys. */
export async function addUnownedListing(request: import("@playwright/test").APIRequestContext, listing: { displayName: string; email: string; licenceNumber: string }) {
  const res = await request.post("/api/e2e/listing", { headers: { authorization: `Bearer ${process.env.E2E_TEST_LOGIN_SECRET}` }, data: listing });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as { id: string; slug: string };
}
