import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listEvents } from "@/db/queries/events";
import type { ConversationTarget } from "@/db/queries/conversation";
import type { Actor } from "@/lib/auth/require-actor";
import { HttpError } from "@/lib/platform/http/errors";
import { conversationReplyWindow, REPLY_MARGIN_MS, sendToConversation } from "@/lib/sends/conversation-send";
import { replyToEvent } from "@/lib/sends/reply";
import { storeEvents } from "../helpers/contacts";
import { createTestDatabase, resetTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
const db = () => t.handle.db;
const otto: Actor = {
  kind: "user",
  id: "u1",
  name: "Otto",
  email: "otto@example.com",
  role: "operator",
  consoleRole: "operator",
  sessionId: "s1",
  locale: null,
  timeZone: null,
};
const mia: Actor = { ...otto, id: "u2", name: "Mia", email: "mia@example.com", sessionId: "s2" };
const FRIEND = `U${"a".repeat(32)}`;
const GROUP = `C${"b".repeat(32)}`;
const ROOM = `R${"c".repeat(32)}`;
const friend: ConversationTarget = { kind: "user", userId: FRIEND };
const hello = [{ type: "text" as const, text: "Thanks for writing!" }];

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());
beforeEach(() => resetTestDatabase(t));

/** A message event as LINE delivers it, stored now (its reply token's minute starts now). */
function message(text: string, source: Record<string, unknown> = { type: "user", userId: FRIEND }, extra: Record<string, unknown> = {}) {
  return {
    type: "message",
    mode: "active",
    timestamp: Date.now(),
    source,
    webhookEventId: randomUUID(),
    deliveryContext: { isRedelivery: false },
    replyToken: randomBytes(16).toString("hex"),
    message: { type: "text", id: String(Date.now()) + randomBytes(2).readUInt16BE(), quoteToken: "q", text },
    ...extra,
  };
}

async function store(...events: Array<Record<string, unknown>>) {
  // One delivery each, in order: later ones arrive later (ids and receivedAt grow).
  for (const e of events) await storeEvents(db(), t.channelId, [e]);
  const { items } = await listEvents(db(), { channelId: t.channelId, limit: 50 });
  return new Map(items.map((e) => [e.text!, e]));
}

const answer = (o: Partial<Parameters<typeof sendToConversation>[1]> = {}) =>
  sendToConversation(db(), { channelId: t.channelId, target: friend, actor: otto, messages: hello, ...o });

async function refusal(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HttpError);
  return err as HttpError;
}

describe("answering from a conversation", () => {
  it("replies with the newest unused reply token of the friend's one-on-one chat, not a group's", async () => {
    const events = await store(message("older"), message("newest"), message("in the group", { type: "group", groupId: GROUP, userId: FRIEND }));
    const { send, created, via } = await answer();
    expect({ created, via, kind: send.kind }).toEqual({ created: true, via: "reply", kind: "reply" });
    expect(send.replyToEventId).toBe(events.get("newest")!.id);
    expect((send.request as { replyToken: string }).replyToken).toBe(events.get("newest")!.replyToken);
    expect(send.authorLabel).toBe("Otto <otto@example.com>");
  });

  it("gives two operators answering at once a token each, and asks the third to agree to a push", async () => {
    const events = await store(message("first"), message("second"));
    const [a, b] = await Promise.all([answer(), answer({ actor: mia })]);
    expect(new Set([a.send.replyToEventId, b.send.replyToEventId])).toEqual(new Set([events.get("first")!.id, events.get("second")!.id]));
    const err = await refusal(answer());
    expect([err.status, err.code]).toEqual([409, "reply_window_closed"]);
  });

  it("does not take a token already used by a reply to the event itself", async () => {
    const events = await store(message("first"), message("second"));
    await replyToEvent(db(), { channelId: t.channelId, eventId: events.get("second")!.id, actor: mia, messages: hello });
    expect((await answer()).send.replyToEventId).toBe(events.get("first")!.id);
  });

  it("asks for consent once the tokens have expired, and then pushes to the friend", async () => {
    await store(message("a minute ago"));
    const later = new Date(Date.now() + 61_000);
    const err = await refusal(answer({ now: later }));
    expect([err.status, err.code]).toEqual([409, "reply_window_closed"]);
    const { send, via } = await answer({ now: later, allowPush: true });
    expect(via).toBe("push");
    expect(send).toMatchObject({ kind: "push", replyToEventId: null, recipientCount: 1 });
    expect(send.request).toMatchObject({ to: FRIEND, messages: hello });
  });

  it("does not push without consent when there was never a token (a friend known from the follower list)", async () => {
    expect((await refusal(answer())).code).toBe("reply_window_closed");
    expect((await answer({ allowPush: true })).send.kind).toBe("push");
  });

  it("replies while a token is valid even when the operator agreed to a push", async () => {
    await store(message("just now"));
    expect((await answer({ allowPush: true })).via).toBe("reply");
  });

  it("leaves a token alone in its last seconds, when it would reach LINE expired", async () => {
    await store(message("almost a minute ago"));
    const edge = new Date(Date.now() + 60_000 - REPLY_MARGIN_MS + 500);
    expect((await refusal(answer({ now: edge }))).code).toBe("reply_window_closed");
  });

  it("does not use a standby event's token, nor a redelivered token of an event over 20 minutes old", async () => {
    await store(
      message("standby", undefined, { mode: "standby" }),
      message("redelivered late", undefined, { timestamp: Date.now() - 21 * 60_000, deliveryContext: { isRedelivery: true } }),
    );
    expect((await refusal(answer())).code).toBe("reply_window_closed");
    expect(await conversationReplyWindow(db(), { channelId: t.channelId, target: friend })).toBeNull();
  });

  it("answers a group or a room with its own events' tokens", async () => {
    const events = await store(
      message("friend 1:1"),
      message("group", { type: "group", groupId: GROUP, userId: FRIEND }),
      message("room", { type: "room", roomId: ROOM }),
    );
    const group = await answer({ target: { kind: "group", chatId: GROUP } });
    expect(group.send.replyToEventId).toBe(events.get("group")!.id);
    const room = await answer({ target: { kind: "room", chatId: ROOM } });
    expect(room.send.replyToEventId).toBe(events.get("room")!.id);
    const pushed = await answer({ target: { kind: "group", chatId: GROUP }, allowPush: true });
    expect(pushed.send.request).toMatchObject({ to: GROUP });
  });

  it("answers a repeated request (same retryKey) with the send already made, using no second token", async () => {
    const events = await store(message("first"), message("second"));
    const retryKey = randomUUID();
    const first = await answer({ retryKey });
    const again = await answer({ retryKey });
    expect(again).toMatchObject({ created: false, via: "reply" });
    expect(again.send.id).toBe(first.send.id);
    // The older token is still free for the next answer.
    expect((await answer()).send.replyToEventId).toBe(events.get("first")!.id);
  });

  it("says until when an answer is free: the newest token's minute, less the margin", async () => {
    expect(await conversationReplyWindow(db(), { channelId: t.channelId, target: friend })).toBeNull();
    const events = await store(message("hi"));
    const window = await conversationReplyWindow(db(), { channelId: t.channelId, target: friend });
    expect(Date.parse(window!.expiresAt)).toBe(events.get("hi")!.receivedAt.getTime() + 60_000 - REPLY_MARGIN_MS);
    await answer();
    expect(await conversationReplyWindow(db(), { channelId: t.channelId, target: friend })).toBeNull();
  });
});
