import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FriendsJson, InboxJson } from "./helpers/control-types";
import { startTestFake, type TestFake } from "./helpers/start-fake";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

type RawJson = {
  overview: { delivered: number; uniqueImpression: number; uniqueClick: number; uniqueMediaPlayed: number; uniqueMediaPlayed100Percent: number };
  messages: { seq: number; impression: number; uniqueImpression: number; played: number[]; uniquePlayed: number[] }[];
  clicks: { seq: number; url: string; click: number; uniqueClick: number; uniqueClickOfRequest: number }[];
};

describe("what simulated friends do with the account's messages", () => {
  let t: TestFake;
  let ids: string[];
  beforeAll(async () => {
    t = await startTestFake({ friends: 300, openRate: 0 });
    ids = (await t.control.get<FriendsJson>("/__fake/friends?status=following&limit=25")).users.map((u) => u.userId);
  });
  afterAll(() => t.close());

  it("counts the simulator's opens, taps and plays at once", async () => {
    const { httpResponse } = await t.api.broadcastWithHttpInfo({
      messages: [
        { type: "text", text: "New menu https://cafe.example/menu and https://cafe.example/map" },
        { type: "video", originalContentUrl: "https://cdn.example/v.mp4", previewImageUrl: "https://cdn.example/v.jpg" },
      ],
    });
    const requestId = httpResponse.headers.get("x-line-request-id") ?? "";
    const [text, video] = (await t.control.get<InboxJson>(`/__fake/inbox/${ids[0]}`)).entries.at(-1)?.messages ?? [];

    // A tap before any open displays the message too.
    const tap = await t.control.post(`/__fake/friends/${ids[0]}/click`, { messageId: text?.id, url: "https://cafe.example/map" });
    expect(tap).toMatchObject({ requestId, seq: 1, url: "https://cafe.example/map" });
    for (const id of ids.slice(1, 20)) await t.control.post(`/__fake/friends/${id}/open`);
    for (const id of ids.slice(0, 20)) await t.control.post(`/__fake/friends/${id}/click`, { messageId: text?.id });
    for (const id of ids.slice(0, 20)) await t.control.post(`/__fake/friends/${id}/play`, { messageId: video?.id, percent: id === ids[0] ? 40 : 100 });

    const stats = await t.insight.getMessageEvent(requestId);
    expect(stats.overview).toMatchObject({ uniqueImpression: 20, uniqueClick: 20, uniqueMediaPlayed: 20, uniqueMediaPlayed100Percent: null });
    expect(stats.messages?.[0]).toMatchObject({ seq: 1, impression: 20, mediaPlayed: null });
    expect(stats.messages?.[1]).toMatchObject({
      seq: 2,
      impression: 20,
      mediaPlayed: 20,
      mediaPlayed25Percent: 20,
      uniqueMediaPlayed: 20,
      mediaPlayed100Percent: null,
    });
    expect(stats.clicks).toEqual([
      { seq: 1, url: "https://cafe.example/menu", click: 20, uniqueClick: 20, uniqueClickOfRequest: 20 },
      { seq: 1, url: "https://cafe.example/map", click: null, uniqueClick: null, uniqueClickOfRequest: null },
    ]);
    const raw = await t.control.get<RawJson>(`/__fake/statistics/${requestId}`);
    expect(raw.messages[1]?.played).toEqual([20, 20, 19, 19, 19]);
    expect(raw.clicks[1]).toMatchObject({ click: 1, uniqueClick: 1 });

    // Opening the chat again shows nothing new; opening that send again is one more impression.
    expect(await t.control.post(`/__fake/friends/${ids[1]}/open`)).toMatchObject({ opened: [] });
    await t.control.post(`/__fake/friends/${ids[1]}/open`, { requestId });
    expect((await t.control.get<RawJson>(`/__fake/statistics/${requestId}`)).messages[0]).toMatchObject({ impression: 21, uniqueImpression: 20 });
  });

  it("refuses actions on messages the friend never received, without links or without media", async () => {
    const inbox = await t.control.get<InboxJson>(`/__fake/inbox/${ids[0]}`);
    const text = inbox.entries.at(-1)?.messages[0];
    expect((await t.control.raw("POST", `/__fake/friends/${ids[0]}/click`, { messageId: "123" })).status).toBe(404);
    expect((await t.control.raw("POST", `/__fake/friends/${ids[0]}/click`, { messageId: text?.id, url: "https://elsewhere.example/" })).status).toBe(400);
    expect((await t.control.raw("POST", `/__fake/friends/${ids[0]}/play`, { messageId: text?.id })).status).toBe(400);
    expect((await t.control.raw("POST", `/__fake/friends/${ids[0]}/open`, { requestId: "not-received" })).status).toBe(404);
    expect((await t.control.raw("POST", `/__fake/friends/${ids[0]}/play`, { messageId: text?.id, percent: 120 })).status).toBe(400);
  });
});

describe("background opens", () => {
  let t: TestFake;
  beforeAll(async () => {
    t = await startTestFake({ friends: 400, openRate: 0.6, clickRate: 0.3 });
  });
  afterAll(() => t.close());

  it("grow as the fake clock advances, most within a few hours", async () => {
    const to = (await t.control.get<FriendsJson>("/__fake/friends?status=following&limit=300")).users.map((u) => u.userId);
    const { httpResponse } = await t.api.multicastWithHttpInfo({
      to,
      messages: [{ type: "text", text: "Weekend offer https://shop.example/offer" }],
      customAggregationUnits: ["weekend"],
    });
    const requestId = httpResponse.headers.get("x-line-request-id") ?? "";
    const sentDay = jst((await t.control.get<{ now: number }>("/__fake/clock")).now);
    const opened = async () => (await t.control.get<RawJson>(`/__fake/statistics/${requestId}`)).overview;
    const seen: number[] = [(await opened()).uniqueImpression];
    for (const step of [10 * MINUTE, 50 * MINUTE, 2 * HOUR, 3 * 24 * HOUR]) {
      await t.control.post("/__fake/clock/advance", { ms: step });
      seen.push((await opened()).uniqueImpression);
    }
    expect(seen[0]).toBe(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1] ?? 0);
    const final = seen.at(-1) ?? 0;
    expect(final).toBeGreaterThan(300 * 0.4);
    expect(final).toBeLessThan(300 * 0.8);
    // Most of those who open at all have done so within three hours.
    expect(seen[3] ?? 0).toBeGreaterThan(final * 0.7);
    const overview = await opened();
    expect(overview.uniqueClick).toBeGreaterThan(0);
    expect(overview.uniqueClick).toBeLessThan(overview.uniqueImpression);
    const perUnit = await t.insight.getStatisticsPerUnit("weekend", sentDay, sentDay);
    expect(perUnit.overview).toEqual({
      uniqueImpression: final,
      uniqueClick: overview.uniqueClick,
      uniqueMediaPlayed: null,
      uniqueMediaPlayed100Percent: null,
    });
  });
});

function jst(ms: number): string {
  return new Date(ms + 9 * HOUR).toISOString().slice(0, 10).replaceAll("-", "");
}
