import type { webhook } from "@line/bot-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EventsJson, FriendsJson, LoggedRequestJson } from "./helpers/control-types";
import { httpError, lineFetch, sleep, startTestFake, type TestFake } from "./helpers/start-fake";
import { startReceiver, type Receiver } from "./helpers/webhook-receiver";

describe("control API", () => {
  let t: TestFake;
  let rx: Receiver;
  let to: string;

  beforeAll(async () => {
    rx = await startReceiver();
    t = await startTestFake({ friends: 300, requestLogLimit: 50 });
    to = (await t.control.get<FriendsJson>("/__fake/friends?status=following&limit=1")).users[0]?.userId ?? "";
  });
  afterAll(async () => {
    await t.close();
    await rx.close();
  });
  beforeEach(async () => {
    await t.control.del("/__fake/faults");
    await t.control.del("/__fake/requests");
  });

  it("answers health checks", async () => {
    expect(await t.control.get("/__fake/health")).toMatchObject({ ok: true, service: "fake-line", seed: 42, url: t.fake.url });
  });

  it("logs API requests with the bearer token masked to its last 4 characters", async () => {
    const { httpResponse } = await t.api.pushMessageWithHttpInfo({ to, messages: [{ type: "text", text: "logged" }] });
    await t.api.getBotInfo();
    const { requests } = await t.control.get<{ requests: LoggedRequestJson[] }>("/__fake/requests?path=/v2/bot/message/push");
    expect(requests).toHaveLength(1);
    const [push] = requests;
    expect(push).toMatchObject({
      method: "POST",
      path: "/v2/bot/message/push",
      status: 200,
      requestId: httpResponse.headers.get("x-line-request-id"),
      body: { to, messages: [{ type: "text", text: "logged" }] },
    });
    expect(push?.headers.authorization).toBe(`Bearer ********${t.fake.channelAccessToken.slice(-4)}`);
    expect(JSON.stringify(requests)).not.toContain(t.fake.channelAccessToken.slice(0, 20));
    const all = await t.control.get<{ requests: LoggedRequestJson[] }>("/__fake/requests?method=GET");
    expect(all.requests.map((r) => r.path)).toEqual(["/v2/bot/info"]);
  });

  it("keeps only the newest requests up to the configured cap", async () => {
    for (let i = 0; i < 60; i++) await t.api.getBotInfo();
    const { requests, dropped } = await t.control.get<{ requests: LoggedRequestJson[]; dropped: number }>("/__fake/requests");
    expect(requests).toHaveLength(50);
    expect(dropped).toBe(10);
  });

  it("injects error statuses for a number of requests", async () => {
    await t.control.post("/__fake/faults", { path: "/v2/bot/info", kind: "error", status: 503, count: 2 });
    expect((await httpError(t.api.getBotInfo())).status).toBe(503);
    expect((await httpError(t.api.getBotInfo())).status).toBe(503);
    await expect(t.api.getBotInfo()).resolves.toBeDefined();
    await t.control.post("/__fake/faults", { path: "/v2/bot/message/*", kind: "error", status: 429 });
    const err = await httpError(t.api.getMessageQuota());
    expect(err.json).toEqual({ message: "The API rate limit has been exceeded. Try again later." });
  });

  it("never fires a fault with probability 0 and always with probability 1", async () => {
    await t.control.post("/__fake/faults", { path: "/v2/bot/info", kind: "error", probability: 0 });
    for (let i = 0; i < 5; i++) await t.api.getBotInfo();
    await t.control.post("/__fake/faults", { path: "/v2/bot/info", kind: "error", probability: 1 });
    expect((await httpError(t.api.getBotInfo())).status).toBe(500);
  });

  it("slows down, hangs up or resets connections", async () => {
    await t.control.post("/__fake/faults", { path: "/v2/bot/info", kind: "slow", delayMs: 150, count: 1 });
    const started = Date.now();
    await t.api.getBotInfo();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    await t.control.post("/__fake/faults", { path: "/v2/bot/info", kind: "hang", count: 1 });
    await expect(
      fetch(`${t.fake.url}/v2/bot/info`, { headers: { authorization: `Bearer ${t.fake.channelAccessToken}` }, signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow();

    await t.control.post("/__fake/faults", { path: "/v2/bot/info", kind: "reset", count: 1 });
    await expect(t.api.getBotInfo()).rejects.toThrow(/fetch failed/);
  });

  it("lists and removes faults", async () => {
    const fault = await t.control.post<{ id: string }>("/__fake/faults", { path: "/v2/bot/info", method: "GET", kind: "error" });
    expect((await t.control.get<{ faults: { id: string }[] }>("/__fake/faults")).faults.map((f) => f.id)).toEqual([fault.id]);
    await t.control.del(`/__fake/faults/${fault.id}`);
    await expect(t.api.getBotInfo()).resolves.toBeDefined();
  });

  it("rejects malformed control requests with a message", async () => {
    const bad = await t.control.raw("POST", "/__fake/faults", { path: "no-slash", kind: "explode" });
    expect(bad.status).toBe(400);
    expect(String(bad.body.error)).toContain("path");
    expect((await t.control.raw("POST", `/__fake/friends/U${"0".repeat(32)}/block`)).status).toBe(404);
    expect((await t.control.raw("GET", "/__fake/nothing")).status).toBe(404);
  });

  it("generates steady random traffic that arrives in multi-event webhooks, and stops", async () => {
    await t.control.patch("/__fake/config", { webhookUrl: rx.url, webhookBatchWindowMs: 50 });
    const status = await t.control.post<{ running: boolean }>("/__fake/traffic", { ratePerSecond: 200, durationMs: 600 });
    expect(status.running).toBe(true);
    await sleep(700);
    const after = await t.control.get<{ running: boolean; generatedEvents: number }>("/__fake/traffic");
    expect(after.running).toBe(false);
    await t.control.post("/__fake/webhook/flush");
    const events = rx.requests.flatMap((r) => r.body.events);
    expect(events.length).toBe(after.generatedEvents);
    expect(events.length).toBeGreaterThan(40);
    expect(Math.max(...rx.requests.map((r) => r.body.events.length))).toBeGreaterThan(1);
    const types = new Set(events.map((e) => e.type));
    expect(types.has("message")).toBe(true);
    const texts = events
      .filter((e): e is webhook.MessageEvent => e.type === "message" && e.message.type === "text")
      .map((e) => (e.message as webhook.TextMessageContent).text);
    expect(texts.some((s) => /[\u3040-\u30ff\u4e00-\u9fff\u0e00-\u0e7f]/.test(s))).toBe(true);
    await t.control.patch("/__fake/config", { webhookUrl: null });
  });

  it("resets the world from a seed and forgets state", async () => {
    await t.api.pushMessage({ to, messages: [{ type: "text", text: "before reset" }] });
    const before = await t.control.get<FriendsJson>("/__fake/friends?limit=3");
    await t.control.post("/__fake/reset", { seed: 7 });
    const other = await t.control.get<FriendsJson>("/__fake/friends?limit=3");
    expect(other.users.map((u) => u.userId)).not.toEqual(before.users.map((u) => u.userId));
    expect(await t.api.getMessageQuotaConsumption()).toEqual({ totalUsage: 0 });
    await t.control.post("/__fake/reset", { seed: 42 });
    const again = await t.control.get<FriendsJson>("/__fake/friends?limit=3");
    // Same seed, same world (dates are anchored at the moment of the reset, so compare the rest).
    const timeless = (users: FriendsJson["users"]) => users.map(({ friendSince: _f, blockedAt: _b, ...rest }) => rest);
    expect(timeless(again.users)).toEqual(timeless(before.users));
    expect((await lineFetch(t.fake, "GET", `/v2/bot/profile/${to}`)).status).toBe(200);
  });

  it("adds a brand-new friend on request", async () => {
    const { events } = await t.control.post<EventsJson>("/__fake/friends");
    const userId = (events[0]?.source as webhook.UserSource).userId ?? "";
    expect(events[0]).toMatchObject({ type: "follow", follow: { isUnblocked: false } });
    expect((await t.api.getProfile(userId)).userId).toBe(userId);
  });
});
