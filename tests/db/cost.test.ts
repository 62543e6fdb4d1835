import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as chatRoute from "@/app/api/chats/[chatId]/route";
import * as memberCountRoute from "@/app/api/chats/[chatId]/member-count/route";
import * as quotaRoute from "@/app/api/messages/quota/route";
import * as acceptRoute from "@/app/api/invitations/accept/route";
import * as invitationsRoute from "@/app/api/invitations/route";
import * as setupRoute from "@/app/api/setup/route";
import { sends } from "@/db/schema/sends";
import { startFakeLine, type FakeLine } from "@/fake-line/server";
import { quotaMonth } from "@/lib/sends/quota-projection";
import { getRuntime } from "@/lib/runtime/runtime";
import { projectAll, storeEvents } from "../helpers/contacts";
import { useProcessDatabase } from "../helpers/process-db";
import { RouteClient } from "../helpers/route-client";

// What a send costs before it goes: a push to a group counts once per member (asked of LINE then),
// and the month's view says how many messages free replies saved.

let fake: FakeLine;
let cleanup: () => Promise<void>;
const admin = new RouteClient("203.0.113.1");
const viewer = new RouteClient("203.0.113.3");
const anonymous = new RouteClient("203.0.113.9");
let friends: string[];

beforeAll(async () => {
  fake = await startFakeLine({ port: 0, friends: 20, monthlyQuota: 5000 });
  cleanup = await useProcessDatabase({
    LINE_CHANNEL_SECRET: fake.channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
  });
  const setup = await admin.call(setupRoute.POST, "POST", "/api/setup", {
    body: { name: "Aiko Admin", email: "aiko@example.com", password: "plum-blossom-42-tea" },
  });
  expect(setup.status).toBe(201);
  const invited = await admin.call(invitationsRoute.POST, "POST", "/api/invitations", { body: { email: "vera@example.com", role: "viewer" } });
  const token = new URL(invited.json.link as string).pathname.split("/").pop()!;
  expect(
    (await viewer.call(acceptRoute.POST, "POST", "/api/invitations/accept", { body: { token, name: "Vera", password: "green-tea-latte-77" } })).status,
  ).toBe(201);
  friends = ((await control("GET", "/__fake/friends?status=following&limit=10")) as { users: Array<{ userId: string }> }).users.map((u) => u.userId);
});
afterAll(async () => {
  await cleanup();
  await fake.close();
});

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}

/** The account joins a new group or room in the fake; the console stores the join as its webhook would. */
async function joinChat(kind: "group" | "room", memberIds: string[]) {
  const { events } = (await control("POST", "/__fake/chats", { kind, name: "Tea club", memberIds })) as {
    events: Array<{ source: { groupId?: string; roomId?: string } }>;
  };
  const { handle, firstChannelId } = await getRuntime();
  await storeEvents(handle.db, firstChannelId, events);
  await projectAll(handle.db);
  return (events[0]!.source.groupId ?? events[0]!.source.roomId)!;
}

const memberCount = (client: RouteClient, chatId: string) =>
  client.call(memberCountRoute.GET, "GET", `/api/chats/${chatId}/member-count`, { params: { chatId } });

describe("a group's or room's member count", () => {
  it("is asked of LINE now, for a group and a room, and a viewer may read it", async () => {
    const group = await joinChat("group", friends.slice(0, 4));
    const res = await memberCount(viewer, group);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ chatId: group, type: "group", count: 4 });
    const room = await joinChat("room", friends.slice(4, 7));
    expect((await memberCount(admin, room)).json).toEqual({ chatId: room, type: "room", count: 3 });
  });

  it("follows members who joined since, and the chat's page shows the new count", async () => {
    const group = await joinChat("group", friends.slice(0, 2));
    await control("POST", `/__fake/chats/${group}/members`, { newUsers: 3 });
    expect((await memberCount(admin, group)).json.count).toBe(5);
    const chat = await admin.call(chatRoute.GET, "GET", `/api/chats/${group}`, { params: { chatId: group } });
    expect(chat.json.memberCount).toBe(5);
  });

  it("is not found for a group the account is not in, or an id that names no group", async () => {
    const stranger = `C${"0123456789abcdef".repeat(2)}`;
    const res = await memberCount(admin, stranger);
    expect(res.status).toBe(404);
    expect((await memberCount(admin, "U0123")).status).toBe(404);
  });

  it("needs someone signed in", async () => {
    const group = await joinChat("group", friends.slice(0, 1));
    expect((await memberCount(anonymous, group)).status).toBe(401);
  });
});

describe("the month's quota and what replies saved", () => {
  it("counts the replies LINE accepted this month (UTC+9), not failed ones, last month's or another channel's", async () => {
    const { handle, firstChannelId } = await getRuntime();
    const month = quotaMonth(new Date());
    const reply = (createdAt: Date, status: "sent" | "failed", channelId = firstChannelId) => ({
      id: crypto.randomUUID(),
      channelId,
      kind: "reply" as const,
      status,
      request: { messages: [{ type: "text", text: "ありがとう" }] },
      chunkCount: 1,
      authorKind: "user" as const,
      authorId: "u1",
      authorLabel: "Aiko",
      createdAt,
    });
    const before = (await admin.call(quotaRoute.GET, "GET", "/api/messages/quota")).json.repliesSaved as number;
    await handle.db.insert(sends).values([
      reply(new Date(month.start.getTime() + 1000), "sent"),
      reply(new Date(), "sent"),
      reply(new Date(), "failed"),
      // The last minute of last month in Tokyo (still this month in UTC for most of the world).
      reply(new Date(month.start.getTime() - 60_000), "sent"),
      reply(new Date(), "sent", firstChannelId + 1000),
    ]);
    const res = await viewer.call(quotaRoute.GET, "GET", "/api/messages/quota");
    expect(res.status).toBe(200);
    expect(res.json.repliesSaved).toBe(before + 2);
    expect(res.json.month.start).toBe(month.start.toISOString());
    expect(res.json.month.end).toBe(month.end.toISOString());
    expect(res.json.quota).toMatchObject({ limit: 5000 });
  });

  it("projects the month's use from LINE's figure so far", async () => {
    await control("PATCH", "/__fake/quota", { totalUsage: 1200 });
    const { quota, month } = (await admin.call(quotaRoute.GET, "GET", "/api/messages/quota")).json;
    expect(quota).toEqual({ limit: 5000, used: 1200, remaining: 3800 });
    // In the month's first day there is no pace to go by yet.
    if (month.elapsed * (Date.parse(month.end) - Date.parse(month.start)) < 86_400_000) expect(month.projected).toBeNull();
    else expect(month.projected).toBe(Math.round(1200 / month.elapsed));
  });
});
