import { expect, test, type Locator, type Page } from "@playwright/test";

// The form must say what the URL says after every navigation, however it happened: an in-page
// link navigates on the client, and a form that kept its old state would, on the next submit,
// silently bring back a removed filter or drop applied ones. Each case follows one link, then
// submits the form unchanged, and compares the results with a fresh load of the link's
// address submitted the same way (and, where that address shows results, with those too).

type Snapshot = { heading: string; names: string[] };

async function snapshot(page: Page): Promise<Snapshot> {
  return {
    heading: (await page.getByRole("heading", { level: 1 }).textContent())!.trim(),
    names: await page.getByRole("article").getByRole("heading", { level: 3 }).allTextContents(),
  };
}

/** Submits the search form as it stands and waits for the new document (a plain GET form). */
async function submitUnchanged(page: Page) {
  await page.evaluate(() => ((window as unknown as { __beforeSubmit: boolean }).__beforeSubmit = true));
  await page.getByRole("button", { name: "Show therapists" }).click();
  await page.waitForFunction(() => !(window as unknown as { __beforeSubmit?: boolean }).__beforeSubmit);
  await page.waitForLoadState("load");
}

const CASES: { name: string; start: string; link: (page: Page) => Promise<Locator> }[] = [
  {
    name: "removing a filter chip",
    start: "/therapists?location=New%20York,%20NY&radius=50&modality=deep-tissue&referrals=1&accepting=1",
    link: async (page) => page.getByRole("link", { name: "Remove filter: Accepts physician referrals" }),
  },
  {
    name: "the deep tissue + myofascial release + Swedish shortcut",
    start: "/therapists?location=New%20York,%20NY&radius=50&accepting=1",
    link: async (page) => {
      await page.getByText("More filters: modalities, credentials, insurance, name").click();
      return page.getByRole("link", { name: "Deep tissue + myofascial release + Swedish" });
    },
  },
  {
    name: "a widen-the-radius suggestion",
    // Plattsburgh, NY: the demo's nearest therapist is about 20 miles away.
    start: "/therapists?location=12901&radius=10",
    link: async (page) => page.getByRole("link", { name: /^Search within \d+ miles$/ }),
  },
  {
    name: "the header's Find a therapist",
    start: "/therapists?location=New%20York,%20NY&radius=50&modality=swedish&licensed=1&sort=name",
    link: async (page) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Find a therapist" }),
  },
  {
    name: "the next results page",
    start: "/therapists?location=New%20York,%20NY&radius=50&modality=deep-tissue",
    link: async (page) => page.getByRole("navigation", { name: "Result pages" }).getByRole("link", { name: "Next page" }),
  },
];

for (const c of CASES) {
  test(`the form matches the URL after ${c.name}`, async ({ page }) => {
    await page.goto(c.start);
    const href = (await (await c.link(page)).getAttribute("href"))!;
    expect(href).toMatch(/^\/therapists/);

    // What a fresh load of the link's address shows, and what submitting its form brings.
    await page.goto(href);
    const loaded = await snapshot(page);
    await submitUnchanged(page);
    const expected = await snapshot(page);
    if (loaded.names.length) {
      // Submitting starts again at page 1: the same count, and page 1's names.
      expect(expected.heading).toBe(loaded.heading);
      if (!new URL(href, "http://x").searchParams.has("page")) expect(expected.names).toEqual(loaded.names);
    }

    // The same link followed in the page (a client-side navigation), then the form submitted.
    await page.goto(c.start);
    await (await c.link(page)).click();
    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === href);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(loaded.heading);
    await submitUnchanged(page);
    expect(await snapshot(page)).toEqual(expected);
  });
}
