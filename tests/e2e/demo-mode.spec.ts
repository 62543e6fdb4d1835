import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { START } from "../../playwright.config";
import { SIGNED_OUT } from "./members";
import { visit } from "./visit";

// The newcomer's path: the console started with no LINE credentials (the launcher behind `npm start`)
// runs in demo mode on the fake LINE platform. Act as a friend in the simulator, see the event arrive
// in the timeline; send a narrowcast, and see on the friends' phones who got it.

const PORT = 3290 + (Number(process.env.E2E_PORT ?? 0) % 9);
const FAKE_PORT = 4290 + (Number(process.env.E2E_PORT ?? 0) % 9);
// Not the echo bot's default 4020, which a developer's own `npm run dev` in demo mode holds.
const ECHO_BOT_PORT = 4280 + (Number(process.env.E2E_PORT ?? 0) % 9);
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN = { email: "demo-admin@example.com", password: "demo-admin-password-1" };
const DATA_DIR = `.tmp/e2e-demo-${PORT}-${Date.now()}`;

let server: ChildProcess;

test.describe.configure({ mode: "serial", timeout: 120_000 });
test.use({ storageState: SIGNED_OUT, baseURL: BASE });

test.beforeAll(async () => {
  // A first start makes a PGlite database, the fake's world and a production server: about 25 s on a busy
  // 2-core machine, and past 90 s once in a CI run with builds beside it.
  test.setTimeout(240_000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    FAKE_LINE_PORT: String(FAKE_PORT),
    ECHO_BOT_PORT: String(ECHO_BOT_PORT),
    PGLITE_DATA_DIR: DATA_DIR,
    APP_URL: BASE,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const name of [
    "LINE_CHANNEL_SECRET",
    "LINE_CHANNEL_ACCESS_TOKEN",
    "LINE_API_BASE_URL",
    "LINE_DATA_API_BASE_URL",
    "DEMO_MODE",
    "FAKE_LINE_URL",
    "DATABASE_URL",
    "HOSTNAME",
  ])
    delete env[name];
  const [command, ...args] = START.split(" ");
  server = spawn(command!, args, { env, stdio: "ignore", detached: true });
  const deadline = Date.now() + 200_000;
  for (;;) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error("the demo console did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {}
  }
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
});

test("the first minute shows the console at work: simulated friends write at once, and the banner stops them", async ({ page }) => {
  await signIn(page);
  // No LINE Developers Console steps to follow in demo mode: the fake platform is wired already.
  await expect(page.getByTestId("demo-tour")).toBeVisible();
  await expect(page.getByText("Connect your LINE channel")).toHaveCount(0);
  const traffic = page.getByTestId("demo-traffic");
  await expect(traffic).toHaveAttribute("data-running", "true");
  await expect(traffic).toContainText("Simulated friends writing");
  // Events arrive with nobody touching the simulator.
  await expect
    .poll(async () => ((await (await page.request.get("/api/events?limit=5")).json()) as { items: unknown[] }).items.length, { timeout: 30_000 })
    .toBeGreaterThan(0);
  await traffic.getByRole("button", { name: "Stop" }).click();
  await expect(traffic).toHaveAttribute("data-running", "false");
  await expect(traffic).toContainText("quiet");
  expect(((await (await page.request.get("/api/demo/traffic")).json()) as { running: boolean }).running).toBe(false);
});

