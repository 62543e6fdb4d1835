import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClock } from "../core/clock";
import type { FriendsJson } from "./helpers/control-types";
import { httpError, lineFetch, startTestFake, type TestFake } from "./helpers/start-fake";

const DAY = 24 * 60 * 60 * 1000;
const text = (t: string) => ({ type: "text" as const, text: t });

describe("message statistics", () => {
  let t: TestFake;
  let ids: string[];
  beforeAll(async () => {
    // 23:50 on 10 March 2026 in Japan: the tests below cross UTC+9 midnight on purpose.
    t = await startTestFake({ friends: 300, openRate: 0, clock: createClock({ startAt: Date.parse("2026-03-10T23:50:00+09:00") }) });
    ids = (await t.control.get<FriendsJson>("/__fake/friends?status=following&limit=120")).users.map((u) => u.userId);
  });
  afterAll(() => t.close());

  const openAll = async (users: string[]) => {
    for (const id of users) await t.control.post(`/__fake/friends/${id}/open`);
  };
  const advanceTo = async (iso: string) => {
    const { now } = await t.control.get<{ now: number }>("/__fake/clock");
    await t.control.post("/__fake/clock/advance", { ms: Date.parse(iso) - now });
  };

  it("hides figures of fewer than 20 people: 19 openers → null, 20 → 20", async () => {
    await t.api.multicast({ to: ids.slice(0, 19), messages: [text("hi")], customAggregationUnits: ["nineteen"] });
    await t.api.multicast({ to: ids.slice(19, 39), messages: [text("hi")], customAggregationUnits: ["twenty"] });
    await openAll(ids.slice(0, 39));
    const nineteen = await t.insight.getStatisticsPerUnit("nineteen", "20260310", "20260310");
    expect(nineteen.overview.uniqueImpression).toBeNull();
    expect(nineteen.messages[0]).toMatchObject({ seq: 1, impression: null, uniqueImpression: null });
    const twenty = await t.insight.getStatisticsPerUnit("twenty", "20260310", "20260310");
    expect(twenty.overview).toEqual({ uniqueImpression: 20, uniqueClick: null, uniqueMediaPlayed: null, uniqueMediaPlayed100Percent: null });
    expect(twenty.messages[0]).toMatchObject({ seq: 1, impression: 20, uniqueImpression: 20, mediaPlayed: null });
  });

  it("hides a count of 20 or more when fewer than 20 people are behind it", async () => {
    const users = ids.slice(40, 55);
    const { httpResponse } = await t.api.multicastWithHttpInfo({ to: users, messages: [text("twice")], customAggregationUnits: ["fifteen_twice"] });
    const requestId = httpResponse.headers.get("x-line-request-id") ?? "";
    for (const id of users) for (let i = 0; i < 2; i++) await t.control.post(`/__fake/friends/${id}/open`, { requestId });
    const raw = await t.control.get<{ messages: { impression: number; uniqueImpression: number }[] }>(`/__fake/statistics/${requestId}`);
    expect(raw.messages[0]).toMatchObject({ impression: 30, uniqueImpression: 15 });
    expect((await t.insight.getStatisticsPerUnit("fifteen_twice", "20260310", "20260310")).messages[0]).toMatchObject({
      impression: null,
      uniqueImpression: null,
    });
  });

  it("puts a send at 23:59:59 JST and one at 00:00:00 JST on different days", async () => {
    await advanceTo("2026-03-10T23:59:59+09:00");
    await t.api.multicast({ to: ids.slice(60, 80), messages: [text("late")], customAggregationUnits: ["midnight"] });
    await advanceTo("2026-03-11T00:00:00+09:00");
    await t.api.multicast({ to: ids.slice(80, 100), messages: [text("early"), text("second bubble")], customAggregationUnits: ["midnight"] });
    await openAll(ids.slice(60, 100));
    const day1 = await t.insight.getStatisticsPerUnit("midnight", "20260310", "20260310");
    expect(day1.overview.uniqueImpression).toBe(20);
    expect(day1.messages.map((m) => m.seq)).toEqual([1]);
    const day2 = await t.insight.getStatisticsPerUnit("midnight", "20260311", "20260311");
    expect(day2.overview.uniqueImpression).toBe(20);
    expect(day2.messages.map((m) => [m.seq, m.impression])).toEqual([
      [1, 20],
      [2, 20],
    ]);
    const both = await t.insight.getStatisticsPerUnit("midnight", "20260310", "20260311");
    expect(both.overview.uniqueImpression).toBe(40);
    expect(both.messages.map((m) => [m.seq, m.impression])).toEqual([
      [1, 40],
      [2, 20],
    ]);
  });

  it("validates the unit name and a date range of at most 30 days", async () => {
    const get = (q: string) => lineFetch(t.fake, "GET", `/v2/bot/insight/message/event/aggregation?${q}`);
    expect((await get("customAggregationUnit=bad-name&from=20260301&to=20260301")).json).toEqual({
      message: "The value for the 'customAggregationUnit' parameter is invalid",
    });
    expect((await get("customAggregationUnit=a&from=20260230&to=20260301")).status).toBe(400);
    expect((await get("customAggregationUnit=a&from=20260301&to=20260331")).status).toBe(200);
    expect((await get("customAggregationUnit=a&from=20260301&to=20260401")).json).toEqual({ message: "The value for the 'to' parameter is invalid" });
    expect((await get("customAggregationUnit=a&from=20260302&to=20260301")).status).toBe(400);
  });

  it("counts what happens within 14 days of the send, then keeps the figures as they were", async () => {
    const { httpResponse } = await t.api.broadcastWithHttpInfo({ messages: [text("two weeks")] });
    const requestId = httpResponse.headers.get("x-line-request-id") ?? "";
    await t.control.post("/__fake/clock/advance", { ms: 13 * DAY });
    await openAll(ids.slice(0, 25));
    expect((await t.insight.getMessageEvent(requestId)).overview?.uniqueImpression).toBe(25);
    await t.control.post("/__fake/clock/advance", { ms: 2 * DAY });
    await openAll(ids.slice(25, 45));
    const later = await t.insight.getMessageEvent(requestId);
    expect(later.overview).toMatchObject({ requestId, uniqueImpression: 25 });
    expect(later.overview?.delivered).toBeGreaterThan(200);
  });

  it("answers 404 for request ids that are not a broadcast or narrowcast", async () => {
    const { httpResponse } = await t.api.multicastWithHttpInfo({ to: ids.slice(0, 2), messages: [text("m")], customAggregationUnits: ["m"] });
    const multicastId = httpResponse.headers.get("x-line-request-id") ?? "";
    expect((await httpError(t.insight.getMessageEvent(multicastId))).status).toBe(404);
    expect((await lineFetch(t.fake, "GET", "/v2/bot/insight/message/event")).status).toBe(400);
  });
});

