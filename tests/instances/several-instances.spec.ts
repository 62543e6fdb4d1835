import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { createDatabase, freePort, startConsole, startFakeLine, type Started } from "./processes";
import { startRoundRobinProxy, type RoundRobinProxy } from "./round-robin-proxy";
import { deliver, redelivered, textEvent, type LineEvent } from "./webhooks";

// Issue 21, "Several instances, proven": two consoles of the production build on one PostgreSQL behind
// a round-robin proxy, the fake LINE platform (its own process) as LINE. Signed webhooks go to both; a
// multicast to 2,000 friends is finished by one instance after the instance sending it is killed with
// SIGKILL mid-send, and LINE's inboxes show each friend received it once; a browser on the surviving
// instance sees what arrived at the other. The tests run in order, on the same processes.

const SERVER = process.env.TEST_DATABASE_URL;
test.skip(!SERVER, "needs a PostgreSQL server: TEST_DATABASE_URL=postgres://… npm run test:instances");
test.describe.configure({ mode: "serial" });

const RECIPIENTS = 2_000;
const MULTICAST = "/v2/bot/message/multicast";
const ADMIN = { email: "instances-admin@example.com", password: "instances-admin-password-1" };
const LOGS = `.tmp/instances-${Date.now()}`;

let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
let fake: Awaited<ReturnType<typeof startFakeLine>> | undefined;
let proxy: RoundRobinProxy | undefined;
let a: Started | undefined;
let b: Started | undefined;
let sql: pg.Pool | undefined;
let destination = "";
let consoleEnv: Record<string, string> = {};
// The instance that took the multicast's requests and was killed, and the other; an admin's session.
let sender: Started | undefined;
let survivor: Started | undefined;
let cookie = "";

test.beforeAll(async () => {
  test.setTimeout(240_000);
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build in .next: `npm run test:instances` builds one (or run `npx next build`).");
  database = await createDatabase(SERVER!);
  sql = new pg.Pool({ connectionString: database.url, max: 2 });
  // More friends than recipients: about 7 % of the fake's friends have blocked the account. No monthly
  // quota to run out of; a request log long enough for the whole run.
  fake = await startFakeLine({ args: ["--friends", "2400", "--quota", "none", "--request-log-limit", "5000"], logFile: `${LOGS}/fake-line.log` });
  destination = ((await (await fetch(`${fake.url}/__fake/bot`)).json()) as { userId: string }).userId;

  const ports = [await freePort(), await freePort()];
  proxy = await startRoundRobinProxy(ports.map((p) => `http://127.0.0.1:${p}`));
  consoleEnv = {
    DATABASE_URL: database.url,
    // One proxy in front (README, Self-hosting): its X-Forwarded-* headers are believed.
    TRUST_PROXY: "1",
    // What users type in: the proxy. Sessions and their cookies are the same on every instance.
    APP_URL: proxy.url,
    BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LINE_CHANNEL_SECRET: fake.channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
  };
  // Both at once, as a deployment starts them: migrations and the first admin race on one database.
  step("the fake LINE platform and the proxy are up; starting two consoles");
  [a, b] = await Promise.all([
    startConsole({ port: ports[0]!, env: consoleEnv, logFile: `${LOGS}/console-a.log` }),
    startConsole({ port: ports[1]!, env: consoleEnv, logFile: `${LOGS}/console-b.log` }),
  ]);
  step(`consoles ready: A ${a.url}, B ${b.url}, proxy ${proxy.url}`);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await proxy?.close();
  await fake?.stop();
  await sql?.end();
  await database?.drop();
});