test("the demo runs two Official Accounts: the Bangkok shop was added with its id and secret, and its own friends write to its own URL", async ({ page }) => {
  await signIn(page);
  const { items } = (await (await page.request.get("/api/channels")).json()) as {
    items: Array<{ key: string; name: string; tokenSource: string; webhookUrl: string }>;
  };
  expect(items.map((c) => c.name)).toEqual(["森林咖啡 Forest Café 台北", "สยามช็อป Siam Shop Bangkok"]);
  const shop = items[1]!;
  // Added as an admin adds one with id and secret alone: the console issues its tokens itself.
  expect(shop.tokenSource).toBe("issued");
  expect(shop.webhookUrl).toBe(`${BASE}/api/line/webhook/${shop.key}`);
  // Its simulated friends write too, and what they write is the shop's alone.
  await expect
    .poll(async () => ((await (await page.request.get(`/api/events?limit=5&channel=${shop.key}`)).json()) as { items: unknown[] }).items.length, {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  const shopEvents = (await (await page.request.get(`/api/events?limit=50&channel=${shop.key}`)).json()) as { items: Array<{ id: number }> };
  const cafeEvents = (await (await page.request.get("/api/events?limit=200&channel=default")).json()) as { items: Array<{ id: number }> };
  const cafeIds = new Set(cafeEvents.items.map((e) => e.id));
  expect(shopEvents.items.filter((e) => cafeIds.has(e.id))).toEqual([]);
  // Its pages live under its key.
  await visit(page, `/channels/${shop.key}/events`);
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
});

test("a friend's message in the simulator arrives in the timeline, and the phone shows who a narrowcast reached", async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole("status").filter({ hasText: "Demo mode" })).toContainText("fake LINE platform");

  // Act as a friend.
  await visit(page, "/simulator");
  const friends = page.getByRole("region", { name: "Fake friends" });
  await friends.getByRole("button").first().click();
  const text = `Is the Shinjuku shop open today? ${Date.now()}`;
  await page.getByRole("textbox", { name: /^Message as / }).fill(text);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("phone-sent").filter({ hasText: text })).toBeVisible({ timeout: 15_000 });

  // The event is in the timeline, without a reload of anything but the page we open.
  await visit(page, "/events");
  await expect(page.getByText(text)).toBeVisible({ timeout: 15_000 });

  // A narrowcast to women only: a woman's phone shows it, a man's does not.
  const sent = await page.request.post("/api/messages/narrowcast", {
    headers: { origin: BASE },
    data: { messages: [{ type: "text", text: `For women only ${Date.now()}` }], filter: { demographic: { type: "gender", oneOf: ["female"] } } },
  });
  expect(sent.status(), await sent.text()).toBe(202);
  const { id } = (await sent.json()) as { id: string };
  await expect
    .poll(async () => ((await (await page.request.get(`/api/messages/${id}`)).json()) as { status: string }).status, { timeout: 60_000 })
    .toBe("sent");

  const people = (await (await page.request.get("/api/demo/friends?status=following&limit=100")).json()) as {
    users: Array<{ userId: string; displayName: string; gender: string | null }>;
  };
  const woman = people.users.find((u) => u.gender === "female")!;
  const man = people.users.find((u) => u.gender === "male")!;
  await visit(page, "/simulator");
  await friends.getByRole("textbox").fill(woman.userId);
  await friends.getByRole("button", { name: new RegExp(escape(woman.displayName)) }).click();
  await expect(page.getByTestId("phone-received").filter({ hasText: "For women only" })).toBeVisible({ timeout: 10_000 });
  await friends.getByRole("textbox").fill(man.userId);
  await friends.getByRole("button", { name: new RegExp(escape(man.displayName)) }).click();
  await expect(page.getByRole("figure", { name: `${man.displayName}'s phone` })).toBeVisible();
  await expect(page.getByTestId("phone-received").filter({ hasText: "For women only" })).toHaveCount(0);
});

test("an operator answering from the conversation: the friend's phone shows the account typing, then their messages read", async ({ page, context }) => {
  await visit(page, "/sign-in");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${BASE}/channels/default`);
  const settings = await page.request.patch("/api/settings/channel/conversation", {
    headers: { origin: BASE },
    data: { loadingAnimation: true, markAsRead: true },
  });
  expect(settings.status(), await settings.text()).toBe(200);

  // The friend writes from their phone.
  const people = (await (await page.request.get("/api/demo/friends?status=following&limit=20")).json()) as {
    users: Array<{ userId: string; displayName: string }>;
  };
  const friend = people.users[5]!;
  await visit(page, "/simulator");
  const friends = page.getByRole("region", { name: "Fake friends" });
  await friends.getByRole("textbox").fill(friend.userId);
  await friends.getByRole("button", { name: new RegExp(escape(friend.displayName)) }).click();
  const text = `Do you deliver to Banqiao? ${Date.now()}`;
  await page.getByRole("textbox", { name: /^Message as / }).fill(text);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("phone-sent").filter({ hasText: text })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("phone-read")).toHaveCount(0);
  await expect.poll(async () => (await page.request.get(`/api/contacts/${friend.userId}`)).status(), { timeout: 15_000 }).toBe(200);

  // An operator opens their conversation (it marks their messages read) and starts typing.
  const desk = await context.newPage();
  await visit(desk, `/contacts/${friend.userId}`);
  const field = desk.getByTestId("conversation-composer").getByRole("textbox");
  await field.pressSequentially("Yes, ");
  await expect(page.getByTestId("phone-read").first()).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId("phone-typing")).toBeVisible({ timeout: 10_000 });
  // To look at (SCREENSHOTS=1): the phone with the account typing and "Read" under their message.
  if (process.env.SCREENSHOTS) await page.getByRole("figure").screenshot({ path: ".tmp/screenshots/simulator-typing-read.png" });

  // The answer arrives, and the animation ends.
  const answer = `Yes, we deliver to Banqiao ${Date.now()}`;
  await field.fill(answer);
  await field.press("Enter");
  await expect(page.getByTestId("phone-received").filter({ hasText: answer })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("phone-typing")).toHaveCount(0);
});

test("npm start keeps an idle connection open longer than a load balancer's 60 s idle timeout", async () => {
  // Node's default closes an idle connection after 5 s; a balancer reusing it a moment later gets a 502.
  // The announced timeout is what a balancer goes by; a request after 6 s idle shows it is kept.
  const socket = net.connect(PORT, "127.0.0.1");
  const responses: string[] = [];
  let closed = false;
  socket.on("data", (chunk) => responses.push(chunk.toString()));
  socket.on("close", () => (closed = true));
  const health = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n";
  socket.write(health);
  await expect.poll(() => responses.join("")).toContain("HTTP/1.1 200");
  expect(responses.join("")).toMatch(/keep-alive: timeout=65\b/i);
  await new Promise((r) => setTimeout(r, 6_000));
  expect(closed).toBe(false);
  responses.length = 0;
  socket.write(health);
  await expect.poll(() => responses.join("")).toContain("HTTP/1.1 200");
  socket.destroy();
});

async function signIn(page: Page) {
  await visit(page, "/sign-in");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${BASE}/channels/default`);
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
