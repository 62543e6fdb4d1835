import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { isPgliteLocked } from "../../db/pglite-lock";
import { E2E_LINE, START } from "../../playwright.config";
import { SIGNED_OUT } from "./members";

// Stopping the console (a deploy, Ctrl+C, docker stop) with a browser's live stream open: the server
// ends the stream so the browser reconnects elsewhere, finishes what it was doing, closes the embedded
// database cleanly (its lock goes with it) and exits at once, instead of being killed mid-write
// when the orchestrator's patience runs out. Started here as `npm start` starts it, as the README deploys it.

const PORT = 3270 + (Number(process.env.E2E_PORT ?? 0) % 9);
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN = { email: "stop-admin@example.com", password: "stop-admin-password-1" };
const DATA_DIR = `.tmp/e2e-stop-${PORT}-${Date.now()}`;

test.use({ storageState: SIGNED_OUT, baseURL: BASE });
test.describe.configure({ timeout: 120_000 });

let server: ChildProcess | undefined;
test.afterAll(() => {
  if (server?.exitCode === null) server.kill("SIGKILL");
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  fs.rmSync(`${DATA_DIR}.lock`, { force: true });
});

test("SIGTERM ends live streams, closes the database cleanly and exits promptly; the next start finds every event", async ({ request }) => {
  server = await start();
  const body = JSON.stringify({
    destination: "Uffffffffffffffffffffffffffffffff",
    events: [
      {
        type: "follow",
        mode: "active",
        timestamp: Date.now(),
        source: { type: "user", userId: "U0000000000000000000000000000stop" },
        webhookEventId: "01STOPTEST0000000000000001",
        deliveryContext: { isRedelivery: false },
        replyToken: "r",
      },
    ],
  });
  const signature = createHmac("sha256", E2E_LINE.channelSecret).update(body).digest("base64");
  expect(
    (await request.post("/api/line/webhook", { data: body, headers: { "content-type": "application/json", "x-line-signature": signature } })).status(),
  ).toBe(200);

  // An operator's open timeline: the live stream of server-sent events.
  expect((await request.post("/api/auth/sign-in/email", { data: ADMIN, headers: { origin: BASE } })).status()).toBe(200);
  const cookie = (await request.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const live = await fetch(`${BASE}/api/live`, { headers: { cookie } });
  expect(live.status).toBe(200);
  const reader = live.body!.getReader();
  await reader.read();
  const streamEnded = (async () => {
    while (!(await reader.read().catch(() => ({ done: true }))).done);
    return true;
  })();

  expect(isPgliteLocked(DATA_DIR)).toBe(true);
  const exited = new Promise<number | null>((resolve) => server!.once("exit", (code) => resolve(code)));
  server.kill("SIGTERM");
  const outcome = await Promise.race([exited.then(() => "exited"), new Promise((r) => setTimeout(() => r("still running after 10 s"), 10_000))]);
  expect(outcome).toBe("exited");
  expect(await streamEnded).toBe(true);
  expect(isPgliteLocked(DATA_DIR), "the database lock is released").toBe(false);

  // Started again on the same data: the event is there.
  server = await start();
  expect((await request.post("/api/auth/sign-in/email", { data: ADMIN, headers: { origin: BASE } })).status()).toBe(200);
  const { items } = (await (await request.get("/api/events?type=follow")).json()) as { items: Array<{ webhookEventId: string }> };
  expect(items.map((e) => e.webhookEventId)).toEqual(["01STOPTEST0000000000000001"]);
  server.kill("SIGTERM");
});

async function start(): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    HOSTNAME: "127.0.0.1",
    PGLITE_DATA_DIR: DATA_DIR,
    APP_URL: BASE,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LINE_CHANNEL_SECRET: E2E_LINE.channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: E2E_LINE.channelAccessToken,
    LINE_API_BASE_URL: E2E_LINE.apiUrl,
    LINE_DATA_API_BASE_URL: E2E_LINE.apiUrl,
    BETTER_AUTH_SECRET: "shutdown-test-auth-secret-0123456789abcdef",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const name of ["DATABASE_URL", "DEMO_MODE", "FAKE_LINE_URL"]) delete env[name];
  const [command, ...args] = START.split(" ");
  const child = spawn(command!, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return child;
    } catch {}
    if (Date.now() > deadline) throw new Error("the console did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
}