describe("message statistics while a narrowcast is sending and with a lag", () => {
  let t: TestFake;
  beforeAll(async () => {
    t = await startTestFake({ friends: 300, openRate: 0, narrowcastPhaseMs: 10 * 60 * 1000 });
  });
  afterAll(() => t.close());

  it("gives no delivered count until every message of a narrowcast is sent", async () => {
    const { httpResponse } = await t.api.narrowcastWithHttpInfo({ messages: [text("soon")] });
    const requestId = httpResponse.headers.get("x-line-request-id") ?? "";
    expect((await httpError(t.insight.getMessageEvent(requestId))).status).toBe(404);
    await t.control.post("/__fake/clock/advance", { ms: 11 * 60 * 1000 });
    expect((await t.api.getNarrowcastProgress(requestId)).phase).toBe("sending");
    expect((await t.insight.getMessageEvent(requestId)).overview?.delivered).toBeNull();
    await t.control.post("/__fake/narrowcasts/finish");
    expect((await t.insight.getMessageEvent(requestId)).overview?.delivered).toBeGreaterThan(200);
  });

  it("lags behind what friends do by statisticsDelayMs", async () => {
    await t.control.patch("/__fake/config", { statisticsDelayMs: 60 * 60 * 1000 });
    const { httpResponse } = await t.api.broadcastWithHttpInfo({ messages: [text("lag")] });
    const requestId = httpResponse.headers.get("x-line-request-id") ?? "";
    const users = (await t.control.get<FriendsJson>("/__fake/friends?status=following&limit=20")).users;
    for (const u of users) await t.control.post(`/__fake/friends/${u.userId}/open`, { requestId });
    expect((await t.insight.getMessageEvent(requestId)).overview?.uniqueImpression).toBeNull();
    await t.control.post("/__fake/clock/advance", { ms: 60 * 60 * 1000 });
    expect((await t.insight.getMessageEvent(requestId)).overview?.uniqueImpression).toBe(20);
  });
});
