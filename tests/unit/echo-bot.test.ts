import { messagingApi } from "@line/bot-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEchoBot, type EchoBot } from "@/examples/echo-bot/echo-bot";
import { startFakeLine, type FakeLine } from "@/fake-line/server";

// The sample bot against the fake LINE platform, both real HTTP servers: simulated friends write
// through the fake's control API, the fake delivers signed webhooks to the bot, the bot replies through
// the Messaging API, and the friends' inboxes in the fake show what arrived.

type InboxEntry = { kind: string; messages: { message: { type: string; text?: string; packageId?: string } }[] };
type LoggedRequest = { path: string; status: number; body: { replyToken?: string } };

let fake: FakeLine;
let bot: EchoBot;
const logs: string[] = [];

beforeAll(async () => {
  fake = await startFakeLine({ port: 0, friends: 30, webhookBatchWindowMs: 5 });
  bot = await startEchoBot({
    port: 0,
    hostname: "127.0.0.1",
    channelSecret: fake.channelSecret,
    channelAccessToken: fake.channelAccessToken,
    apiBaseUrl: fake.url,
    log: (line) => logs.push(line),
  });
  await control("PATCH", "/__fake/config", { webhookUrl: bot.url });
});

afterAll(async () => {
  await bot?.close();
  await fake?.close();
});

describe("echo bot", () => {
  it("echoes what a friend writes to it (a message starting with 'echo'), in any script", async () => {
    const userId = await friend(0);
    const text = "おはよう 🌅 สวัสดีครับ";
    await control("POST", `/__fake/friends/${userId}/messages`, { type: "text", text: `Echo ${text}` });
    const entry = await eventually(async () => (await replies(userId)).find((e) => e.messages[0]?.message.text === `Echo: ${text}`));
    expect(entry.messages).toHaveLength(1);
  });

  it("leaves every other message's reply token to the team, and greets a new friend", async () => {
    const userId = await friend(1);
    await control("POST", `/__fake/friends/${userId}/messages`, { type: "text", text: "Do you deliver to Banqiao?" });
    await control("POST", `/__fake/friends/${userId}/messages`, { type: "sticker" });
    await control("POST", `/__fake/friends/${userId}/messages`, { type: "text", text: "echo" });
    // The bare command gets a sticker; the question and the sticker before it got nothing.
    const sticker = await eventually(async () => (await replies(userId)).find((e) => e.messages[0]?.message.type === "sticker"));
    expect(sticker.messages[0]?.message).toMatchObject({ type: "sticker", packageId: "446" });
    expect(await replies(userId)).toHaveLength(1);

    const { events } = await control<{ events: { type: string; source: { userId: string } }[] }>("POST", "/__fake/friends");
    const newcomer = events.find((e) => e.type === "follow")!.source.userId;
    const greeting = await eventually(async () => (await replies(newcomer))[0]);
    expect(greeting.messages[0]?.message.text).toMatch(/^Thanks for adding me!/);
  });

  it("refuses a wrongly signed or unsigned delivery with 401 and keeps serving", async () => {
    const badlySigned = await control<{ statusCode: number }>("POST", "/__fake/webhook/deliver", { events: [], signature: "invalid" });
    expect(badlySigned.statusCode).toBe(401);
    const unsigned = await fetch(bot.url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"destination":"U0","events":[]}' });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toEqual({ message: "no signature" });
    const forged = await fetch(bot.url, { method: "POST", headers: { "x-line-signature": "bm90IGEgc2lnbmF0dXJl" }, body: "{}" });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ message: "signature validation failed" });
    expect(logs.filter((l) => l.includes("refused a webhook request (401)"))).toHaveLength(3);
    // Signed, but no JSON; and JSON, but not what LINE sends.
    expect(await control("POST", "/__fake/webhook/deliver", { body: "not json" })).toMatchObject({ statusCode: 400 });
    expect(await control("POST", "/__fake/webhook/deliver", { body: '{"events":[null,7,{"mode":"active"}]}' })).toMatchObject({ statusCode: 200 });

    const userId = await friend(2);
    await control("POST", `/__fake/friends/${userId}/messages`, { type: "text", text: "echo still there?" });
    await eventually(async () => (await replies(userId)).find((e) => e.messages[0]?.message.text === "Echo: still there?"));
  });

  it("answers LINE's Verify request (no events) with 200", async () => {
    const api = new messagingApi.MessagingApiClient({ channelAccessToken: fake.channelAccessToken, baseURL: fake.url });
    expect(await api.testWebhookEndpoint()).toMatchObject({ success: true, statusCode: 200 });
    expect(await control("POST", "/__fake/webhook/deliver", { events: [] })).toMatchObject({ statusCode: 200, ok: true });
  });

  it("leaves standby events and events without a reply token alone, and logs a reply LINE refuses", async () => {
    const userId = await friend(3);
    const standbyToken = "5b".repeat(16);
    const staleToken = "0f".repeat(16);
    const event = (n: number, extra: Record<string, unknown>) => ({
      type: "message",
      mode: "active",
      timestamp: Date.now(),
      source: { type: "user", userId },
      webhookEventId: `01K0000000000000000000000${n}`,
      deliveryContext: { isRedelivery: false },
      message: { type: "text", id: `60000000000000000${n}`, quoteToken: `q${n}`, text: `echo event ${n}` },
      ...extra,
    });
    const attempt = await control("POST", "/__fake/webhook/deliver", {
      // A reply token on a standby event only shows that the bot goes by the mode.
      events: [event(1, { mode: "standby", replyToken: standbyToken }), event(2, {}), event(3, { replyToken: staleToken })],
    });
    expect(attempt).toMatchObject({ statusCode: 200 });
    // The three are handled together: by the time the stale token's failure is logged, a reply to
    // either of the others would have reached the fake as well.
    await eventually(() => logs.find((l) => l.includes("reply to a message event failed: 400 Invalid reply token")));
    const { requests } = await control<{ requests: LoggedRequest[] }>("GET", "/__fake/requests?path=/v2/bot/message/reply");
    const ours = requests.filter((r) => [standbyToken, staleToken].includes(r.body.replyToken ?? ""));
    expect(ours).toEqual([expect.objectContaining({ status: 400, body: expect.objectContaining({ replyToken: staleToken }) })]);
    expect(await replies(userId)).toEqual([]);
  });
});

async function control<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

// Each test its own friend, so one test's replies never satisfy another's wait.
async function friend(index: number): Promise<string> {
  const { users } = await control<{ users: { userId: string }[] }>("GET", "/__fake/friends?status=following&limit=10");
  return users[index]!.userId;
}

async function replies(chatId: string): Promise<InboxEntry[]> {
  return (await control<{ entries: InboxEntry[] }>("GET", `/__fake/inbox/${chatId}?kind=reply`)).entries;
}

async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
