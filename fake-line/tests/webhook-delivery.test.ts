import { validateSignature, type webhook } from "@line/bot-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AttemptJson, EventsJson, FriendsJson } from "./helpers/control-types";
import { startTestFake, waitFor, type TestFake } from "./helpers/start-fake";
import { startReceiver, type Receiver } from "./helpers/webhook-receiver";

const ULID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe("webhook delivery", () => {
  let t: TestFake;
  let rx: Receiver;
  let friendId: string;

  beforeAll(async () => {
    rx = await startReceiver();
    t = await startTestFake({ webhookUrl: rx.url });
    const friends = await t.control.get<FriendsJson>("/__fake/friends?status=following&limit=1");
    friendId = friends.users[0]?.userId ?? "";
  });
  afterAll(async () => {
    await t.close();
    await rx.close();
  });
  beforeEach(async () => {
    rx.respond(() => 200);
    await t.control.patch("/__fake/config", { redelivery: false, webhookActive: true, webhookUrl: rx.url, webhookTimeoutMs: 2000 });
    await t.control.post("/__fake/webhook/flush");
    rx.requests.length = 0;
  });

  it("signs the exact bytes it sends with the channel secret and uses LINE's headers", async () => {
    await t.control.post(`/__fake/friends/${friendId}/messages`, { type: "text", text: "こんにちは 你好 สวัสดี" });
    const [req] = await rx.waitFor(1);
    const signature = String(req?.headers["x-line-signature"]);
    expect(validateSignature(req?.rawBody ?? "", t.fake.channelSecret, signature)).toBe(true);
    expect(validateSignature(req?.rawBody ?? "", "0".repeat(32), signature)).toBe(false);
    expect(req?.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(req?.headers["user-agent"]).toBe("LineBotWebhook/2.0");
  });

  it("sends LINE's CallbackRequest with the bot as destination and a text message event", async () => {
    const bot = await t.api.getBotInfo();
    const { events } = await t.control.post<EventsJson>(`/__fake/friends/${friendId}/messages`, { type: "text", text: "Do you open on Sunday?" });
    const [req] = await rx.waitFor(1);
    const body = req?.body as webhook.CallbackRequest;
    expect(body.destination).toBe(bot.userId);
    expect(body.events).toHaveLength(1);
    const event = body.events[0] as webhook.MessageEvent;
    expect(event).toEqual(events[0]);
    expect(event).toMatchObject({ type: "message", mode: "active", source: { type: "user", userId: friendId }, deliveryContext: { isRedelivery: false } });
    expect(event.webhookEventId).toMatch(ULID_RE);
    expect(event.replyToken).toMatch(/^[0-9a-f]{32}$/);
    expect(Math.abs(event.timestamp - Date.now())).toBeLessThan(5000);
    const message = event.message as webhook.TextMessageContent;
    expect(message).toMatchObject({ type: "text", text: "Do you open on Sunday?" });
    expect(message.id).toMatch(/^\d{18}$/);
    expect(typeof message.quoteToken).toBe("string");
    expect(typeof message.markAsReadToken).toBe("string");
    expect(Object.keys(event)).toEqual(["type", "mode", "timestamp", "source", "webhookEventId", "deliveryContext", "replyToken", "message"]);
  });

  it("batches events that happen together into one request", async () => {
    await t.control.post(`/__fake/friends/${friendId}/messages`, { type: "image", count: 3 });
    const [req] = await rx.waitFor(1);
    expect(req?.body.events).toHaveLength(3);
    const sets = req?.body.events.map((e) => ((e as webhook.MessageEvent).message as webhook.ImageMessageContent).imageSet);
    expect(new Set(sets?.map((s) => s?.id)).size).toBe(1);
    expect(sets?.map((s) => s?.index).sort()).toEqual([1, 2, 3]);
    expect(sets?.every((s) => s?.total === 3)).toBe(true);
  });

  it("sends follow, unfollow, postback, join, memberJoined and memberLeft events with LINE's payloads", async () => {
    const stranger = (await t.control.get<FriendsJson>("/__fake/friends?status=none&limit=1")).users[0]?.userId ?? "";
    await t.control.post(`/__fake/friends/${stranger}/follow`);
    await t.control.post(`/__fake/friends/${stranger}/block`);
    await t.control.post(`/__fake/friends/${stranger}/unblock`);
    await t.control.post(`/__fake/friends/${friendId}/postback`, { data: "action=book", params: { datetime: "2025-12-24T19:30" } });
    const chat = await t.control.post<EventsJson>("/__fake/chats", { kind: "group", name: "Test group", memberIds: [friendId] });
    const groupId = (chat.events[0]?.source as webhook.GroupSource).groupId;
    await t.control.post(`/__fake/chats/${groupId}/members`, { userIds: [stranger] });
    await t.control.post(`/__fake/chats/${groupId}/members/leave`, { userIds: [stranger] });
    await t.control.post("/__fake/webhook/flush");
    const events = rx.requests.flatMap((r) => r.body.events);
    expect(events.map((e) => e.type)).toEqual(["follow", "unfollow", "follow", "postback", "join", "memberJoined", "memberLeft"]);
    const [follow, unfollow, refollow, postback, join, joined, left] = events as [
      webhook.FollowEvent,
      webhook.UnfollowEvent,
      webhook.FollowEvent,
      webhook.PostbackEvent,
      webhook.JoinEvent,
      webhook.MemberJoinedEvent,
      webhook.MemberLeftEvent,
    ];
    expect(follow.follow).toEqual({ isUnblocked: false });
    expect(follow.replyToken).toMatch(/^[0-9a-f]{32}$/);
    expect("replyToken" in unfollow).toBe(false);
    expect(refollow.follow).toEqual({ isUnblocked: true });
    expect(postback.postback).toEqual({ data: "action=book", params: { datetime: "2025-12-24T19:30" } });
    expect(join.source).toEqual({ type: "group", groupId });
    expect(joined.joined.members).toEqual([{ type: "user", userId: stranger }]);
    expect(left.left.members).toEqual([{ type: "user", userId: stranger }]);
    expect("replyToken" in left).toBe(false);
  });

  it("redelivers failed requests with the same event ids, isRedelivery true and new reply tokens", async () => {
    await t.control.patch("/__fake/config", { redelivery: true });
    rx.respond((index) => (index < 2 ? 500 : 200));
    await t.control.post(`/__fake/friends/${friendId}/messages`, { type: "sticker" });
    const requests = await rx.waitFor(3);
    const events = requests.slice(0, 3).map((r) => r.body.events[0] as webhook.MessageEvent);
    expect(new Set(events.map((e) => e.webhookEventId)).size).toBe(1);
    expect(events.map((e) => e.deliveryContext.isRedelivery)).toEqual([false, true, true]);
    expect(new Set(events.map((e) => e.replyToken)).size).toBe(3);
    expect(new Set(events.map((e) => e.timestamp)).size).toBe(1);
    const { attempts } = await t.control.get<{ attempts: AttemptJson[] }>("/__fake/webhook/attempts?limit=3");
    expect(attempts.map((a) => [a.attempt, a.statusCode, a.reason])).toEqual([
      [1, 500, "ERROR_STATUS_CODE"],
      [2, 500, "ERROR_STATUS_CODE"],
      [3, 200, "OK"],
    ]);
  });

  it("does not redeliver when redelivery is off, but records the failed attempt", async () => {
    rx.respond(() => 503);
    await t.control.post(`/__fake/friends/${friendId}/messages`, { type: "text" });
    await rx.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(rx.requests).toHaveLength(1);
    const { attempts } = await t.control.get<{ attempts: AttemptJson[] }>("/__fake/webhook/attempts?limit=1");
    expect(attempts[0]).toMatchObject({ ok: false, statusCode: 503, reason: "ERROR_STATUS_CODE", isRedelivery: false });
  });

  it("gives up on an app that does not answer within the timeout and redelivers", async () => {
    await t.control.patch("/__fake/config", { redelivery: true, webhookTimeoutMs: 100 });
    rx.respond((index) => (index === 0 ? "hang" : 200));
    await t.control.post(`/__fake/friends/${friendId}/messages`, { type: "location" });
    const requests = await rx.waitFor(2);
    expect((requests[1]?.body.events[0] as webhook.MessageEvent).deliveryContext.isRedelivery).toBe(true);
    const attempts = await waitFor(async () => {
      const r = await t.control.get<{ attempts: AttemptJson[] }>("/__fake/webhook/attempts?limit=2");
      return r.attempts.length === 2 && r.attempts[1]?.ok ? r.attempts : undefined;
    });
    expect(attempts[0]).toMatchObject({ reason: "REQUEST_TIMEOUT", statusCode: 0 });
  });

  it("replays a stored event as a redelivery on request", async () => {
    const { events } = await t.control.post<EventsJson>(`/__fake/friends/${friendId}/messages`, { type: "text", text: "order #1001 please" });
    await rx.waitFor(1);
    await t.control.post("/__fake/webhook/redeliver", { webhookEventIds: [events[0]?.webhookEventId] });
    const requests = await rx.waitFor(2);
    const [first, again] = requests.map((r) => r.body.events[0] as webhook.MessageEvent);
    expect(again?.webhookEventId).toBe(first?.webhookEventId);
    expect(again?.deliveryContext.isRedelivery).toBe(true);
    expect(again?.replyToken).not.toBe(first?.replyToken);
    expect(again?.message).toEqual(first?.message);
  });

  it("delivers arbitrary bodies, validly or deliberately badly signed", async () => {
    const body = JSON.stringify({ destination: t.fake.botUserId, events: [] }, null, 2);
    const good = await t.control.post<AttemptJson>("/__fake/webhook/deliver", { body });
    const bad = await t.control.post<AttemptJson>("/__fake/webhook/deliver", { body, signature: "invalid" });
    const [r1, r2] = await rx.waitFor(2);
    expect(r1?.rawBody).toBe(body);
    expect(validateSignature(r1?.rawBody ?? "", t.fake.channelSecret, String(r1?.headers["x-line-signature"]))).toBe(true);
    expect(validateSignature(r2?.rawBody ?? "", t.fake.channelSecret, String(r2?.headers["x-line-signature"]))).toBe(false);
    expect(good).toMatchObject({ kind: "custom", ok: true, statusCode: 200 });
    expect(bad.kind).toBe("custom");
  });

  it("does not send anything while the webhook is inactive", async () => {
    await t.control.patch("/__fake/config", { webhookActive: false });
    await t.control.post(`/__fake/friends/${friendId}/messages`, { type: "text" });
    await t.control.post("/__fake/webhook/flush");
    expect(rx.requests).toHaveLength(0);
  });
});
