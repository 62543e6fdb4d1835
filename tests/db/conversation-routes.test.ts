import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as conversationRoute from "@/app/api/contacts/[userId]/conversation/route";
import * as messagesRoute from "@/app/api/contacts/[userId]/messages/route";
import * as readRoute from "@/app/api/contacts/[userId]/read/route";
import * as typingRoute from "@/app/api/contacts/[userId]/typing/route";
import * as auditRoute from "@/app/api/audit/route";
import * as acceptRoute from "@/app/api/invitations/accept/route";
import * as invitationsRoute from "@/app/api/invitations/route";
import * as settingsRoute from "@/app/api/settings/channel/conversation/route";
import * as setupRoute from "@/app/api/setup/route";
import { getRuntime } from "@/lib/runtime/runtime";
import { reserveRate } from "@/db/queries/rate-windows";
import { LINE_BACKGROUND_RATES } from "@/lib/line/rates";
import { startFakeLine, type FakeLine } from "@/fake-line/server";
import { storeEvents } from "../helpers/contacts";
import { useProcessDatabase } from "../helpers/process-db";
import { RouteClient } from "../helpers/route-client";

let fake: FakeLine;
let cleanup: () => Promise<void>;
const admin = new RouteClient("203.0.113.1");
const operator = new RouteClient("203.0.113.2");
const viewer = new RouteClient("203.0.113.3");
let friends: string[];

beforeAll(async () => {
  fake = await startFakeLine({ port: 0, friends: 50 });
  cleanup = await useProcessDatabase({
    LINE_CHANNEL_SECRET: fake.channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
  });
  expect(
    (await admin.call(setupRoute.POST, "POST", "/api/setup", { body: { name: "Aiko Admin", email: "aiko@example.com", password: "plum-blossom-42-tea" } }))
      .status,
  ).toBe(201);
  for (const [client, email, role] of [
    [operator, "otto@example.com", "operator"],
    [viewer, "vera@example.com", "viewer"],
  ] as const) {
    const invited = await admin.call(invitationsRoute.POST, "POST", "/api/invitations", { body: { email, role } });
    const token = new URL(invited.json.link as string).pathname.split("/").pop()!;
    expect(
      (await client.call(acceptRoute.POST, "POST", "/api/invitations/accept", { body: { token, name: email.split("@")[0], password: "green-tea-latte-77" } }))
        .status,
    ).toBe(201);
  }
  friends = ((await control("GET", "/__fake/friends?status=following&limit=10")) as { users: Array<{ userId: string }> }).users.map((u) => u.userId);
});
afterAll(async () => {
  await cleanup();
  await fake.close();
});
beforeEach(async () => {
  await control("DELETE", "/__fake/faults");
  await control("DELETE", "/__fake/requests");
});

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}
const lineCalls = async (path: string) =>
  ((await control("GET", `/__fake/requests?path=${encodeURIComponent(path)}`)) as { requests: unknown[] }).requests.length;
const screen = async (userId: string) =>
  (await control("GET", `/__fake/friends/${userId}/chat`)) as { loading: unknown; readUpTo: { messageId: string } | null };
const setSettings = (body: Record<string, boolean>) => admin.call(settingsRoute.PATCH, "PATCH", "/api/settings/channel/conversation", { body });

/** The friend writes (in the fake) and the console stores the event as its webhook would. */
async function friendWrites(userId: string) {
  const { events } = (await control("POST", `/__fake/friends/${userId}/messages`, { type: "text" })) as {
    events: Array<Record<string, unknown> & { message: { id: string } }>;
  };
  const { handle, firstChannelId: channelId } = await getRuntime();
  await storeEvents(handle.db, channelId, events);
  return events[0]!.message.id;
}

describe("conversation settings", () => {
  it("start off, and only admins change them; a change is audited with what changed", async () => {
    expect((await admin.call(settingsRoute.GET, "GET", "/api/settings/channel/conversation")).json).toEqual({ loadingAnimation: false, markAsRead: false });
    expect((await operator.call(settingsRoute.PATCH, "PATCH", "/api/settings/channel/conversation", { body: { markAsRead: true } })).status).toBe(403);
    expect((await operator.call(settingsRoute.GET, "GET", "/api/settings/channel/conversation")).status).toBe(403);
    const res = await setSettings({ markAsRead: true });
    expect(res.json).toEqual({ loadingAnimation: false, markAsRead: true });
    expect((await setSettings({ markAsRead: true, loadingAnimation: false })).status).toBe(200);
    const audit = (await admin.call(auditRoute.GET, "GET", "/api/audit?action=settings.conversation_updated")).json.items as Array<{
      details: unknown;
      actorLabel: string;
    }>;
    // The second change changed nothing and was not recorded.
    expect(audit.map((a) => [a.actorLabel, a.details])).toEqual([["Aiko Admin <aiko@example.com>", { markAsRead: true }]]);
    expect((await setSettings({ typing: true } as never)).status).toBe(400);
    await setSettings({ markAsRead: false });
  });
});

