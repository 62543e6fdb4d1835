import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { defineConfig, type PlaywrightTestConfig } from "@playwright/test";
import { isPgliteLocked } from "./db/pglite-lock";
import { DEMO_CHANNEL_ACCESS_TOKEN, DEMO_CHANNEL_SECRET } from "./fake-line/options";

if (!process.env.E2E_DATA_DIR) removeOldDatabases();

// Chosen once by the runner and inherited by its workers through the environment, so every process
// agrees on the servers' addresses and databases.
process.env.E2E_PORT ??= String(freePort(3399, 3340));
process.env.E2E_FRESH_PORT ??= String(freePort(3339, 3300));
process.env.E2E_FAKE_LINE_PORT ??= String(freePort(4099, 4040));
process.env.E2E_DATA_DIR ??= `.tmp/e2e-pglite-${process.env.E2E_PORT}-${Date.now()}`;
process.env.E2E_FRESH_DATA_DIR ??= `.tmp/e2e-pglite-${process.env.E2E_FRESH_PORT}-${Date.now()}`;

const port = Number(process.env.E2E_PORT);
const freshPort = Number(process.env.E2E_FRESH_PORT);
// E2E_BASE_URL points the tests at a server you already run (a dev server while iterating); the
// first-run tests then need E2E_FRESH_BASE_URL, a server with no account yet.
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${port}`;
const freshBaseURL = external ? process.env.E2E_FRESH_BASE_URL : `http://127.0.0.1:${freshPort}`;
const fakeLineURL = `http://127.0.0.1:${process.env.E2E_FAKE_LINE_PORT}`;
// Tests read what LINE received from the fake's control API (/__fake/…), and make its users act.
export const FAKE_LINE_URL = fakeLineURL;
process.env.E2E_FAKE_URL ??= external ? "" : fakeLineURL;

// The console needs an account: the server creates this admin at start-up (ADMIN_EMAIL), the "setup"
// project signs in once and every other test starts from that session (storageState).
export const E2E_ADMIN = { email: "e2e-admin@example.com", password: "e2e-admin-password-123" };
export const STORAGE_STATE = `.tmp/e2e-admin-${port}.json`;
// The servers talk to the fake LINE platform (fake-line/) with its default credentials, so the channel
// settings page has a real API behind it and webhooks are signed with its secret.
export const E2E_LINE = { channelSecret: DEMO_CHANNEL_SECRET, channelAccessToken: DEMO_CHANNEL_ACCESS_TOKEN, apiUrl: fakeLineURL };
export const E2E_AUTH_SECRET = "e2e-better-auth-secret-0123456789abcdef";
export const E2E_FRESH_BASE_URL = freshBaseURL;

// The fake's later channels (fake-line/README.md, "Several channels"): the first spec keeps the first
// channel as it always was; the others get ids and secrets derived from the seed (GET /__fake/channels).
// The second is channels-settings.spec.ts's to add and delete, the third and fourth
// channels-screenshots.spec.ts's, the fifth the one the switcher's tests add (tests/e2e/channels.ts).
const EXTRA_FAKE_CHANNELS = [
  "--channel provider=provider-1",
  '--channel "friends=40,botName=Siam Shop Bangkok"',
  '--channel "friends=40,botName=Forest Café Taipei"',
  '--channel "friends=40,botName=Sakura Bakery Osaka"',
  '--channel "friends=40,botName=Harbour Bakery Kaohsiung"',
].join(" ");

// What `npm start` runs (package.json), without npm in between: signals reach the server itself.
export const START = "node --import tsx scripts/launch.ts start";

// What every console server of the run shares: the fake LINE platform, the session secret, loopback.
const serverEnv = {
  HOSTNAME: "127.0.0.1",
  LINE_CHANNEL_ID: "2000000001",
  LINE_CHANNEL_SECRET: E2E_LINE.channelSecret,
  LINE_CHANNEL_ACCESS_TOKEN: E2E_LINE.channelAccessToken,
  LINE_API_BASE_URL: fakeLineURL,
  LINE_DATA_API_BASE_URL: fakeLineURL,
  NEXT_TELEMETRY_DISABLED: "1",
  BETTER_AUTH_SECRET: E2E_AUTH_SECRET,
  // Relay's destinations in the tests are bots the tests run on 127.0.0.1 (tests/e2e/relay-bot.ts).
  RELAY_ALLOW_PRIVATE_URLS: "1",
};

