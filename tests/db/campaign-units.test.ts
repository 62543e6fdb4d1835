import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getCampaign, insertCampaign } from "@/db/queries/campaigns";
import { getSend } from "@/db/queries/sends";
import { sends } from "@/db/schema/sends";
import { startFakeLine, type FakeLine } from "@/fake-line/server";
import type { Actor } from "@/lib/auth/require-actor";
import { UNIT_MONTHLY_LIMIT, UNIT_RESERVE } from "@/lib/campaigns/aggregation-units";
import { readCampaign } from "@/lib/campaigns/read-campaigns";
import { createLineClients, type LineClients } from "@/lib/line/clients";
import { lineMonth } from "@/lib/line/line-dates";
import { createSend, type CreateSendInput } from "@/lib/sends/create-send";
import { startSendRunner } from "@/lib/sends/runner";
import type { SendBody } from "@/lib/sends/send-schemas";
import { createTestDatabase, resetTestDatabase, type TestDatabase } from "../helpers/test-db";

// Issue 24: a campaign's pushes and multicasts carry ONE LINE custom aggregation unit, taken from LINE's
// monthly budget (1,000 names) only while more than a reserve remains; a send never fails for want of one.

let t: TestDatabase;
let fake: FakeLine;
let clients: LineClients;
let runner: ReturnType<typeof startSendRunner> | undefined;
const actor: Actor = {
  kind: "user",
  id: "u1",
  name: "Mei",
  email: "mei@example.com",
  role: "operator",
  consoleRole: "operator",
  sessionId: "s",
  locale: null,
  timeZone: null,
};
const db = () => t.handle.db;

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeLine({ port: 0, friends: 1300, monthlyQuota: "none" });
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

async function friends(n: number): Promise<string[]> {
  const res = (await control("GET", `/__fake/friends?status=following&limit=${n}`)) as { users: Array<{ userId: string }> };
  return res.users.map((u) => u.userId);
}

type LoggedRequest = { body: { to?: string[]; customAggregationUnits?: string[] }; status: number; headers: Record<string, string> };
async function requestsTo(path: string): Promise<LoggedRequest[]> {
  return ((await control("GET", `/__fake/requests?path=${encodeURIComponent(path)}&limit=1000`)) as { requests: LoggedRequest[] }).requests;
}

function send(kind: CreateSendInput["kind"], body: Record<string, unknown>, extra: Partial<CreateSendInput> = {}) {
  return createSend(db(), {
    channelId: t.channelId,
    kind,
    body: { messages: [{ type: "text", text: "Cherry blossom week 🌸 https://example.com/sakura" }], ...body } as SendBody,
    actor,
    clients: () => clients,
    ...extra,
  });
}

