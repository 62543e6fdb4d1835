import type { webhook } from "@line/bot-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventsJson, FriendsJson, InboxJson } from "./helpers/control-types";
import { httpError, startTestFake, type TestFake } from "./helpers/start-fake";
import { startReceiver } from "./helpers/webhook-receiver";

describe("reply tokens", () => {
  let t: TestFake;
  let friendId: string;

  beforeAll(async () => {
    t = await startTestFake();
    friendId = (await t.control.get<FriendsJson>("/__fake/friends?status=following&limit=1")).users[0]?.userId ?? "";
  });
  afterAll(() => t.close());

  async function tokenFromText(chatId?: string, userId = friendId): Promise<string> {
    const { events } = await t.control.post<EventsJson>(`/__fake/friends/${userId}/messages`, { type: "text", ...(chatId ? { chatId } : {}) });
    return events[0]?.replyToken ?? "";
  }

  it("accepts a fresh token once, answers sentMessages with quote tokens, and delivers to the user", async () => {
    const replyToken = await tokenFromText();
    const { httpResponse, body } = await t.api.replyMessageWithHttpInfo({
      replyToken,
      messages: [
        { type: "text", text: "Thanks!" },
        { type: "sticker", packageId: "446", stickerId: "1988" },
        { type: "location", title: "Shop", address: "Tokyo", latitude: 35.6, longitude: 139.7 },
      ],
    });
    expect(body.sentMessages).toHaveLength(3);
    expect(body.sentMessages[0]?.id).toMatch(/^\d{18}$/);
    expect(typeof body.sentMessages[0]?.quoteToken).toBe("string");
    expect(typeof body.sentMessages[1]?.quoteToken).toBe("string");
    expect(body.sentMessages[2]?.quoteToken).toBeUndefined();
    const inbox = await t.control.get<InboxJson>(`/__fake/inbox/${friendId}?kind=reply`);
    const entry = inbox.entries.at(-1);
    expect(entry?.requestId).toBe(httpResponse.headers.get("x-line-request-id"));
    expect(entry?.messages.map((m) => m.message.type)).toEqual(["text", "sticker", "location"]);
    expect(entry?.messages.map((m) => m.id)).toEqual(body.sentMessages.map((m) => m.id));
  });

  it("rejects a token that was already used", async () => {
    const replyToken = await tokenFromText();
    await t.api.replyMessage({ replyToken, messages: [{ type: "text", text: "first" }] });
    const err = await httpError(t.api.replyMessage({ replyToken, messages: [{ type: "text", text: "second" }] }));
    expect(err.status).toBe(400);
    expect(err.json).toEqual({ message: "Invalid reply token" });
  });

  it("rejects an unknown token and a token older than a minute", async () => {
    expect((await httpError(t.api.replyMessage({ replyToken: "0".repeat(32), messages: [{ type: "text", text: "x" }] }))).json.message).toBe(
      "Invalid reply token",
    );
    const replyToken = await tokenFromText();
    await t.control.post("/__fake/clock/advance", { ms: 61_000 });
    expect((await httpError(t.api.replyMessage({ replyToken, messages: [{ type: "text", text: "late" }] }))).json.message).toBe("Invalid reply token");
  });

  it("does not consume the token when the body is invalid", async () => {
    const replyToken = await tokenFromText();
    const err = await httpError(t.api.replyMessage({ replyToken, messages: [] }));
    expect(err.json).toEqual({ message: "The request body has 1 error(s)", details: [{ message: "Size must be between 1 and 5", property: "messages" }] });
    await expect(t.api.replyMessage({ replyToken, messages: [{ type: "text", text: "ok now" }] })).resolves.toBeDefined();
  });

  it("gives a redelivered event a new token that works once, and only while no token of the event was used", async () => {
    const rx = await startReceiver();
    try {
      await t.control.patch("/__fake/config", { webhookUrl: rx.url });
      const redelivered = async () => {
        const { events } = await t.control.post<EventsJson>(`/__fake/friends/${friendId}/messages`, { type: "text" });
        const original = events[0];
        const before = (await rx.waitFor(rx.requests.length + 1)).length;
        await t.control.post("/__fake/webhook/redeliver", { webhookEventIds: [original?.webhookEventId] });
        const all = await rx.waitFor(before + 1);
        const again = all.at(-1)?.body.events[0] as webhook.MessageEvent;
        expect(again.webhookEventId).toBe(original?.webhookEventId);
        expect(again.replyToken).not.toBe(original?.replyToken);
        return { original: original?.replyToken ?? "", again: again.replyToken ?? "" };
      };
      const a = await redelivered();
      await t.api.replyMessage({ replyToken: a.again, messages: [{ type: "text", text: "via redelivery" }] });
      expect((await httpError(t.api.replyMessage({ replyToken: a.original, messages: [{ type: "text", text: "x" }] }))).json.message).toBe(
        "Invalid reply token",
      );
      const b = await redelivered();
      await t.api.replyMessage({ replyToken: b.original, messages: [{ type: "text", text: "via original" }] });
      expect((await httpError(t.api.replyMessage({ replyToken: b.again, messages: [{ type: "text", text: "x" }] }))).json.message).toBe("Invalid reply token");
    } finally {
      await t.control.patch("/__fake/config", { webhookUrl: null });
      await rx.close();
    }
  });

  it("replies into the group the event came from", async () => {
    const chats = await t.control.get<{ chats: { chatId: string; kind: string; botIsMember: boolean; memberIds: string[] }[] }>("/__fake/chats");
    const group = chats.chats.find((c) => c.kind === "group" && c.botIsMember && c.memberIds.length > 0);
    const member = group?.memberIds[0] ?? "";
    const replyToken = await tokenFromText(group?.chatId, member);
    await t.api.replyMessage({ replyToken, messages: [{ type: "text", text: "hello group" }] });
    const inbox = await t.control.get<InboxJson>(`/__fake/inbox/${group?.chatId}`);
    expect(inbox.entries.at(-1)?.messages[0]?.message).toEqual({ type: "text", text: "hello group" });
  });
});
