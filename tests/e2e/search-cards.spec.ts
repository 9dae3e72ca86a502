import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// A result card on a 375 px phone: name, practice, distance, price, the licence line and the
// criteria count, about 300 px tall, with the full checklist one tap away. Every card on page 1
// of a few demo searches is measured.
const MAX_HEIGHT = 300;

test.use({ viewport: { width: 375, height: 812 } });

// Best match near 10001: the sparse listings other browser tests add there (nearest first) would
// otherwise fill page 1 before the demo's cards this test measures.
for (const path of ["/therapists?location=10001&radius=50&sort=best", "/therapists?location=Portland,%20OR&modality=deep-tissue", "/therapists?location=TX&sort=best"]) {
  test(`cards are at most about ${MAX_HEIGHT} px tall at 375 px: ${path}`, async ({ page }) => {
    await page.goto(path);
    // The demo's cards: other browser tests add listings with deliberately hostile, very long
    // names (tests/e2e/security.spec.ts), which may wrap a line further. (Journeys that need no
    // particular place list their practice in Cheyenne, WY, so they do not fill these pages.)
    const cards = page.getByRole("article").filter({ hasText: "Demo (fictional)" });
    const n = await cards.count();
    expect(n).toBeGreaterThan(1);
    const tall: string[] = [];
    for (let i = 0; i < n; i++) {
      const card = cards.nth(i);
      const { height } = (await card.boundingBox())!;
      if (height > MAX_HEIGHT) tall.push(`${await card.getByRole("heading", { level: 3 }).textContent()}: ${Math.round(height)} px`);
      // What the card must show without a tap.
      await expect(card.getByText(/per 60-minute session|Price not stated/)).toBeVisible();
      await expect(card.getByText(/^Meets \d of 6 selection criteria$/)).toBeVisible();
      await expect(card.getByRole("definition").filter({ hasText: /licen[cs]e|Checked|Not yet checked|Warning/i }).first()).toBeVisible();
    }
    expect(tall).toEqual([]);
  });
}

test("the full checklist is one tap (or one key) away, and the page stays clean for axe", async ({ page }) => {
  await page.goto("/therapists?location=10001&radius=50");
  const card = page.getByRole("article").first();
  const checklist = card.getByRole("list", { name: /Meets \d of 6 selection criteria$/ });
  await expect(checklist).toBeHidden();
  await card.getByText(/^Meets \d of 6 selection criteria$/).click();
  await expect(checklist).toBeVisible();
  await expect(checklist.getByRole("listitem")).toHaveCount(6);
  await expect(card.getByRole("term").filter({ hasText: "NCBTMB:" })).toBeVisible();
  // The state's licensing rules, which the profile shows next to the licence, are inside too.
  await expect(card.locator('a[href^="/licensing/"]').first()).toBeVisible();

  // By keyboard: the summary takes focus and Enter opens it.
  const second = page.getByRole("article").nth(1);
  await second.getByText(/^Meets \d of 6 selection criteria$/).focus();
  await page.keyboard.press("Enter");
  await expect(second.getByRole("list", { name: /Meets \d of 6 selection criteria$/ })).toBeVisible();

  await expectNoAxeViolations(page);
});