test("signed webhooks dealt to both instances, redeliveries racing on both: every acknowledged event is stored once", async () => {
  const sent: LineEvent[][] = Array.from({ length: 150 }, (_, i) => [textEvent(`delivery ${i} a`), textEvent(`delivery ${i} b`)]);
  const statuses: number[] = [];
  const acknowledged = new Set<string>();
  const post = async (events: LineEvent[]) => {
    const status = await deliver(proxy!.url, fake!.channelSecret, destination, events);
    statuses.push(status);
    if (status === 200) for (const e of events) acknowledged.add(e.webhookEventId);
  };

  // LINE's concurrency: deliveries overlap, eight at a time, dealt in turn to A and B.
  await inParallel(sent, 8, post);
  // A redelivery sent while the first delivery is still being answered (LINE timed out on a slow
  // answer): the two requests leave together, so the proxy deals one to each instance and both
  // instances store the same events at the same moment.
  for (const events of sent.slice(0, 40)) await Promise.all([post(events), post(redelivered(events))]);
  // And later redeliveries of events long stored, overlapping each other.
  await inParallel(sent.slice(40, 80).map(redelivered), 8, post);

  expect(
    statuses.filter((s) => s !== 200),
    "every delivery is answered 200",
  ).toEqual([]);
  expect(
    [...proxy!.dealt.values()].every((n) => n >= 100),
    `requests dealt: ${JSON.stringify([...proxy!.dealt])}`,
  ).toBe(true);
  expect(await storedMoreOrLessThanOnce([...acknowledged])).toEqual([]);
  expect(acknowledged.size).toBe(300);
});

test("a multicast to 2,000 started on A, the instance sending it killed with SIGKILL mid-send: the other finishes it, each friend receives it once, every acknowledged webhook is stored once", async () => {
  test.setTimeout(180_000);
  step("the multicast test begins");
  const friends = await followingFriends(RECIPIENTS);
  expect(friends).toHaveLength(RECIPIENTS);

  // Where the kill lands, made certain (2,000 ids are four requests of 500, which the sending instance
  // starts at once):
  // - the first request LINE sees hangs, unprocessed, for as long as its sender lives: LINE never took it;
  // - the first two LINE processes are delivered, but their answers are held back (phase "after"), so
  //   the sender dies not knowing: exactly what X-Line-Retry-Key is for;
  // - the third is delivered and answered at once, and the sender records it.
  await fakeControl("POST", "/__fake/faults", { path: MULTICAST, method: "POST", kind: "hang", delayMs: 120_000, count: 1 });
  await fakeControl("POST", "/__fake/faults", { path: MULTICAST, method: "POST", kind: "slow", phase: "after", delayMs: 120_000, count: 2 });

  // LINE keeps delivering webhooks through the proxy, to both instances, across the kill.
  const load = webhookLoad();
  cookie = await signIn(a!.url);
  const text = `multicast ${randomBytes(4).toString("hex")}`;
  // Stored through A's own port. Which instance then sends it is not A's to decide: the send's requests
  // are leased by whichever instance's background runner claims them first (both are woken by the
  // same NOTIFY), so the instance to kill is the one holding the leases.
  const created = await fetch(`${a!.url}/api/messages/multicast`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: proxy!.url, cookie },
    body: JSON.stringify({ to: friends, messages: [{ type: "text", text }] }),
  });
  expect(created.status, await created.clone().text()).toBe(202);
  const { id } = (await created.json()) as { id: string };
  step(`multicast ${id} to ${RECIPIENTS} stored by A`);

  // Mid-send: LINE has delivered three of the four requests, and one answer is recorded.
  await waitUntil(async () => (await lineDeliveredTo()).size >= 1_500 && (await chunks(id)).some((c) => c.status === "accepted"), 30_000, "never got mid-send");
  const atKill = await chunks(id);
  const deliveredAtKill = await lineDeliveredTo();
  const pending = atKill.filter((c) => c.status === "pending");
  expect(pending, "the send is under way, not finished, at the kill").toHaveLength(3);
  const holds = (who: Started) => pending.filter((c) => c.lockedBy?.includes(`:${who.pid}:`)).length;
  sender = holds(a!) >= holds(b!) ? a! : b!;
  survivor = sender === a ? b! : a!;
  const held = pending.filter((c) => c.lockedBy?.includes(`:${sender!.pid}:`));
  step(`${sender === a ? "A" : "B"} holds ${held.length} of the 3 requests under way; killing it`);
  await sender.kill();
  const killedAt = performance.now();
  // Deliveries go on being dealt to the dead instance (502, as LINE would see a crashed server) and to
  // the other.
  await new Promise((r) => setTimeout(r, 3_000));
  const { acknowledged, unacknowledged } = await load.stop();
  step(`webhook load stopped: ${acknowledged.size} events acknowledged, ${unacknowledged.length} deliveries not`);

  // The survivor's background work takes the requests whose lease the dead one cannot renew (60 s).
  const viaSurvivor = async () =>
    (await (await fetch(`${survivor!.url}/api/messages/${id}`, { headers: { cookie }, signal: AbortSignal.timeout(10_000) })).json()) as { status: string };
  await waitUntil(async () => ["sent", "partially_sent", "failed"].includes((await viaSurvivor()).status), 120_000, "the send never finished");
  const { status } = await viaSurvivor();
  step(`the send is ${status} (read from the survivor), ${((performance.now() - killedAt) / 1000).toFixed(1)} s after the kill`);
  expect(status).toBe("sent");

  // What each friend's LINE shows: the message, once.
  const received = await inboxCounts(friends, text);
  step(`${RECIPIENTS} inboxes read`);
  expect(
    friends.filter((f) => received.get(f) !== 1).map((f) => `${f}: ${received.get(f) ?? 0}`),
    "friends who did not receive it exactly once",
  ).toEqual([]);

  // Each request the dead instance held was made again by the survivor with its retry key: LINE
  // answered 409 (already accepted, not delivered again) to those it had taken, and delivered the one
  // it never saw. LINE delivered four requests in all, one per 500 friends.
  for (const chunk of held) {
    const outcomes = await attemptOutcomes(chunk.id, survivor);
    expect(outcomes, `request ${chunk.seq}, ${deliveredAtKill.has(chunk.first) ? "delivered" : "not delivered"} by LINE at the kill`).toEqual([
      deliveredAtKill.has(chunk.first) ? "duplicate" : "accepted",
    ]);
  }
  expect(((await fakeControl("GET", "/__fake/sends?kind=multicast&limit=100")) as { sends: unknown[] }).sends).toHaveLength(4);

  // The webhooks: those no instance acknowledged (dealt to the dead one) LINE redelivers until one
  // does; then every event LINE saw acknowledged is stored, once.
  expect(acknowledged.size, "webhooks were acknowledged around the kill").toBeGreaterThan(20);
  await inParallel(unacknowledged, 8, async (events) => {
    await waitUntil(
      async () => (await deliver(proxy!.url, fake!.channelSecret, destination, redelivered(events))) === 200,
      20_000,
      "a redelivery was never acknowledged",
    );
    for (const e of events) acknowledged.add(e.webhookEventId);
  });
  step(`${unacknowledged.length} unacknowledged deliveries redelivered and acknowledged`);
  expect(await storedMoreOrLessThanOnce([...acknowledged])).toEqual([]);
});

