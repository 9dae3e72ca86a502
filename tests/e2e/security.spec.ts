// Security findings of issue 12, end to end against the production build: sign-in links and
// every printed address come from the configured site address (never Host / X-Forwarded-Host),
// per-mailbox limits that cannot lock anyone out, redirects that stay on the site, malformed
// server-action posts answered 4xx (never 500), a foreign Origin refused, and the demo sending
// a request made at another address to its own address before sign-in.
import { expect, test, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const SITE = `http://localhost:${port}`;
const SITE_HOST = `localhost:${port}`;

function uniqueEmail(who: string, info: TestInfo): string {
  return `${who}-${info.project.name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.org`;
}

/** The demo outbox page, without React's text separators. */
async function outboxHtml(request: APIRequestContext): Promise<string> {
  return (await (await request.get("/dev/outbox")).text()).replace(/<!-- -->/g, "");
}

/** Every sign-in link the demo outbox shows for `email`. */
async function outboxLinks(request: APIRequestContext, email: string): Promise<string[]> {
  const html = await outboxHtml(request);
  const links: string[] = [];
  const re = /<a href="([^"]+)"[^>]*>Sign-in link for ([^<]+)<\/a>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[2] === email) links.push(m[1]!.replace(/&amp;/g, "&"));
  }
  return links;
}

/** Asks next-auth's own endpoint for a sign-in link, with whatever extra headers. */
async function requestLinkByApi(request: APIRequestContext, email: string, headers: Record<string, string> = {}) {
  const csrf = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/signin/email", {
    form: { email, csrfToken: csrf.csrfToken, callbackUrl: "/dashboard" },
    headers,
    maxRedirects: 0,
  });
}

async function signIn(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your e-mail" })).toBeVisible();
  await page.goto("/dev/outbox");
  await page.getByRole("link", { name: `Sign-in link for ${email}` }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Your dashboard" })).toBeVisible();
}

/** The id of the sign-in form's server action, read from the page as a browser would. */
async function signInActionId(request: APIRequestContext): Promise<string> {
  const html = await (await request.get("/signin")).text();
  const id = /\$ACTION_ID_([0-9a-f]{40,})/.exec(html)?.[1] ?? /&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;/.exec(html)?.[1];
  expect(id, "the sign-in page carries its action id").toBeTruthy();
  return id!;
}

test.describe("finding 1: sign-in links use the configured site address only", () => {
  test("a forged X-Forwarded-Host or Host on next-auth's endpoint does not reach the e-mailed link", async ({ request }, info) => {
    const email = uniqueEmail("forged-api", info);
    const res = await requestLinkByApi(request, email, { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(res.status()).toBeLessThan(400);
    const email2 = uniqueEmail("forged-host", info);
    await requestLinkByApi(request, email2, { host: "evil.example" });
    const links = [...(await outboxLinks(request, email)), ...(await outboxLinks(request, email2))];
    expect(links.length).toBeGreaterThanOrEqual(1);
    for (const link of links) {
      // Scheme, host and port: a forged X-Forwarded-Proto once turned the link into https://.
      expect(new URL(link).origin).toBe(SITE);
      expect(link).not.toContain("evil.example");
    }
  });

  test("a forged X-Forwarded-Host on the sign-in form does not reach the e-mailed link", async ({ browser }, info) => {
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } });
    const page = await context.newPage();
    const email = uniqueEmail("forged-form", info);
    await page.goto("/signin");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check your e-mail" })).toBeVisible();
    const links = await outboxLinks(page.request, email);
    expect(links).toHaveLength(1);
    expect(new URL(links[0]!).origin).toBe(SITE);
    await context.close();
  });
});

test.describe("finding 2: per-mailbox limits cannot lock anyone out", () => {
  test("plus-tag spellings share one mailbox's allowance, and the owner still gets 'we sent you a link'", async ({ page, request }, info) => {
    const local = `victim-${info.project.name}-${Date.now().toString(36)}`;
    for (let i = 0; i < 5; i++) {
      const res = await requestLinkByApi(request, `${local}+${i}@example.org`);
      // Never a refusal that names the mailbox: the answer is the same "check your e-mail".
      expect(res.status()).toBeLessThan(400);
    }
    const html = await outboxHtml(request);
    const sent = html.split(`Sign-in link for ${local}+`).length - 1;
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(sent).toBeLessThanOrEqual(3);
    // The mailbox's owner asks through the form: no lockout message, the usual page.
    await page.goto("/signin");
    await page.getByLabel("E-mail address").fill(`${local}@example.org`);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check your e-mail" })).toBeVisible();
  });
});

