import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { defineConfig } from "@playwright/test";
import { TEST_SECRET } from "./tests/helpers/webhook";

if (!process.env.E2E_DATA_DIR) removeOldDatabases();

// Chosen once by the runner and inherited by its workers through the environment, so every process
// agrees on the server's address and database.
process.env.E2E_PORT ??= String(freePort(3399, 3340));
// The fake LINE platform behind the app (friends, profiles, content, sends): its own free port.
process.env.E2E_FAKE_PORT ??= String(freePort(3799, 3700));
process.env.E2E_DATA_DIR ??= `.tmp/e2e-pglite-${process.env.E2E_PORT}-${Date.now()}`;

const port = Number(process.env.E2E_PORT);
// E2E_BASE_URL points the tests at a server you already run (a dev server while iterating).
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${port}`;
const fakeUrl = `http://127.0.0.1:${process.env.E2E_FAKE_PORT}`;
// Tests that act as LINE users read this (against an external server, set it to that server's fake).
process.env.E2E_FAKE_URL ??= external ? "" : fakeUrl;

// The console needs an account: the server creates this admin at start-up (ADMIN_EMAIL), the "setup"
// project signs in once and every other test starts from that session (storageState).
export const E2E_ADMIN = { email: "e2e-admin@example.com", password: "e2e-admin-password-123" };
export const STORAGE_STATE = `.tmp/e2e-admin-${port}.json`;
const E2E_ACCESS_TOKEN = "e2e-access-token-e2e-access-token";

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "console", dependencies: ["setup"], testIgnore: /auth\.setup\.ts/, use: { storageState: STORAGE_STATE } },
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
  webServer: external
    ? undefined
    : [
    {
      // Same secret as tests/helpers/webhook.ts, so webhooks the tests sign and the fake's both verify.
      command: `npx tsx fake-line/main.ts --port ${process.env.E2E_FAKE_PORT} --friends 300 --channel-secret ${TEST_SECRET} --channel-access-token ${E2E_ACCESS_TOKEN} --webhook-url ${baseURL}/api/line/webhook --content-preparing-ms 500 --audience-ready-ms 500 --narrowcast-phase-ms 200 --quota none`,
      url: `${fakeUrl}/__fake/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
    command: `npx next build && npx next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PGLITE_DATA_DIR: process.env.E2E_DATA_DIR,
      LINE_CHANNEL_SECRET: TEST_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: E2E_ACCESS_TOKEN,
      LINE_API_BASE_URL: fakeUrl,
      LINE_DATA_API_BASE_URL: fakeUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      APP_URL: baseURL,
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      BETTER_AUTH_SECRET: "e2e-better-auth-secret-0123456789abcdef",
    },
    },
  ],
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
    const pid = Number(fs.readFileSync(`.tmp/${name}.lock`, { encoding: "utf8", flag: "a+" }) || 0);
    if (pid && isAlive(pid)) continue;
    fs.rmSync(`.tmp/${name}`, { recursive: true, force: true });
    fs.rmSync(`.tmp/${name}.lock`, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