// Started in this order (Playwright waits for each): the fake LINE platform, the console with the e2e
// admin (it builds), then a second console on the same build with its own empty database and no
// ADMIN_EMAIL, for the first-run screen.
const webServers: NonNullable<PlaywrightTestConfig["webServer"]> = [
  {
    // Narrowcast phases short enough to watch to the end; no monthly quota in the way; webhooks (with
    // reply tokens) delivered to the console under test. Three more channels, small, for Settings →
    // Channels to add (the first stays the one the console's LINE_CHANNEL_* describe).
    command: `npx tsx fake-line/main.ts --port ${process.env.E2E_FAKE_LINE_PORT} --narrowcast-phase-ms 200 --content-preparing-ms 500 --audience-ready-ms 500 --quota none --webhook-url ${baseURL}/api/line/webhook ${EXTRA_FAKE_CHANNELS}`,
    url: `${fakeLineURL}/__fake/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
  {
    // Started as `npm start` starts it (scripts/launch.ts: the console's own server around Next), so the
    // tests see the server users run: its header limits, forwarded-header rules and run-time headers.
    command: `npx next build && ${START}`,
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      ...serverEnv,
      PORT: String(port),
      PGLITE_DATA_DIR: process.env.E2E_DATA_DIR,
      APP_URL: baseURL,
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
    },
  },
  {
    command: START,
    url: `${freshBaseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: { ...serverEnv, PORT: String(freshPort), PGLITE_DATA_DIR: process.env.E2E_FRESH_DATA_DIR, APP_URL: freshBaseURL! },
  },
];

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  // One retry: these two-core machines stall now and then under two browsers, a server and the fake
  // LINE platform. A test that passes only on its retry is named "flaky" in npm test's summary.
  retries: 1,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    // screenshots.spec.ts only runs when asked for (SCREENSHOTS=1): it is for looking at, not a check.
    {
      name: "console",
      dependencies: ["setup"],
      testIgnore: [/auth\.setup\.ts/, /first-run\.spec\.ts/, ...(process.env.SCREENSHOTS ? [] : [/screenshots\.spec\.ts/])],
      use: { storageState: STORAGE_STATE },
    },
    ...(freshBaseURL ? [{ name: "first-run", testMatch: /first-run\.spec\.ts/, use: { baseURL: freshBaseURL } }] : []),
  ],
  use: {
    baseURL,
    locale: "en-US",
    timezoneId: "Asia/Taipei",
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    launchOptions: {
      // Playwright cannot download its own browser here: use the system Chromium.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: external ? undefined : webServers,
});

// The first port in the range nobody is listening on (a child process, because config loading is synchronous).
function freePort(from: number, to: number): number {
  const script = `
    const net = require("node:net");
    (async () => {
      for (let p = ${from}; p >= ${to}; p--) {
        const free = await new Promise((resolve) => {
          const s = net.createServer();
          s.once("error", () => resolve(false));
          s.listen(p, "127.0.0.1", () => s.close(() => resolve(true)));
        });
        if (free) return console.log(p);
      }
      process.exit(1);
    })();`;
  return Number(execFileSync(process.execPath, ["-e", script]).toString().trim());
}

// Each run gets a fresh database under .tmp/; drop the ones earlier runs left behind (their server is gone).
function removeOldDatabases() {
  if (!fs.existsSync(".tmp")) return;
  for (const name of fs.readdirSync(".tmp")) {
    if (!/^e2e-pglite-[\d-]+$/.test(name)) continue;
    if (isPgliteLocked(`.tmp/${name}`)) continue;
    fs.rmSync(`.tmp/${name}`, { recursive: true, force: true });
    fs.rmSync(`.tmp/${name}.lock`, { force: true });
  }
}