async function settled(id: string, timeoutMs = 20_000) {
  runner ??= startSendRunner({ handle: t.handle, clients: () => clients, idleMs: 20 });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await getSend(db(), { channelId: t.channelId, id });
    if (s && ["sent", "partially_sent", "failed"].includes(s.send.status)) return s;
    if (Date.now() > deadline) throw new Error(`send ${id} still ${s?.send.status}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Campaigns that took units this month, as if made earlier: our own count of the month's units. */
async function unitsAlreadyTaken(n: number) {
  const month = lineMonth(new Date());
  for (let i = 0; i < n; i++) {
    await insertCampaign(db(), {
      id: `earlier-${i}`,
      channelId: t.channelId,
      name: `Earlier ${i}`,
      kind: "single",
      aggregationUnit: `earlier_${i}`,
      unitMonth: month,
      authorKind: "user",
      authorId: "u1",
      authorLabel: "Mei",
    });
  }
}

describe("aggregation units", () => {
  it("gives a campaign one unit, carried by every request of every multicast and push in it", async () => {
    const ids = await friends(1200);
    const first = await send("multicast", { to: ids.slice(0, 1100) }, { newCampaign: { name: "Sakura week" } });
    const campaignId = first.send.campaignId!;
    const second = await send("multicast", { to: ids.slice(1100, 1200) }, { campaignId });
    const push = await send("push", { to: ids[0] }, { campaignId });
    for (const s of [first, second, push]) expect((await settled(s.send.id)).send.status).toBe("sent");

    const campaign = await getCampaign(db(), { channelId: t.channelId, id: campaignId });
    expect(campaign).toMatchObject({ name: "Sakura week", kind: "single", unitMonth: lineMonth(new Date()) });
    const unit = campaign!.aggregationUnit!;
    expect(unit).toMatch(/^[a-zA-Z0-9_]{1,30}$/);
    const multicasts = await requestsTo("/v2/bot/message/multicast");
    expect(multicasts).toHaveLength(4); // 500 + 500 + 100, and 100
    expect(multicasts.map((r) => r.body.customAggregationUnits)).toEqual(Array(4).fill([unit]));
    expect((await requestsTo("/v2/bot/message/push"))[0]!.body.customAggregationUnits).toEqual([unit]);
    const units = await db().select({ unit: sends.aggregationUnit }).from(sends).where(eq(sends.campaignId, campaignId));
    expect(units.map((u) => u.unit)).toEqual([unit, unit, unit]);
  });

  it("never sends our campaign fields to LINE, and tags no broadcast, reply or test send", async () => {
    const [to] = await friends(1);
    const pushed = await send("push", { to, campaignName: "Only ours", campaignId: undefined }, { newCampaign: { name: "Only ours" } });
    const tested = await send("multicast", { to: [to] }, { isTest: true, newCampaign: { name: "A test" } });
    const broadcast = await send("broadcast", {}, { campaignId: pushed.send.campaignId });
    for (const s of [pushed, tested, broadcast]) await settled(s.send.id);
    const [push] = await requestsTo("/v2/bot/message/push");
    expect(Object.keys(push!.body).sort()).toEqual(["customAggregationUnits", "messages", "to"]);
    expect((await requestsTo("/v2/bot/message/multicast"))[0]!.body.customAggregationUnits).toBeUndefined();
    expect(Object.keys((await requestsTo("/v2/bot/message/broadcast"))[0]!.body)).toEqual(["messages"]);
    expect(tested.send).toMatchObject({ campaignId: null, aggregationUnit: null });
    expect(broadcast.send).toMatchObject({ campaignId: pushed.send.campaignId, aggregationUnit: null });
  });

  it("takes no unit once fewer than the reserve remain this month: the send still goes, and the campaign says why", async () => {
    await unitsAlreadyTaken(UNIT_MONTHLY_LIMIT - UNIT_RESERVE);
    const ids = await friends(3);
    const { send: s } = await send("multicast", { to: ids }, { newCampaign: { name: "Late in the month" } });
    expect(s.aggregationUnit).toBeNull();
    expect((await settled(s.id)).send.status).toBe("sent");
    expect((await requestsTo("/v2/bot/message/multicast"))[0]!.body.customAggregationUnits).toBeUndefined();
    const page = await readCampaign(db(), { channelId: t.channelId, id: s.campaignId!, clients: () => clients });
    expect(page.aggregationUnit).toBeNull();
    expect(page.sends[0]).toMatchObject({ notMeasured: "units_used_up", subject: null });
    expect(page.unitBudget).toEqual({ used: UNIT_MONTHLY_LIMIT - UNIT_RESERVE, limit: UNIT_MONTHLY_LIMIT });
  });

  it("still gives a unit while more than the reserve remains", async () => {
    await unitsAlreadyTaken(UNIT_MONTHLY_LIMIT - UNIT_RESERVE - 1);
    const { send: s } = await send("push", { to: (await friends(1))[0] }, { newCampaign: { name: "Just in time" } });
    expect(s.aggregationUnit).toMatch(/^oa_/);
  });

  it("sends a request again without its unit when LINE refuses the unit, once, with the same retry key", async () => {
    await control("POST", "/__fake/faults", {
      path: "/v2/bot/message/multicast",
      kind: "error",
      status: 400,
      body: { message: "The number of aggregation units used this month has exceeded the limit" },
      count: 1,
    });
    const ids = await friends(2);
    const { send: s } = await send("multicast", { to: ids }, { newCampaign: { name: "Refused unit" } });
    expect(s.aggregationUnit).toMatch(/^oa_/);
    const done = await settled(s.id);
    expect(done.send).toMatchObject({ status: "sent", aggregationUnit: null });
    expect(done.attempts.map((a) => a.outcome)).toEqual(["unit_refused", "accepted"]);
    // The refused one (the fake's injected answer, before it read the body), then the one without a unit.
    const requests = await requestsTo("/v2/bot/message/multicast");
    expect(requests.map((r) => r.status)).toEqual([400, 200]);
    expect(requests[1]!.body.customAggregationUnits).toBeUndefined();
    expect(requests[1]!.headers["x-line-retry-key"]).toBe(requests[0]!.headers["x-line-retry-key"]);
    // The campaign goes unmeasured this month rather than keep a unit LINE did not count.
    expect((await getCampaign(db(), { channelId: t.channelId, id: s.campaignId! }))!.aggregationUnit).toBeNull();
  });

  it("joins the campaign already measured with a unit the caller names", async () => {
    const [to] = await friends(1);
    const a = await send("push", { to, customAggregationUnits: ["spring_promo"] }, { newCampaign: { name: "Spring promo" } });
    const b = await send("push", { to, customAggregationUnits: ["spring_promo"] }, { newCampaign: { name: "Spring promo again" } });
    expect(b.send.campaignId).toBe(a.send.campaignId);
    expect((await getCampaign(db(), { channelId: t.channelId, id: a.send.campaignId! }))!.aggregationUnit).toBe("spring_promo");
    const count = await db().execute(sql`select count(*)::int as n from campaigns`);
    expect((count as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(1);
  });

  it("puts two sends naming the same new unit at once in one campaign", async () => {
    const [to] = await friends(1);
    const [a, b] = await Promise.all(
      ["First", "Second"].map((name) => send("push", { to, customAggregationUnits: ["flash_sale"] }, { newCampaign: { name } })),
    );
    expect(a!.send.campaignId).toBe(b!.send.campaignId);
    expect([a!.send.aggregationUnit, b!.send.aggregationUnit]).toEqual(["flash_sale", "flash_sale"]);
  });

  // Needs fake-line's GET /v2/bot/message/aggregation/info (added beside this work): LINE's own count
  // of the month's units, including those other tools of the channel took.
  it("goes by LINE's count of the month's units when it is higher than ours", async () => {
    const [to] = await friends(1);
    const used = UNIT_MONTHLY_LIMIT - UNIT_RESERVE;
    // The units this file's earlier tests took count too.
    const before = (await clients.api.getAggregationUnitUsage()).numOfCustomAggregationUnits;
    for (let i = before; i < used; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, used - i) }, (_, j) =>
          clients.api.pushMessage({ to: to!, messages: [{ type: "text", text: "x" }], customAggregationUnits: [`other_tool_${i + j}`] }),
        ),
      );
    }
    expect((await clients.api.getAggregationUnitUsage()).numOfCustomAggregationUnits).toBe(used);
    const { send: s } = await send("push", { to }, { newCampaign: { name: "After the other tool" } });
    expect(s.aggregationUnit).toBeNull();
  });
});
