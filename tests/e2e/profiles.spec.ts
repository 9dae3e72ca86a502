// Public profiles, the guide and the modality pages against the production build: sections,
// keyboard use, 404s, the sitemap, JSON-LD, and axe scans on desktop and phone.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { statePageHref } from "@/lib/licensing/vocabulary";
import { expectNoAxeViolations } from "./axe";

async function publishedSlug(request: APIRequestContext): Promise<string> {
  const index = await (await request.get("/sitemap.xml")).text();
  const first = /<loc>([^<]*\/sitemaps\/therapists-0\.xml)<\/loc>/.exec(index);
  expect(first, "the sitemap index lists a profile sitemap").not.toBeNull();
  const profiles = await (await request.get(new URL(first![1]!).pathname)).text();
  const slug = /<loc>[^<]*\/therapists\/([a-z0-9-]+)<\/loc>/.exec(profiles)?.[1];
  expect(slug, "the profile sitemap lists a profile").toBeTruthy();
  return slug!;
}

test("a profile shows every section, the demo label, the checklist in words and its JSON-LD", async ({ page, request }) => {
  const slug = await publishedSlug(request);
  await page.goto(`/therapists/${slug}`);
  const api = await (await request.get(`/api/therapists/${slug}`)).json();
  await expect(page.getByRole("heading", { level: 1, name: api.therapist.displayName })).toBeVisible();
  for (const name of [
    "About",
    "Experience with sciatica",
    "Types of massage offered",
    "Licences",
    "Training and credentials",
    "Prices, insurance and referrals",
    "Contact",
    "Location",
    "The six selection criteria",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name, exact: true })).toBeVisible();
  }
  await expect(page.getByText("Demo listing: fictional", { exact: false })).toBeVisible();
  await expect(page.getByText(/^Profile last updated /)).toBeVisible();
  await expect(page.getByText("NCBTMB certification is national and voluntary", { exact: false })).toBeVisible();

  const criteria = page.getByRole("region", { name: "The six selection criteria" }).getByRole("listitem");
  await expect(criteria).toHaveCount(6);
  for (const item of await criteria.all()) {
    await expect(item).toHaveText(/^.?\s*(Met|Claimed, not yet checked|Not met|Not applicable): /);
  }

  const modality = api.therapist.modalities[0];
  await expect(page.getByRole("link", { name: modality.name })).toHaveAttribute("href", `/modalities/${modality.slug}`);

  const phone = api.therapist.contact.phone as string;
  await expect(page.getByRole("link", { name: phone })).toHaveAttribute("href", /^tel:\+1\d{10}$/);
  await expect(page.getByRole("link", { name: api.therapist.contact.email })).toHaveAttribute("href", `mailto:${api.therapist.contact.email}`);

  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/therapists/${slug}$`));
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /massage therapist in/);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld).toMatchObject({
    "@context": "https://schema.org",
    "@type": "HealthAndBeautyBusiness",
    address: { "@type": "PostalAddress", postalCode: api.therapist.location.zip, addressRegion: api.therapist.location.state },
    geo: { "@type": "GeoCoordinates" },
    hasOfferCatalog: { "@type": "OfferCatalog" },
  });
  expect(ld.hasOfferCatalog.itemListElement).toHaveLength(api.therapist.modalities.length);
});

test("a licence note links to its state's licensing page", async ({ page, request }) => {
  const slug = await publishedSlug(request);
  const api = await (await request.get(`/api/therapists/${slug}`)).json();
  const note = api.therapist.licenseNotes[0];
  expect(note.stateHref).toBe(statePageHref(note.stateCode));
  await page.goto(`/therapists/${slug}`);
  const licences = page.getByRole("region", { name: "Licences" });
  await expect(licences.getByText(note.text, { exact: false })).toBeVisible();
  const link = licences.getByRole("link", { name: /licensing rules$/ }).first();
  await expect(link).toHaveAttribute("href", note.stateHref);
  // Follow it: the state's own page, with its sources and review date.
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${note.stateHref}$`));
  const state = (await (await request.get(`/api/states/${note.stateCode}`)).json()).state;
  await expect(page.getByRole("heading", { level: 1 })).toContainText(state.name);
  await expect(page.getByText(state.lastReviewed).first()).toBeVisible();
});