describe("answering from a conversation (routes)", () => {
  it("is for operators: a viewer is refused", async () => {
    const res = await viewer.call(messagesRoute.POST, "POST", `/api/contacts/${friends[0]}/messages`, {
      params: { userId: friends[0]! },
      body: { messages: [{ type: "text", text: "hi" }], allowPush: true },
    });
    expect(res.status).toBe(403);
  });

  it("answers 409 reply_window_closed without consent, and pushes (audited) with it", async () => {
    const path = `/api/contacts/${friends[0]}/messages`;
    const body = { messages: [{ type: "text", text: "Your order is ready" }] };
    const refused = await operator.call(messagesRoute.POST, "POST", path, { params: { userId: friends[0]! }, body });
    expect([refused.status, refused.json.code]).toEqual([409, "reply_window_closed"]);
    const sent = await operator.call(messagesRoute.POST, "POST", path, { params: { userId: friends[0]! }, body: { ...body, allowPush: true } });
    expect(sent.status).toBe(202);
    expect(sent.json).toMatchObject({ kind: "push", via: "push", status: "queued", author: { label: "otto <otto@example.com>" } });
    const audit = (await admin.call(auditRoute.GET, "GET", "/api/audit?action=message.sent")).json.items as Array<{
      target: string;
      details: Record<string, unknown>;
    }>;
    expect(audit.find((a) => a.target === sent.json.id)?.details).toMatchObject({ kind: "push", to: friends[0], from: "conversation" });
  });

  it("replies with the friend's token when there is one, and the conversation says until when", async () => {
    const conversation = () => operator.call(conversationRoute.GET, "GET", `/api/contacts/${friends[1]}/conversation`, { params: { userId: friends[1]! } });
    expect((await conversation()).json.replyWindow).toBeNull();
    await friendWrites(friends[1]!);
    const { expiresAt } = (await conversation()).json.replyWindow as { expiresAt: string };
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(50_000);
    const res = await operator.call(messagesRoute.POST, "POST", `/api/contacts/${friends[1]}/messages`, {
      params: { userId: friends[1]! },
      body: { messages: [{ type: "sticker", packageId: "446", stickerId: "1988" }] },
    });
    expect(res.json).toMatchObject({ kind: "reply", via: "reply" });
  });
});

describe("loading animation and mark as read (best effort)", () => {
  it("do nothing at LINE while their settings are off", async () => {
    await friendWrites(friends[2]!);
    expect((await operator.call(typingRoute.POST, "POST", "/", { params: { userId: friends[2]! } })).json).toEqual({ done: false, skipped: "off" });
    expect((await operator.call(readRoute.POST, "POST", "/", { params: { userId: friends[2]! } })).json).toEqual({ done: false, skipped: "off" });
    expect(await lineCalls("/v2/bot/chat/*")).toBe(0);
  });

  it("show LINE's loading animation in the friend's chat when on", async () => {
    await setSettings({ loadingAnimation: true });
    expect((await operator.call(typingRoute.POST, "POST", "/", { params: { userId: friends[3]! } })).json).toEqual({ done: true });
    expect((await screen(friends[3]!)).loading).not.toBeNull();
    const [call] = ((await control("GET", "/__fake/requests?path=/v2/bot/chat/loading/start")) as { requests: Array<{ body: unknown }> }).requests;
    expect(call!.body).toEqual({ chatId: friends[3], loadingSeconds: 10 });
  });

  it("wait for the next second when this second's share of LINE's rate is used up, rather than skip the animation", async () => {
    const { handle, firstChannelId: channelId } = await getRuntime();
    const start = Math.floor(Date.now() / 1000) * 1000;
    await reserveRate(handle.db, { key: `line:${channelId}:loading`, windowStart: new Date(start), limit: 1000, n: LINE_BACKGROUND_RATES.loading.limit });
    const res = await operator.call(typingRoute.POST, "POST", "/", { params: { userId: friends[3]! } });
    expect(res.json).toEqual({ done: true });
    expect(Date.now()).toBeGreaterThanOrEqual(start + 1000);
  });

  it("answer 200 with LINE's refusal when LINE fails, instead of an error", async () => {
    await control("POST", "/__fake/faults", { path: "/v2/bot/chat/loading/start", kind: "error", status: 500, count: 1 });
    const res = await operator.call(typingRoute.POST, "POST", "/", { params: { userId: friends[3]! } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ done: false, error: { status: 500 } });
  });

  it("mark the friend's newest message as read once; a refused call is tried again at the next opening", async () => {
    await setSettings({ markAsRead: true });
    await friendWrites(friends[4]!);
    const newest = await friendWrites(friends[4]!);
    await control("POST", "/__fake/faults", { path: "/v2/bot/chat/markAsRead", kind: "error", status: 500, count: 1 });
    const read = () => operator.call(readRoute.POST, "POST", "/", { params: { userId: friends[4]! } });
    expect((await read()).json).toMatchObject({ done: false, error: { status: 500 } });
    expect((await screen(friends[4]!)).readUpTo).toBeNull();
    expect((await read()).json).toEqual({ done: true });
    expect((await screen(friends[4]!)).readUpTo?.messageId).toBe(newest);
    // Nothing new since: LINE is not asked again.
    expect((await read()).json).toEqual({ done: false, skipped: "nothing_new" });
    expect(await lineCalls("/v2/bot/chat/markAsRead")).toBe(2);
  });
});
