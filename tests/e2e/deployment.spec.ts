import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { E2E_LINE, START } from "../../playwright.config";
import { SIGNED_OUT } from "./members";

// The console as deployed behind a TLS-terminating proxy: started (as `npm start` starts it) with an
// https APP_URL, HOSTNAME=127.0.0.1 and TRUST_PROXY=1, on a build made without any of them. What the
// server does with these is decided when it starts, so this server's answers are what count.

const PORT = 3280 + (Number(process.env.E2E_PORT ?? 0) % 9);
const BASE = `http://127.0.0.1:${PORT}`;
const APP_URL = "https://console.example.test";
const ADMIN = { email: "proxy-admin@example.com", password: "proxy-admin-password-1" };
const DATA_DIR = `.tmp/e2e-deploy-${PORT}-${Date.now()}`;

test.use({ storageState: SIGNED_OUT, baseURL: BASE });
test.describe.configure({ mode: "serial", timeout: 90_000 });

let server: ChildProcess | undefined;
test.beforeAll(async () => {
  server = await start();
});
test.afterAll(async () => {
  if (server?.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  fs.rmSync(`${DATA_DIR}.lock`, { force: true });
});

test("every answer carries HSTS when the server runs for an https APP_URL", async () => {
  for (const path of ["/api/health", "/sign-in"]) {
    expect((await fetch(`${BASE}${path}`, { redirect: "manual" })).headers.get("strict-transport-security"), path).toBe("max-age=63072000; includeSubDomains");
  }
});

test("HOSTNAME=127.0.0.1 binds that address only", async () => {
  // Every 127.x address is this machine; a server on every interface would answer on 127.0.0.2 too.
  const socket = net.connect(PORT, "127.0.0.2");
  const outcome = await new Promise<string>((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
  });
  socket.destroy();
  expect(outcome).toBe("ECONNREFUSED");
});

test("TRUST_PROXY=1 takes the client's address from the proxy's entry, not from what the client wrote before it", async () => {
  const signIn = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: APP_URL, "x-forwarded-for": "6.6.6.6, 203.0.113.9", "x-forwarded-proto": "https" },
    body: JSON.stringify(ADMIN),
  });
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { items } = (await (await fetch(`${BASE}/api/me/sessions`, { headers: { cookie } })).json()) as {
    items: Array<{ current: boolean; ipAddress: string }>;
  };
  expect(items.find((s) => s.current)?.ipAddress).toBe("203.0.113.9");
});

async function start(): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    HOSTNAME: "127.0.0.1",
    TRUST_PROXY: "1",
    APP_URL,
    PGLITE_DATA_DIR: DATA_DIR,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LINE_CHANNEL_SECRET: E2E_LINE.channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: E2E_LINE.channelAccessToken,
    LINE_API_BASE_URL: E2E_LINE.apiUrl,
    LINE_DATA_API_BASE_URL: E2E_LINE.apiUrl,
    BETTER_AUTH_SECRET: "deploy-test-auth-secret-0123456789abcdef",
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
    if (Date.now() > deadline) throw new Error(`the console did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