test.describe("findings 4 and 5: redirect targets and malformed input", () => {
  test("callbackUrl with tabs, CR/LF or non-ASCII never leaves the site and never answers 500", async ({ page }, info) => {
    await signIn(page, uniqueEmail("redirects", info));
    for (const raw of ["/%09/evil.example/", "/%5C/evil.example/", "%09//evil.example", "/a%0d%0aSet-Cookie:%20x=1", "/caf%C3%A9?q=%E2%9C%93", "https://evil.example/"]) {
      const res = await page.request.get(`/signin?callbackUrl=${raw}`, { maxRedirects: 0 });
      expect(res.status(), raw).toBeLessThan(500);
      const location = res.headers()["location"];
      if (location) expect(new URL(location, SITE).host, raw).toBe(SITE_HOST);
      await page.goto(`/signin?callbackUrl=${raw}`);
      expect(new URL(page.url()).host, raw).toBe(SITE_HOST);
    }
  });

  test("a NUL character in a listing's text answers a message on the page, not a server error", async ({ page }, info) => {
    await signIn(page, uniqueEmail("nul", info));
    await page.getByRole("link", { name: "Create a new listing" }).click();
    await page.getByLabel("Name shown to patients (required)").fill("Nul Byte Therapist");
    await page.getByLabel("ZIP code of your practice (required)").fill("10001");
    await page.getByLabel("About your practice").fill("Deep tissue\u0000 work");
    await page.getByRole("button", { name: "Create listing" }).click();
    await expect(page.getByRole("main").getByRole("alert").first()).toBeVisible();
    await expect(page.getByText("Application error")).toHaveCount(0);
    expect(page.url()).not.toMatch(/\/dashboard\/listings\//);
  });

  test("broken multipart, garbage JSON, wrong argument types and a 3 MB field sent to a server action answer 4xx", async ({ request }) => {
    const id = await signInActionId(request);
    const headers = { "next-action": id, origin: SITE, accept: "text/x-component" };
    const brokenMultipart = await request.post("/signin", {
      headers: { ...headers, "content-type": "multipart/form-data; boundary=XYZ" },
      data: "--XYZ\r\nContent-Disposition: form-data; name=\"email\r\n\r\nbroken",
    });
    expect(brokenMultipart.status()).toBe(400);
    const garbageJson = await request.post("/signin", { headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, data: "{not json" });
    expect(garbageJson.status()).toBe(400);
    const wrongTypes = await request.post("/signin", { headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, data: "[1, {\"a\": 2}, \"x\"]" });
    expect(wrongTypes.status()).toBeGreaterThanOrEqual(400);
    expect(wrongTypes.status()).toBeLessThan(500);
    const wrongTypesMultipart = await request.post("/signin", { headers, multipart: { "0": "[1, {\"a\": 2}]" } });
    expect(wrongTypesMultipart.status()).toBeLessThan(500);
    const huge = await request.post("/signin", { headers, multipart: { "1_email": "a".repeat(3 * 1024 * 1024), "0": "[\"$K1\"]" } });
    expect([400, 413]).toContain(huge.status());
  });
});

test.describe("finding 6: origins and absolute addresses", () => {
  test("a server-action post whose Origin differs in scheme or port is refused", async ({ request }) => {
    const id = await signInActionId(request);
    for (const origin of [`https://${SITE_HOST}`, `http://localhost:${port + 1}`, "http://evil.example"]) {
      const res = await request.post("/signin", { headers: { "next-action": id, origin }, multipart: { "1_email": "someone@example.org", "0": "[\"$K1\"]" } });
      expect(res.status(), origin).toBe(403);
    }
  });

  test("sitemap, robots, canonical and JSON-LD addresses ignore X-Forwarded-Host", async ({ request }) => {
    const headers = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
    const index = await (await request.get("/sitemap.xml", { headers })).text();
    expect(index).toContain(SITE);
    expect(index).not.toContain("evil.example");
    const robots = await (await request.get("/robots.txt", { headers })).text();
    expect(robots).toContain(SITE);
    expect(robots).not.toContain("evil.example");
    const firstSitemap = /<loc>([^<]+\/sitemaps\/therapists-\d+\.xml)<\/loc>/.exec(index)?.[1];
    expect(firstSitemap).toBeTruthy();
    const sitemap = await (await request.get(new URL(firstSitemap!).pathname, { headers })).text();
    const profile = /<loc>([^<]+\/therapists\/[^<]+)<\/loc>/.exec(sitemap)?.[1];
    expect(profile).toBeTruthy();
    const page = await (await request.get(new URL(profile!).pathname, { headers })).text();
    expect(page).toContain(`<link rel="canonical" href="${SITE}/therapists/`);
    expect(page).toContain("application/ld+json");
    expect(page).not.toContain("evil.example");
  });
});

test.describe("finding 9: the demo opened at another address", () => {
  test("a page opened at 127.0.0.1 is sent to the site address before sign-in", async ({ request }) => {
    const res = await request.get(`http://127.0.0.1:${port}/signin?callbackUrl=%2Fdashboard`, { maxRedirects: 0 });
    // A page that refreshes to the absolute site address (a Location header would be made
    // relative by Next.js and loop on 127.0.0.1).
    expect(res.headers()["refresh"]).toBe(`0;url=${SITE}/signin?callbackUrl=%2Fdashboard`);
    expect(await res.text()).toContain(`href="${SITE}/signin?callbackUrl=%2Fdashboard"`);
  });
});