test("a browser on the surviving instance shows, without a reload, an event that arrived at the other", async ({ browser }) => {
  test.setTimeout(120_000);
  // Which instance survives is known only once the send's leases are taken (above). The other is
  // started again on its port, as its supervisor would, and the event is posted to it directly: it
  // arrives there, and reaches the survivor's browser through PostgreSQL's NOTIFY alone.
  const restarted = await startConsole({ port: Number(new URL(sender!.url).port), env: consoleEnv, logFile: `${LOGS}/console-restarted.log` });
  if (sender === a) a = restarted;
  else b = restarted;
  step("the killed instance is ready again");

  const context = await browser.newContext({ baseURL: proxy!.url });
  const page = await context.newPage();
  // Signed in through the proxy, as a user is: the session lives in the shared database, and the
  // cookie (per host, not per port) goes to the survivor's port as well.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${proxy!.url}/channels/default`);

  await page.goto(`${survivor!.url}/events`);
  await page.locator("html[data-ready]").waitFor({ state: "attached" });
  await expect(page.getByRole("status").filter({ hasText: "Streaming live" })).toBeVisible();
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  const text = `arrived at the other ${randomBytes(4).toString("hex")}`;
  expect(await deliver(restarted.url, fake!.channelSecret, destination, [textEvent(text)])).toBe(200);
  // Its commit NOTIFYs; the survivor LISTENs and tells its browsers (lib/platform/live/hub.ts).
  await expect(page.getByRole("article").filter({ hasText: text })).toBeVisible({ timeout: 5_000 });
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await context.close();
});

