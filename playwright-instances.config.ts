import { defineConfig } from "@playwright/test";

// `npm run test:instances`: two console instances on one PostgreSQL behind a round-robin proxy
// (tests/instances/). Apart from `npm test`'s browser tests: it needs a PostgreSQL server
// (TEST_DATABASE_URL) and starts every process it uses itself, so it has no webServer here.
export default defineConfig({
  testDir: "tests/instances",
  timeout: 60_000,
  expect: { timeout: 5_000 },
  workers: 1,
  retries: 0,
  projects: [{ name: "instances" }],
  // Beside `npm test`'s results, not over them (a CI run keeps both traces to look at).
  outputDir: "test-results/instances",
  reporter: [["list"], ["json", { outputFile: "test-results/instances.json" }]],
  use: {
    locale: "en-US",
    timezoneId: "Asia/Taipei",
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    launchOptions: {
      // Playwright cannot download its own browser here: the system Chromium, as in playwright.config.ts.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
});
