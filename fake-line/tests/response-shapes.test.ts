// Response bodies compared field by field with the shapes of LINE's example payloads (line-openapi
// examples and the project's authored envelopes), written out here: a key LINE sends that the fake
// omits, an extra key, or a wrong JSON type fails the test.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatJson, EventsJson, FriendJson, FriendsJson } from "./helpers/control-types";
import { narrowcastAndWait } from "./helpers/narrowcast";
import { httpError, lineFetch, startTestFake, waitFor, type TestFake } from "./helpers/start-fake";

type Shape = string | Shape[] | { [key: string]: Shape };

/** The JSON types of a value: "string", "number", "boolean", "null", [shape of items], {key: shape}. */
function shapeOf(value: unknown): Shape {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (typeof value === "object") return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, shapeOf(v)]));
  return typeof value;
}

const S = "string";
const N = "number";
const B = "boolean";

describe("response shapes match LINE's examples", () => {
  let t: TestFake;
  let friend: FriendJson;
  let group: ChatJson;

  beforeAll(async () => {
    t = await startTestFake({ friends: 400 });
    const friends = (await t.control.get<FriendsJson>("/__fake/friends?status=following")).users;
    friend = friends.find((f) => f.language && f.pictureUrl && f.statusMessage) as FriendJson;
    group = (await t.control.get<{ chats: ChatJson[] }>("/__fake/chats")).chats.find((c) => c.kind === "group" && c.botIsMember && c.pictureUrl) as ChatJson;
  });
  afterAll(() => t.close());

  const get = async (path: string) => (await lineFetch(t.fake, "GET", path)).json;

  it("profile, followers, bot info", async () => {
    expect(shapeOf(await get(`/v2/bot/profile/${friend.userId}`))).toEqual({ displayName: S, userId: S, language: S, pictureUrl: S, statusMessage: S });
    expect(shapeOf(await get("/v2/bot/followers/ids?limit=2"))).toEqual({ userIds: [S], next: S });
    expect(shapeOf(await get("/v2/bot/info"))).toEqual({ userId: S, basicId: S, displayName: S, pictureUrl: S, chatMode: S, markAsReadMode: S });
  });

  it("groups and rooms", async () => {
    expect(shapeOf(await get(`/v2/bot/group/${group.chatId}/summary`))).toEqual({ groupId: S, groupName: S, pictureUrl: S });
    expect(shapeOf(await get(`/v2/bot/group/${group.chatId}/members/count`))).toEqual({ count: N });
    expect(shapeOf(await get(`/v2/bot/group/${group.chatId}/members/ids`))).toEqual({ memberIds: [S] });
    const member = group.memberIds[0] ?? "";
    const profile = await get(`/v2/bot/group/${group.chatId}/member/${member}`);
    expect(Object.keys(profile).every((k) => ["displayName", "userId", "pictureUrl"].includes(k))).toBe(true);
  });

  it("quota and sent-message counts", async () => {
    expect(shapeOf(await get("/v2/bot/message/quota"))).toEqual({ type: S, value: N });
    expect(shapeOf(await get("/v2/bot/message/quota/consumption"))).toEqual({ totalUsage: N });
    expect(shapeOf(await get("/v2/bot/message/delivery/push?date=20250101"))).toEqual({ status: S, success: N });
  });

  it("push and reply answers, 409 envelopes", async () => {
    const key = randomUUID();
    const push = await t.api.pushMessage(
      {
        to: friend.userId,
        messages: [
          { type: "text", text: "a" },
          { type: "sticker", packageId: "446", stickerId: "1988" },
        ],
      },
      key,
    );
    expect(shapeOf(push)).toEqual({ sentMessages: [{ id: S, quoteToken: S }] });
    const conflict = await httpError(t.api.pushMessage({ to: friend.userId, messages: [{ type: "text", text: "a" }] }, key));
    expect(shapeOf(conflict.json)).toEqual({ message: S, sentMessages: [{ id: S, quoteToken: S }] });
    const { events } = await t.control.post<EventsJson>(`/__fake/friends/${friend.userId}/messages`, { type: "text" });
    expect(shapeOf(await t.api.replyMessage({ replyToken: events[0]?.replyToken ?? "", messages: [{ type: "text", text: "r" }] }))).toEqual({
      sentMessages: [{ id: S, quoteToken: S }],
    });
    expect(shapeOf(await t.api.multicast({ to: [friend.userId], messages: [{ type: "text", text: "m" }] }))).toEqual({});
  });

  it("validation error envelope", async () => {
    const err = await httpError(t.api.pushMessage({ to: friend.userId, messages: [] }));
    expect(shapeOf(err.json)).toEqual({ message: S, details: [{ message: S, property: S }] });
  });

  it("narrowcast progress in each phase", async () => {
    await t.control.patch("/__fake/config", { narrowcastPhaseMs: 60_000 });
    const { httpResponse } = await t.api.narrowcastWithHttpInfo({ messages: [{ type: "text", text: "n" }] });
    const progress = () => get(`/v2/bot/message/progress/narrowcast?requestId=${httpResponse.headers.get("x-line-request-id")}`);
    expect(shapeOf(await progress())).toEqual({ phase: S, acceptedTime: S });
    await t.control.post("/__fake/clock/advance", { ms: 70_000 });
    expect(shapeOf(await progress())).toEqual({ phase: S, successCount: N, failureCount: N, targetCount: N, acceptedTime: S });
    await t.control.post("/__fake/clock/advance", { ms: 60_000 });
    expect(shapeOf(await progress())).toEqual({ phase: S, successCount: N, failureCount: N, targetCount: N, acceptedTime: S, completedTime: S });
    await t.control.patch("/__fake/config", { narrowcastPhaseMs: 30 });
    const failed = await narrowcastAndWait(t, {
      messages: [{ type: "text", text: "n" }],
      filter: { demographic: { type: "area", oneOf: ["jp_47"] } } as never,
    });
    expect(shapeOf(failed.progress)).toEqual({
      phase: S,
      successCount: N,
      failureCount: N,
      targetCount: N,
      failedDescription: S,
      errorCode: N,
      acceptedTime: S,
      completedTime: S,
    });
  });

  it("webhook endpoint and test", async () => {
    expect(shapeOf(await get("/v2/bot/channel/webhook/endpoint"))).toEqual({ endpoint: S, active: B });
    const test = await lineFetch(t.fake, "POST", "/v2/bot/channel/webhook/test", { body: JSON.stringify({ endpoint: "http://127.0.0.1:1/x" }) });
    expect(shapeOf(test.json)).toEqual({ success: B, timestamp: S, statusCode: N, reason: S, detail: S });
  });

  it("insight", async () => {
    const yesterday = new Date(Date.now() + 9 * 3600e3 - 86400e3).toISOString().slice(0, 10).replaceAll("-", "");
    expect(shapeOf(await get(`/v2/bot/insight/followers?date=${yesterday}`))).toEqual({ status: S, followers: N, targetedReaches: N, blocks: N });
    const tile = (key: string) => [{ [key]: S, percentage: N }];
    expect(shapeOf(await get("/v2/bot/insight/demographic"))).toEqual({
      available: B,
      genders: tile("gender"),
      ages: tile("age"),
      areas: tile("area"),
      appTypes: tile("appType"),
      subscriptionPeriods: tile("subscriptionPeriod"),
    });
    const { httpResponse } = await t.api.broadcastWithHttpInfo({ messages: [{ type: "text", text: "see https://line.me/" }] });
    // Friends open and tap over the following hours; two days later the figures are past LINE's 20.
    await t.control.post("/__fake/clock/advance", { ms: 2 * 24 * 3600 * 1000 });
    const event = await get(`/v2/bot/insight/message/event?requestId=${httpResponse.headers.get("x-line-request-id")}`);
    expect(Object.keys(event.overview as object)).toEqual([
      "requestId",
      "timestamp",
      "delivered",
      "uniqueImpression",
      "uniqueClick",
      "uniqueMediaPlayed",
      "uniqueMediaPlayed100Percent",
    ]);
    expect(Object.keys((event.messages as object[])[0] ?? {})).toEqual([
      "seq",
      "impression",
      "mediaPlayed",
      "mediaPlayed25Percent",
      "mediaPlayed50Percent",
      "mediaPlayed75Percent",
      "mediaPlayed100Percent",
      "uniqueMediaPlayed",
      "uniqueMediaPlayed25Percent",
      "uniqueMediaPlayed50Percent",
      "uniqueMediaPlayed75Percent",
      "uniqueMediaPlayed100Percent",
    ]);
    expect(shapeOf((event.clicks as object[])[0])).toEqual({ seq: N, url: S, click: N, uniqueClick: N, uniqueClickOfRequest: N });
  });

  it("audiences", async () => {
    const created = await t.audience.createAudienceGroup({ description: "shape", audiences: [{ id: friend.userId }] });
    expect(shapeOf(created)).toEqual({
      audienceGroupId: N,
      createRoute: S,
      type: S,
      description: S,
      created: N,
      permission: S,
      expireTimestamp: N,
      isIfaAudience: B,
    });
    await waitFor(async () => (await t.audience.getAudienceData(created.audienceGroupId ?? 0)).audienceGroup?.status === "READY");
    const group = {
      audienceGroupId: N,
      createRoute: S,
      type: S,
      description: S,
      status: S,
      audienceCount: N,
      created: N,
      permission: S,
      isIfaAudience: B,
      expireTimestamp: N,
    };
    expect(shapeOf(await t.audience.getAudienceData(created.audienceGroupId ?? 0))).toEqual({
      audienceGroup: group,
      jobs: [{ audienceGroupJobId: N, audienceGroupId: N, type: S, jobStatus: S, audienceCount: N, created: N }],
    });
    expect(shapeOf(await t.audience.getAudienceGroups(1))).toEqual({
      audienceGroups: [group],
      hasNextPage: B,
      totalCount: N,
      readWriteAudienceGroupTotalCount: N,
      size: N,
      page: N,
    });
  });
});
