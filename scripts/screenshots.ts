// npm run screenshots -- [BASE_URL]: the home page, a results page and a profile at 375 and
// 1280 pixels wide, into docs/screenshots/, from a running server (default localhost:3000,
// e.g. `npm run demo`).
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://localhost:3000";
const search = "/therapists?location=10001&modality=deep-tissue";
const api = await (await fetch(`${base}/api/therapists?location=10001&modality=deep-tissue&pageSize=1`)).json();
const profile = `/therapists/${api.results[0].slug}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
for (const width of [375, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: width === 375 ? 812 : 900 }, deviceScaleFactor: 1 });
  for (const [name, path] of [["home", "/"], ["results", search], ["profile", profile]] as const) {
    await page.goto(`${base}${path}`);
    // Whole pages, cut at 3,000 pixels (a results page runs to many screens).
    const height = Math.min(3000, await page.evaluate(() => document.documentElement.scrollHeight));
    await page.screenshot({ path: `docs/screenshots/${name}-${width}.png`, fullPage: true, clip: { x: 0, y: 0, width, height } });
    console.log(`docs/screenshots/${name}-${width}.png  ${path}`);
  }
  await page.close();
}
await browser.close();
