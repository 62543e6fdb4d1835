import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getSend } from "@/db/queries/sends";
import { startFakeLine, type FakeLine } from "@/fake-line/server";
import type { Actor } from "@/lib/auth/require-actor";
import { campaignCsv } from "@/lib/campaigns/campaign-csv";
import { readCampaign } from "@/lib/campaigns/read-campaigns";
import { fetchDueStatistics } from "@/lib/campaigns/statistics-job";
import { createLineClients, type LineClients } from "@/lib/line/clients";
import { lineDate } from "@/lib/line/line-dates";
import { createSend, type CreateSendInput } from "@/lib/sends/create-send";
import { startSendRunner } from "@/lib/sends/runner";
import type { SendBody } from "@/lib/sends/send-schemas";
import { createTestDatabase, resetTestDatabase, type TestDatabase } from "../helpers/test-db";

// Issue 24: LINE's statistics of every send, fetched on a schedule from the fake LINE platform over
// HTTP, within LINE's 60 calls an hour per insight endpoint, never twice at once, until LINE lets them go.

let t: TestDatabase;
let fake: FakeLine;
let clients: LineClients;
let runner: ReturnType<typeof startSendRunner> | undefined;
const actor: Actor = {
  kind: "user",
  id: "u1",
  name: "Somchai",
  email: "somchai@example.com",
  role: "operator",
  consoleRole: "operator",
  sessionId: "s",
  locale: null,
  timeZone: null,
};
const db = () => t.handle.db;
const MINUTE = 60_000;

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeLine({ port: 0, friends: 600, narrowcastPhaseMs: 30, monthlyQuota: "none" });
  clients = createLineClients({ accessToken: fake.channelAccessToken, apiBaseUrl: fake.url, dataApiBaseUrl: fake.url });
});
afterAll(async () => {
  await fake.close();
  await t.close();
});
beforeEach(async () => {
  await resetTestDatabase(t);
  await control("DELETE", "/__fake/faults");
  await control("DELETE", "/__fake/requests");
});
afterEach(async () => {
  await runner?.stop();
  runner = undefined;
});

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.status === 204 ? null : res.json();
}

async function requestsTo(path: string) {
  return (
    (await control("GET", `/__fake/requests?path=${encodeURIComponent(path)}&limit=1000`)) as {
      requests: Array<{ path: string; query: Record<string, string>; status: number }>;
    }
  ).requests;
}

const TEXT = [{ type: "text", text: "Songkran sale: https://example.com/songkran" }];

