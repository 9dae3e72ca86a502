import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, defineConfig, devices } from "@playwright/test";

// The browser suite needs a real Chromium; it never passes silently without one.
function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const candidate of candidates) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  try {
    const bundled = chromium.executablePath();
    if (fs.existsSync(bundled)) return bundled;
  } catch {
    // no Playwright-managed browser either
  }
  throw new Error(
    "No Chromium found for the browser tests. Install one with `apt-get install -y chromium` (Debian), " +
      "or set CHROMIUM_PATH to a Chromium or Chrome binary, or run `npx playwright install chromium` where the internet is reachable.",
  );
}

// E2E_PORT lets two checkouts run their browser suites side by side.
const port = Number(process.env.E2E_PORT ?? 3100);
// A fresh embedded database for every run, seeded with the demo data as `npm run demo` does.
// The login fixture's secret (tests/e2e/fixtures.ts), new for every run; workers inherit it.
const testLoginSecret = (process.env.E2E_TEST_LOGIN_SECRET ??= randomBytes(24).toString("hex"));
const dataDir = path.join(os.tmpdir(), `tf-e2e-${process.env.TF_E2E_RUN ??= String(Date.now())}`, "pglite");

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  projects: [
    { name: "desktop-chromium", use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "phone-chromium", use: { ...devices["Pixel 7"] } },
  ],
  webServer: {
    // A real production build, served the way `npm run demo` serves it.
    // The peer-address hook as `npm start` loads it (lib/security/peer-address-hook.mjs).
    // Fictional registry listings go in first (tests/e2e/registry.spec.ts), through the importer.
    // Idle connections are kept longer than the test client keeps them: with Node's default of
    // 5 s, a request reusing a connection the server was closing failed with ECONNRESET (seen in CI).
    command: `npm run build && npm run -s import:registry -- tests/fixtures/registry/npidata-e2e.csv && node --import ./lib/security/peer-address-hook.mjs node_modules/next/dist/bin/next start -p ${port} --keepAliveTimeout 65000`,
    url: `http://localhost:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: "",
      PGLITE_DATA_DIR: dataDir,
      SEED_DEMO: "true",
      AUTH_TRUST_HOST: "true",
      E2E_TEST_LOGIN_SECRET: testLoginSecret,
      SITE_URL: `http://localhost:${port}`,
    },
  },
});
