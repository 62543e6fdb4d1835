import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveChatInfo } from "@/db/queries/chats";
import { saveProfile } from "@/db/queries/friends";
import { readEvent, readEvents } from "@/lib/events/read";
import { GROUP, ROOM, USER, USER_2 } from "../fixtures/webhook-events";
import { projectAll, storeEvents } from "../helpers/contacts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

// The timeline names senders and chats the way the contacts pages do, from what the console already
// fetched: a profile for a person, a summary for a group. Until then it shows the id.
let t: TestDatabase;
const base = Date.UTC(2026, 10, 20, 3);
const text = (i: number, source: Record<string, string>) => ({
  type: "message",
  mode: "active",
  timestamp: base + i * 1000,
  source,
  webhookEventId: `01SOURCE${String(i).padStart(18, "0")}`,
  deliveryContext: { isRedelivery: false },
  message: { type: "text", id: String(1000 + i), text: `message ${i}` },
});

beforeAll(async () => {
  t = await createTestDatabase();
  await storeEvents(t.handle.db, t.channelId, [
    text(1, { type: "user", userId: USER }),
    text(2, { type: "group", groupId: GROUP, userId: USER }),
    text(3, { type: "user", userId: USER_2 }),
    text(4, { type: "room", roomId: ROOM, userId: USER_2 }),
  ]);
  await projectAll(t.handle.db);
  await saveProfile(t.handle.db, {
    channelId: t.channelId,
    userId: USER,
    askedAt: new Date(),
    profile: { displayName: "王小明", pictureUrl: "https://profile.line-scdn.net/x" },
    friend: true,
  });
  await saveChatInfo(t.handle.db, { channelId: t.channelId, chatId: GROUP, name: "台北店 VIP", memberCount: 12 });
});
afterAll(() => t.close());

describe("event items name their sources", () => {
  it("gives a known sender's and group's names, and null where nothing is known yet", async () => {
    const { items } = await readEvents(t.handle.db, { channelId: t.channelId, query: { limit: 10 } });
    const byText = new Map(items.map((e) => [e.text, { userName: e.userName, chatName: e.chatName }]));
    expect(Object.fromEntries(byText)).toEqual({
      "message 1": { userName: "王小明", chatName: null },
      "message 2": { userName: "王小明", chatName: "台北店 VIP" },
      "message 3": { userName: null, chatName: null },
      "message 4": { userName: null, chatName: null },
    });
  });

  it("names them in a filtered page and in the event's detail too", async () => {
    const { items } = await readEvents(t.handle.db, { channelId: t.channelId, query: { limit: 10, groupId: GROUP } });
    expect(items.map((e) => [e.userName, e.chatName])).toEqual([["王小明", "台北店 VIP"]]);
    const detail = await readEvent(t.handle.db, { channelId: t.channelId, id: Number(items[0]!.id) });
    expect(detail).toMatchObject({ userName: "王小明", chatName: "台北店 VIP", groupId: GROUP });
    expect(detail?.delivery?.id).toBe(items[0]!.deliveryId);
  });
});
