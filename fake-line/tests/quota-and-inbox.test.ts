import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ChatJson, FriendJson, FriendsJson, InboxJson } from "./helpers/control-types";
import { httpError, startTestFake, type TestFake } from "./helpers/start-fake";

const hello = [{ type: "text" as const, text: "hello" }];

describe("sending, inboxes and the monthly quota", () => {
  let t: TestFake;
  let friends: FriendJson[];
  let following: FriendJson[];
  let blocked: FriendJson;
  let stranger: FriendJson;

  beforeAll(async () => {
    t = await startTestFake({ friends: 200, monthlyQuota: 5000 });
    friends = (await t.control.get<FriendsJson>("/__fake/friends")).users;
    following = friends.filter((f) => f.status === "following");
    blocked = friends.find((f) => f.status === "blocked") as FriendJson;
    stranger = friends.find((f) => f.status === "none") as FriendJson;
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.control.patch("/__fake/quota", { monthlyQuota: 5000, totalUsage: 0 });
    await t.control.del("/__fake/inbox");
  });

  const inbox = async (chatId: string) => (await t.control.get<InboxJson>(`/__fake/inbox/${chatId}`)).entries;

  it("reports the quota as LINE does", async () => {
    expect(await t.api.getMessageQuota()).toEqual({ type: "limited", value: 5000 });
    await t.control.patch("/__fake/quota", { monthlyQuota: "none" });
    expect(await t.api.getMessageQuota()).toEqual({ type: "none" });
  });

  it("delivers a push to a friend, counts one message, and keeps the request id and messages in the inbox", async () => {
    const { httpResponse, body } = await t.api.pushMessageWithHttpInfo({ to: following[0]?.userId ?? "", messages: hello, notificationDisabled: true });
    const entries = await inbox(following[0]?.userId ?? "");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      requestId: httpResponse.headers.get("x-line-request-id"),
      kind: "push",
      notificationDisabled: true,
      messages: [{ id: body.sentMessages[0]?.id, message: hello[0] }],
    });
    expect(await t.api.getMessageQuotaConsumption()).toEqual({ totalUsage: 1 });
  });

  it("accepts but does not deliver (or count) a push to a blocked user or a non-friend", async () => {
    for (const to of [blocked.userId, stranger.userId, `U${"0".repeat(32)}`]) {
      const { httpResponse } = await t.api.pushMessageWithHttpInfo({ to, messages: hello });
      expect(httpResponse.status).toBe(200);
    }
    expect(await inbox(blocked.userId)).toHaveLength(0);
    expect(await inbox(stranger.userId)).toHaveLength(0);
    expect(await t.api.getMessageQuotaConsumption()).toEqual({ totalUsage: 0 });
  });

  it("pushes to a group the bot is in (counted per member) and refuses one it is not in", async () => {
    const chats = (await t.control.get<{ chats: ChatJson[] }>("/__fake/chats")).chats;
    const group = chats.find((c) => c.kind === "group" && c.botIsMember) as ChatJson;
    const left = chats.find((c) => c.kind === "group" && !c.botIsMember) as ChatJson;
    await t.api.pushMessage({ to: group.chatId, messages: hello });
    expect(await inbox(group.chatId)).toHaveLength(1);
    expect(await t.api.getMessageQuotaConsumption()).toEqual({ totalUsage: group.memberCount });
    const err = await httpError(t.api.pushMessage({ to: left.chatId, messages: hello }));
    expect(err.status).toBe(400);
    expect(err.json).toEqual({ message: "Failed to send messages" });
  });

  it("multicasts to friends only, de-duplicating ids, one shared entry per recipient", async () => {
    const to = [following[0]?.userId, following[1]?.userId, following[1]?.userId, blocked.userId, stranger.userId] as string[];
    const { httpResponse, body } = await t.api.multicastWithHttpInfo({ to, messages: hello });
    expect(body).toEqual({});
    const requestId = httpResponse.headers.get("x-line-request-id");
    expect((await inbox(following[0]?.userId ?? "")).map((e) => e.requestId)).toEqual([requestId]);
    expect((await inbox(following[1]?.userId ?? "")).map((e) => e.requestId)).toEqual([requestId]);
    expect(await inbox(blocked.userId)).toHaveLength(0);
    expect(await t.api.getMessageQuotaConsumption()).toEqual({ totalUsage: 2 });
  });

  it("broadcasts to every friend who has not blocked the account", async () => {
    const { httpResponse } = await t.api.broadcastWithHttpInfo({ messages: hello });
    const requestId = httpResponse.headers.get("x-line-request-id");
    const send = await t.control.get<{ deliveredTo: string[] }>(`/__fake/sends/${requestId}`);
    expect(new Set(send.deliveredTo)).toEqual(new Set(following.map((f) => f.userId)));
    expect((await inbox(following.at(-1)?.userId ?? "")).map((e) => e.kind)).toEqual(["broadcast"]);
    expect(await inbox(blocked.userId)).toHaveLength(0);
    expect(await t.api.getMessageQuotaConsumption()).toEqual({ totalUsage: following.length });
  });

  it("answers 429 when the remaining quota cannot cover the recipients, and sends nothing", async () => {
    await t.control.patch("/__fake/quota", { monthlyQuota: following.length - 1 });
    const err = await httpError(t.api.broadcast({ messages: hello }));
    expect(err.status).toBe(429);
    expect(err.json).toEqual({ message: "You have reached your monthly limit." });
    expect(await inbox(following[0]?.userId ?? "")).toHaveLength(0);
    await t.control.patch("/__fake/quota", { totalUsage: following.length - 1 });
    expect((await httpError(t.api.pushMessage({ to: following[0]?.userId ?? "", messages: hello }))).status).toBe(429);
  });

  it("does not count replies against the quota", async () => {
    const { events } = await t.control.post<{ events: { replyToken?: string }[] }>(`/__fake/friends/${following[0]?.userId}/messages`, { type: "text" });
    await t.api.replyMessage({ replyToken: events[0]?.replyToken ?? "", messages: hello });
    expect(await t.api.getMessageQuotaConsumption()).toEqual({ totalUsage: 0 });
  });

  it("counts sent messages per UTC+9 day, ready once the day is over", async () => {
    await t.api.pushMessage({ to: following[0]?.userId ?? "", messages: hello });
    await t.api.multicast({ to: [following[0]?.userId ?? "", following[1]?.userId ?? ""], messages: hello });
    const today = jstDate(Date.now());
    expect(await t.api.getNumberOfSentPushMessages(today)).toEqual({ status: "unready" });
    await t.control.post("/__fake/clock/advance", { ms: 24 * 60 * 60 * 1000 });
    const push = await t.api.getNumberOfSentPushMessages(today);
    const multicast = await t.api.getNumberOfSentMulticastMessages(today);
    expect(push.status).toBe("ready");
    expect(push.success).toBeGreaterThanOrEqual(1);
    expect(multicast.success).toBeGreaterThanOrEqual(2);
    expect(await t.api.getNumberOfSentBroadcastMessages("20170101")).toEqual({ status: "out_of_service" });
    const bad = await httpError(t.api.getNumberOfSentReplyMessages("2025-01-01"));
    expect(bad.json).toEqual({ message: "The value for the 'date' parameter is invalid" });
  });
});

function jstDate(ms: number): string {
  return new Date(ms + 9 * 3600 * 1000).toISOString().slice(0, 10).replaceAll("-", "");
}