// Where a long test is, in its output (a CI log is all there is to read afterwards).
const began = performance.now();
function step(what: string) {
  console.log(`[instances] ${((performance.now() - began) / 1000).toFixed(1).padStart(6)} s  ${what}`);
}

/** Event ids (of those given) not stored exactly once, with how many times they are. */
async function storedMoreOrLessThanOnce(ids: string[]): Promise<string[]> {
  const { rows } = await sql!.query<{ id: string; n: number }>(
    "select webhook_event_id as id, count(*)::int as n from events where webhook_event_id = any($1) group by 1",
    [ids],
  );
  const stored = new Map(rows.map((r) => [r.id, r.n]));
  return ids.filter((id) => stored.get(id) !== 1).map((id) => `${id}: stored ${stored.get(id) ?? 0} times`);
}

/** The send's requests: status, the worker leasing it (host:pid:…) and its first recipient. */
async function chunks(sendId: string) {
  const { rows } = await sql!.query<{ id: string; seq: number; status: string; lockedBy: string | null; first: string }>(
    'select id, seq, status, locked_by as "lockedBy", recipients[1] as first from send_chunks where send_id = $1 order by seq',
    [sendId],
  );
  return rows;
}

/** What the instance's worker (its pid in the worker's name) made of one request. */
async function attemptOutcomes(chunkId: string, by: Started): Promise<string[]> {
  const { rows } = await sql!.query<{ outcome: string; worker: string }>("select outcome, worker from send_attempts where chunk_id = $1 order by id", [
    chunkId,
  ]);
  return rows.filter((r) => r.worker.includes(`:${by.pid}:`)).map((r) => r.outcome);
}

/** Deliveries through the proxy, four at a time, until stopped. */
function webhookLoad() {
  const acknowledged = new Set<string>();
  const unacknowledged: LineEvent[][] = [];
  let running = true;
  let n = 0;
  const workers = Array.from({ length: 4 }, async () => {
    while (running) {
      const events = [textEvent(`load ${n++}`)];
      if ((await deliver(proxy!.url, fake!.channelSecret, destination, events)) === 200) for (const e of events) acknowledged.add(e.webhookEventId);
      else unacknowledged.push(events);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(workers);
      return { acknowledged, unacknowledged };
    },
  };
}

async function signIn(base: string): Promise<string> {
  // Origin: the console's address (APP_URL), the proxy's, as a browser's would be.
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: proxy!.url },
    body: JSON.stringify(ADMIN),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function followingFriends(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ids.length < count; offset += 1000) {
    const page = (await fakeControl("GET", `/__fake/friends?status=following&limit=1000&offset=${offset}`)) as { users: Array<{ userId: string }> };
    if (page.users.length === 0) break;
    ids.push(...page.users.map((u) => u.userId));
  }
  return ids.slice(0, count);
}

/** Everyone LINE has delivered a multicast to (requests processed, whatever became of their answers). */
async function lineDeliveredTo(): Promise<Set<string>> {
  const { sends } = (await fakeControl("GET", "/__fake/sends?kind=multicast&limit=100")) as { sends: Array<{ requestId: string }> };
  const to = new Set<string>();
  for (const send of sends)
    for (const id of ((await fakeControl("GET", `/__fake/sends/${send.requestId}`)) as { deliveredTo: string[] }).deliveredTo) to.add(id);
  return to;
}

/** How many times each friend's inbox holds a multicast with this text. */
async function inboxCounts(friends: string[], text: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await inParallel(friends, 16, async (friend) => {
    const inbox = (await fakeControl("GET", `/__fake/inbox/${friend}?kind=multicast`)) as {
      entries: Array<{ messages: Array<{ message: { text?: string } }> }>;
    };
    counts.set(friend, inbox.entries.filter((e) => e.messages.some((m) => m.message.text === text)).length);
  });
  return counts;
}

async function fakeControl(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${fake!.url}${path}`, {
    method,
    signal: AbortSignal.timeout(10_000),
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function inParallel<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

async function waitUntil(done: () => Promise<boolean>, ms: number, message: string) {
  const deadline = Date.now() + ms;
  while (!(await done().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((r) => setTimeout(r, 200));
  }
}