test("coming from a search: a link back to the results and the distance from the searched ZIP", async ({ page, request }) => {
  const slug = await publishedSlug(request);
  const from = new URLSearchParams({ location: "10001", modality: "swedish", radius: "25" }).toString();
  await page.goto(`/therapists/${slug}?from=${encodeURIComponent(from)}`);
  await expect(page.getByRole("link", { name: "Back to results" })).toHaveAttribute("href", `/therapists?${from}`);
  await expect(page.getByText(/miles from 10001 \(/)).toBeVisible();
});

test("keyboard only: Tab to a modality link on a profile and follow it with Enter", async ({ page, request }) => {
  const slug = await publishedSlug(request);
  const api = await (await request.get(`/api/therapists/${slug}`)).json();
  const modality = api.therapist.modalities[0];
  await page.goto(`/therapists/${slug}`);
  const target = page.getByRole("link", { name: modality.name, exact: true });
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await target.evaluate((el) => el === document.activeElement);
  }
  expect(reached, `Tab reaches the ${modality.name} link`).toBe(true);
  const outline = await target.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/modalities/${modality.slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: modality.name })).toBeVisible();
});

test("an unknown profile is a 404 page and a 404 in the API; a malformed slug is a 400 naming the field", async ({ page, request }) => {
  const response = await page.goto("/therapists/no-such-therapist-anywhere");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Find a massage therapist" })).toHaveAttribute("href", "/therapists");
  await expect(page.getByRole("link", { name: /Before you book/ }).last()).toHaveAttribute("href", "/guide");

  const missing = await request.get("/api/therapists/no-such-therapist-anywhere");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });

  for (const bad of ["Bad_Slug!", "a".repeat(201)]) {
    const res = await request.get(`/api/therapists/${encodeURIComponent(bad)}`);
    expect(res.status(), bad).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.fields.slug.length).toBeGreaterThan(0);
  }
  expect((await page.goto("/modalities/no-such-modality"))?.status()).toBe(404);
});

test("the sitemap covers published profiles, the 51 state pages, modalities and static pages; robots.txt points to it", async ({ request }) => {
  const slug = await publishedSlug(request);
  // The positive control: the listed profile is published and public.
  expect((await request.get(`/api/therapists/${slug}`)).status()).toBe(200);
  const index = await request.get("/sitemap.xml");
  expect(index.headers()["content-type"]).toContain("xml");
  const pages = await (await request.get("/sitemaps/pages.xml")).text();
  expect(pages.match(/\/licensing\/[a-z]{2}<\/loc>/g)).toHaveLength(51);
  expect(pages).toContain("/modalities/deep-tissue</loc>");
  expect(pages).toContain("/guide</loc>");
  expect((await request.get("/sitemaps/therapists-999.xml")).status()).toBe(404);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: http:\/\/localhost:\d+\/sitemap\.xml/);
});

test("the modality API and pages: plain language, what to expect, and a search link with the count", async ({ page, request }) => {
  const api = await (await request.get("/api/modalities")).json();
  expect(api.modalities.map((m: { slug: string }) => m.slug)).toContain("myofascial-release");
  await page.goto("/modalities");
  await page.getByRole("link", { name: "Deep tissue massage" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deep tissue massage" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What to expect" })).toBeVisible();
  await expect(page.getByText(/soreness/i).first()).toBeVisible();
  await expect(page.getByText(/^[\d,]+ listed therapists offer deep tissue massage\.$/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Search therapists who offer deep tissue massage" })).toHaveAttribute(
    "href",
    "/therapists?modality=deep-tissue",
  );
});

test("the guide: red flags, who should talk to a doctor first, insurance tips and questions", async ({ page }) => {
  await page.goto("/guide");
  await expect(page.getByRole("heading", { level: 1, name: "Before you book" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /get medical help first/i })).toBeVisible();
  await expect(page.getByText("You are in the first 12 weeks of pregnancy.")).toBeVisible();
  await expect(page.getByText(/most general diagnosis/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Questions to ask a therapist" })).toBeVisible();
  await expect(page.getByRole("contentinfo").getByText(/information, not medical advice/i)).toBeVisible();
});

test.describe("axe finds no violations", () => {
  for (const [name, path] of [
    ["home", "/"],
    ["guide", "/guide"],
    ["modalities", "/modalities"],
    ["modality", "/modalities/myofascial-release"],
    ["not found", "/therapists/no-such-therapist-anywhere"],
  ] as const) {
    test(`on the ${name} page`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }

  test("on a profile", async ({ page, request }) => {
    await page.goto(`/therapists/${await publishedSlug(request)}`);
    await expectNoAxeViolations(page);
  });
});