async function sent(kind: CreateSendInput["kind"], body: Record<string, unknown> = {}, extra: Partial<CreateSendInput> = {}) {
  const { send } = await createSend(db(), {
    channelId: t.channelId,
    kind,
    body: { messages: TEXT, ...body } as SendBody,
    actor,
    clients: () => clients,
    newCampaign: { name: `A ${kind}` },
    ...extra,
  });
  runner ??= startSendRunner({ handle: t.handle, clients: () => clients, idleMs: 20 });
  const deadline = Date.now() + 20_000;
  for (;;) {
    const s = await getSend(db(), { channelId: t.channelId, id: send.id });
    if (s && ["sent", "partially_sent", "failed"].includes(s.send.status)) return s;
    if (Date.now() > deadline) throw new Error(`send ${send.id} still ${s?.send.status}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface Row {
  subject: string;
  campaign_id: string | null;
  send_id: string | null;
  body: Record<string, unknown> | null;
  fetched_at: Date | string | null;
  since: Date | string;
  keep_until: Date | string;
  next_fetch_at: Date | string | null;
  attempts: number;
  error: { status: number } | null;
}
async function rows(): Promise<Row[]> {
  const res = await db().execute(sql`select * from send_statistics order by subject`);
  return (res as unknown as { rows: Row[] }).rows;
}
const ms = (v: Date | string | null) => (v === null ? null : new Date(v).getTime());
const due = () => db().execute(sql`update send_statistics set next_fetch_at = now() where next_fetch_at is not null`);
const page = (id: string) => readCampaign(db(), { channelId: t.channelId, id, clients: () => clients });

describe("statistics of sends", () => {
  it("makes a broadcast's statistics due 20 minutes after it is accepted, fetches them, then looks again an hour after", async () => {
    const s = await sent("broadcast");
    const requestId = s.chunks[0]!.lineRequestId!;
    const [row] = await rows();
    expect(row).toMatchObject({ subject: `request:${requestId}`, send_id: s.send.id, campaign_id: s.send.campaignId, body: null });
    expect(ms(row!.next_fetch_at)! - Date.now()).toBeGreaterThan(19 * MINUTE);
    expect(ms(row!.keep_until)! - s.send.createdAt.getTime()).toBe(14 * 24 * 60 * MINUTE);

    // Friends open and tap over the hours after a send (the fake's clock): look six hours on.
    await control("POST", "/__fake/clock/advance", { ms: 6 * 60 * MINUTE });
    await due();
    expect(await fetchDueStatistics(db(), () => clients)).toBe(1);
    const [fetched] = await rows();
    expect((fetched!.body!.overview as { delivered: number }).delivered).toBeGreaterThan(400);
    expect(ms(fetched!.fetched_at)).toBeGreaterThan(Date.now() - MINUTE);
    expect(ms(fetched!.next_fetch_at)).toBe(s.send.createdAt.getTime() + 60 * MINUTE);
    expect(await requestsTo("/v2/bot/insight/message/event")).toHaveLength(1);

    const campaign = await page(s.send.campaignId!);
    expect(campaign.fetchedAt).toBe(new Date(fetched!.fetched_at!).toISOString());
    const funnel = campaign.sends[0]!.funnel;
    expect(funnel.delivered.value).toBeGreaterThan(400);
    expect(funnel.opened.value).toBeGreaterThan(20);
    expect(funnel.clicked.value).toBeGreaterThan(20);
    expect(campaign.sends[0]!.clicks[0]).toMatchObject({ url: "https://example.com/songkran", uniqueClicks: { value: expect.any(Number) } });
  });

  it("shows what LINE hides below 20 as hidden (null), never as 0, in the page and the CSV", async () => {
    const s = await sent("narrowcast", { limit: { max: 8 } });
    expect(s.send.status).toBe("sent");
    await due();
    await fetchDueStatistics(db(), () => clients);
    const campaign = await page(s.send.campaignId!);
    const { funnel } = campaign.sends[0]!;
    expect(funnel.delivered).toEqual({ value: 8 });
    expect(funnel.opened).toEqual({ value: null, hidden: true });
    expect(funnel.clicked).toEqual({ value: null, hidden: true });
    expect(campaign.totals.opened).toEqual({ value: null, hidden: true });
    const [header, line] = campaignCsv(campaign).split("\r\n");
    const cols = header!.replace("\ufeff", "").split(",");
    const cells = line!.split(",");
    expect(cells[cols.indexOf("opened")]).toBe("<20");
    expect(cells[cols.indexOf("clicked")]).toBe("<20");
    expect(cells[cols.indexOf("delivered")]).toBe("8");
  });

  it("stops fetching once LINE no longer keeps the figures (14 days after the send)", async () => {
    await sent("broadcast");
    await db().execute(sql`update send_statistics set keep_until = now() - interval '1 minute', next_fetch_at = now()`);
    await fetchDueStatistics(db(), () => clients);
    const [row] = await rows();
    expect(row).toMatchObject({ next_fetch_at: null, body: null, attempts: 0 });
    expect(await requestsTo("/v2/bot/insight/message/event")).toHaveLength(0);
    // Nothing is due any more.
    expect(await fetchDueStatistics(db(), () => clients)).toBe(0);
  });

  it("takes one last look just before the 14 days are up, then none", async () => {
    await sent("broadcast");
    await db().execute(sql`update send_statistics set keep_until = now() + interval '2 hours', next_fetch_at = now()`);
    await fetchDueStatistics(db(), () => clients);
    const [row] = await rows();
    expect(ms(row!.next_fetch_at)).toBe(ms(row!.keep_until)! - 5 * MINUTE);
    await db().execute(sql`update send_statistics set keep_until = now() + interval '4 minutes', next_fetch_at = now()`);
    await fetchDueStatistics(db(), () => clients);
    const [last] = await rows();
    expect(last!.next_fetch_at).toBeNull();
    expect(await requestsTo("/v2/bot/insight/message/event")).toHaveLength(2);
  });

  it("never fetches one statistic twice at once, with several instances fetching", async () => {
    for (let i = 0; i < 3; i++) await sent("broadcast");
    await due();
    const taken = await Promise.all([
      fetchDueStatistics(db(), () => clients),
      fetchDueStatistics(db(), () => clients),
      fetchDueStatistics(db(), () => clients),
    ]);
    expect(taken.reduce((a, b) => a + b, 0)).toBe(3);
    const asked = (await requestsTo("/v2/bot/insight/message/event")).map((r) => r.query.requestId);
    expect(asked).toHaveLength(3);
    expect(new Set(asked).size).toBe(3);
  });

  it("backs off when LINE answers 429, and asks nothing more of that endpoint this hour", async () => {
    await sent("broadcast");
    await sent("broadcast");
    await control("POST", "/__fake/faults", { path: "/v2/bot/insight/message/event", kind: "error", status: 429, count: 1 });
    await due();
    await fetchDueStatistics(db(), () => clients, { limit: 1 });
    await fetchDueStatistics(db(), () => clients, { limit: 1 });
    const [a, b] = (await rows()).sort((x, y) => (x.error ? -1 : y.error ? 1 : 0));
    expect(a!.error).toMatchObject({ status: 429 });
    expect(ms(a!.next_fetch_at)! - Date.now()).toBeGreaterThan(14 * MINUTE);
    // The other waits for the next hour, its attempt not counted.
    expect(b!.body).toBeNull();
    expect(ms(b!.next_fetch_at)).toBe(Math.floor(Date.now() / (60 * MINUTE)) * 60 * MINUTE + 60 * MINUTE);
    expect(b!.attempts).toBe(0);
    expect(await requestsTo("/v2/bot/insight/message/event")).toHaveLength(1);
  });

  it("keeps to 50 calls an hour per insight endpoint, shared by every instance", async () => {
    await sent("broadcast");
    await db().execute(sql`
      insert into rate_windows (key, window_start, used)
      values (${`insight:${t.channelId}:event`}, ${new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString()}::timestamptz, 50)`);
    await due();
    await fetchDueStatistics(db(), () => clients);
    expect(await requestsTo("/v2/bot/insight/message/event")).toHaveLength(0);
    expect((await rows())[0]!.attempts).toBe(0);
  });

  // Needs fake-line's GET /v2/bot/insight/message/event/aggregation (added beside this work).
  it("fetches a campaign's pushes and multicasts by its aggregation unit, from its first send's day (UTC+9)", async () => {
    const to = ((await control("GET", "/__fake/friends?status=following&limit=60")) as { users: Array<{ userId: string }> }).users.map((u) => u.userId);
    const first = await sent("multicast", { to: to.slice(0, 30) });
    await sent("multicast", { to: to.slice(30) }, { newCampaign: null, campaignId: first.send.campaignId });
    const unit = first.send.aggregationUnit!;
    const [row] = await rows();
    expect(row).toMatchObject({ subject: `unit:${unit}`, campaign_id: first.send.campaignId, send_id: null });
    expect(ms(row!.since)).toBe(first.send.createdAt.getTime());
    await due();
    await fetchDueStatistics(db(), () => clients);
    const [asked] = await requestsTo("/v2/bot/insight/message/event/aggregation");
    const today = lineDate(new Date());
    expect(asked!.query).toEqual({ customAggregationUnit: unit, from: lineDate(first.send.createdAt), to: today });
    const campaign = await page(first.send.campaignId!);
    expect(campaign.sends.map((s) => s.subject)).toEqual([`unit:${unit}`, `unit:${unit}`]);
    expect(campaign.sends[0]!.sharedWith).toEqual([campaign.sends[1]!.id]);
    expect(campaign.sends[0]!.funnel.sent).toEqual({ value: 60 });
    expect(campaign.sends[0]!.funnel.delivered).toEqual({ value: null, notReported: true });
    expect(campaign.sends[0]!.funnel.opened.value ?? campaign.sends[0]!.funnel.opened.hidden).toBeTruthy();
  });
});
