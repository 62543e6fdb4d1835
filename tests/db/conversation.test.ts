import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEvents } from "@/db/queries/events";
import type { Actor } from "@/lib/auth/require-actor";
import { conversationPage, type ConversationItem } from "@/lib/contacts/conversation";
import { createSend } from "@/lib/sends/create-send";
import type { SendBody } from "@/lib/sends/send-schemas";
import { storeEvents } from "../helpers/contacts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
const db = () => t.handle.db;
const actor: Actor = {
  kind: "user",
  id: "u1",
  name: "Otto",
  email: "otto@example.com",
  role: "operator",
  consoleRole: "operator",
  sessionId: "s",
  locale: null,
  timeZone: null,
};
const ME = `U${"1".repeat(32)}`;
const OTHER = `U${"2".repeat(32)}`;
const GROUP = `C${"3".repeat(32)}`;
const base = Date.now() - 3_600_000;

function message(userId: string, i: number, extra: Record<string, unknown> = {}) {
  return {
    type: "message",
    mode: "active",
    timestamp: base + i * 1000,
    source: { type: "user", userId },
    webhookEventId: `01KCONV${userId.slice(1, 4)}${i}`,
    deliveryContext: { isRedelivery: false },
    message: { type: "text", id: `7${i}${userId.slice(1, 3)}`, text: `m${i}` },
    ...extra,
  };
}

async function send(
  kind: "push" | "multicast" | "broadcast" | "narrowcast" | "reply",
  body: Record<string, unknown>,
  at: number,
  extra: Record<string, unknown> = {},
) {
  const { send } = await createSend(db(), {
    channelId: t.channelId,
    kind,
    body: { messages: [{ type: "text", text: `${kind}@${at}` }], ...body } as SendBody,
    actor,
    ...extra,
  });
  await db().execute(sql`update sends set created_at = ${new Date(base + at * 1000).toISOString()}::timestamptz, status = 'sent' where id = ${send.id}`);
  return send.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await storeEvents(db(), t.channelId, [
    message(ME, 1),
    message(OTHER, 2),
    message(ME, 4),
    { ...message(ME, 6), source: { type: "group", groupId: GROUP, userId: ME } },
    message(ME, 9),
  ]);
  const [replyTo] = (await listEvents(db(), { channelId: t.channelId, limit: 10, userId: ME })).items.filter((e) => e.text === "m4");
  await send("push", { to: ME }, 3);
  await send("push", { to: OTHER }, 3.5);
  await send("multicast", { to: [OTHER, ME] }, 5);
  await send("multicast", { to: [OTHER] }, 5.5);
  await send("reply", { replyToken: "x" }, 4.5, { replyToEventId: replyTo!.id });
  await send("broadcast", {}, 7);
  await send("narrowcast", {}, 8);
  await send("push", { to: GROUP }, 6.5);
});
afterAll(() => t.close());

const label = (i: ConversationItem) => (i.type === "event" ? `e:${i.event.text}` : `s:${i.send.via}`);

describe("conversation", () => {
  it("merges a friend's events with every send that reached them, newest first", async () => {
    const page = await conversationPage(db(), { channelId: t.channelId, target: { kind: "user", userId: ME }, limit: 50 });
    expect(page.items.map(label)).toEqual(["e:m9", "s:narrowcast", "s:broadcast", "e:m6", "s:multicast", "s:reply", "e:m4", "s:push", "e:m1"]);
    expect(page.nextCursor).toBeNull();
  });

  it("pages backwards through both sides without gaps or repeats", async () => {
    const all = (await conversationPage(db(), { channelId: t.channelId, target: { kind: "user", userId: ME }, limit: 50 })).items.map(label);
    for (const size of [1, 2, 3, 4]) {
      const seen: string[] = [];
      let cursor;
      do {
        const page = await conversationPage(db(), { channelId: t.channelId, target: { kind: "user", userId: ME }, limit: size, cursor });
        seen.push(...page.items.map(label));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(all);
    }
  });

  it("shows a group's events with pushes to the group", async () => {
    const page = await conversationPage(db(), { channelId: t.channelId, target: { kind: "group", chatId: GROUP }, limit: 50 });
    expect(page.items.map(label)).toEqual(["s:push", "e:m6"]);
  });

  it("leaves out broadcasts from before the friend was first seen", async () => {
    const page = await conversationPage(db(), { channelId: t.channelId, target: { kind: "user", userId: ME, since: new Date(base + 7.5 * 1000) }, limit: 50 });
    expect(page.items.map(label)).not.toContain("s:broadcast");
    expect(page.items.map(label)).toContain("s:narrowcast");
  });
});

describe("what a broadcast or narrowcast says of reaching a friend", () => {
  const BLOCKER = `U${"4".repeat(32)}`;
  const RETURNING = `U${"5".repeat(32)}`;
  const NEWBIE = `U${"6".repeat(32)}`;
  const QUIET = `U${"7".repeat(32)}`;
  const follow = (userId: string, at: number, type: "follow" | "unfollow", isUnblocked = false) => ({
    type,
    mode: "active",
    timestamp: base + at * 1000,
    source: { type: "user", userId },
    webhookEventId: `01KFOLLOW${userId.slice(1, 3)}${at}`,
    deliveryContext: { isRedelivery: false },
    ...(type === "follow" ? { follow: { isUnblocked } } : {}),
  });

  beforeAll(async () => {
    await storeEvents(db(), t.channelId, [
      follow(BLOCKER, 0.5, "follow"),
      follow(BLOCKER, 7.2, "unfollow"),
      follow(RETURNING, 1, "unfollow"),
      follow(RETURNING, 7.5, "follow", true),
      follow(NEWBIE, 7.7, "follow"),
      message(QUIET, 0),
    ]);
  });

  // The broadcast was sent at 7 s, the narrowcast at 8 s (see the first beforeAll).
  const reach = async (userId: string, status?: "friend" | "blocked" | "unknown") => {
    const page = await conversationPage(db(), { channelId: t.channelId, target: { kind: "user", userId, status }, limit: 50 });
    return Object.fromEntries(
      page.items.flatMap((i) => (i.type === "send" && (i.send.via === "broadcast" || i.send.via === "narrowcast") ? [[i.send.via, i.send.reach]] : [])),
    );
  };

  it("never claims a narrowcast reached them: LINE chose by attributes the console does not know", async () => {
    expect(await reach(QUIET, "friend")).toEqual({ broadcast: "delivered", narrowcast: "unknown" });
  });

  it("leaves out what was sent while they had blocked the account", async () => {
    expect(await reach(BLOCKER)).toEqual({ broadcast: "delivered" });
    expect(await reach(RETURNING)).toEqual({ narrowcast: "unknown" });
  });

  it("leaves out what was sent before they first added the account", async () => {
    expect(await reach(NEWBIE)).toEqual({ narrowcast: "unknown" });
  });

  it("does not claim a broadcast reached someone with no follow or block on record who is not a friend now", async () => {
    expect(await reach(QUIET, "blocked")).toEqual({ broadcast: "unknown", narrowcast: "unknown" });
    expect(await reach(QUIET)).toEqual({ broadcast: "unknown", narrowcast: "unknown" });
  });
});
