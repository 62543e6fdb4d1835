import { createHmac } from "node:crypto";
import { messagingApi } from "@line/bot-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FriendJson, FriendsJson, InboxJson } from "./helpers/control-types";
import { controlClient, httpError, lineFetch, startTestFake, type TestFake } from "./helpers/start-fake";
import { startReceiver, type Receiver } from "./helpers/webhook-receiver";

type ChannelJson = { channelId: string; provider: string; channelSecret: string; channelAccessToken: string; botUserId: string; controlUrl: string };

const hello = [{ type: "text" as const, text: "hello" }];

// Three channels: A and B under one provider, C under another.
describe("several channels in one fake", () => {
  let t: TestFake;
  let receiverA: Receiver;
  let receiverB: Receiver;
  let channels: ChannelJson[];
  let a: ChannelJson;
  let b: ChannelJson;
  let c: ChannelJson;
  const friendsOf = async (ch: ChannelJson) => (await t.control.get<FriendsJson>(`/__fake/channels/${ch.channelId}/friends?limit=100000`)).users;
  const client = (ch: ChannelJson) => new messagingApi.MessagingApiClient({ channelAccessToken: ch.channelAccessToken, baseURL: t.fake.url });

  beforeAll(async () => {
    receiverA = await startReceiver();
    receiverB = await startReceiver();
    t = await startTestFake({
      friends: 150,
      webhookUrl: receiverA.url,
      channels: [{ provider: "north" }, { provider: "north", webhookUrl: receiverB.url, sharedPeople: 0.3 }, { provider: "south", sharedPeople: 0.3 }],
    });
    channels = (await t.control.get<{ channels: ChannelJson[] }>("/__fake/channels")).channels;
    [a, b, c] = channels as [ChannelJson, ChannelJson, ChannelJson];
  });
  afterAll(async () => {
    await t.close();
    await receiverA.close();
    await receiverB.close();
  });

  it("lists every channel with its own id, secret, token and bot, the first one with today's defaults", async () => {
    expect(channels).toHaveLength(3);
    expect(a.channelAccessToken).toBe(t.fake.channelAccessToken);
    expect(a.channelSecret).toBe(t.fake.channelSecret);
    expect(a.botUserId).toBe(t.fake.botUserId);
    for (const key of ["channelId", "channelSecret", "channelAccessToken", "botUserId"] as const) expect(new Set(channels.map((ch) => ch[key])).size).toBe(3);
    expect(channels.map((ch) => ch.provider)).toEqual(["north", "north", "south"]);
    const config = await t.control.get<{ channel: { channelAccessToken: string }; channels: ChannelJson[] }>("/__fake/config");
    expect(config.channel.channelAccessToken).toBe(a.channelAccessToken);
    expect(config.channels.map((ch) => ch.channelId)).toEqual(channels.map((ch) => ch.channelId));
  });

  it("answers each token with its own channel's bot", async () => {
    for (const ch of channels) expect((await client(ch).getBotInfo()).userId).toBe(ch.botUserId);
    const bBot = await controlClient(t.fake.url).get<{ userId: string }>(`/__fake/channels/${b.channelId}/bot`);
    expect(bBot.userId).toBe(b.botUserId);
    expect((await t.control.get<{ userId: string }>(`/__fake/bot?channel=${c.channelId}`)).userId).toBe(c.botUserId);
    const picture = (await client(b).getBotInfo()).pictureUrl ?? "";
    expect(picture).toBe(`${t.fake.url}/__fake/channels/${b.channelId}/images/bot.png`);
    const png = await fetch(picture);
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
  });

  it("delivers a push with B's token to B's inbox only and counts it against B's quota", async () => {
    const aIds = new Set((await friendsOf(a)).map((f) => f.userId));
    const bOnly = (await friendsOf(b)).find((f) => f.status === "following" && !aIds.has(f.userId)) as FriendJson;
    const usage = async (ch: ChannelJson) => (await t.control.get<{ totalUsage: number }>(`/__fake/channels/${ch.channelId}/quota`)).totalUsage;
    const before = { a: await usage(a), b: await usage(b) };
    await client(b).pushMessage({ to: bOnly.userId, messages: hello });
    const inboxB = await t.control.get<InboxJson>(`/__fake/channels/${b.channelId}/inbox/${bOnly.userId}`);
    expect(inboxB.entries).toHaveLength(1);
    // A's world does not know B's user at all: no inbox there.
    expect((await t.control.raw("GET", `/__fake/inbox/${bOnly.userId}`)).status).toBe(404);
    // A person both follow gets B's push in B's chat only.
    const both = (await friendsOf(b)).find((f) => f.status === "following" && aIds.has(f.userId)) as FriendJson;
    await client(b).pushMessage({ to: both.userId, messages: hello });
    expect((await t.control.get<InboxJson>(`/__fake/channels/${b.channelId}/inbox/${both.userId}`)).entries).toHaveLength(1);
    expect((await t.control.get<InboxJson>(`/__fake/inbox/${both.userId}`)).entries).toHaveLength(0);
    expect(await usage(b)).toBe(before.b + 2);
    expect(await usage(a)).toBe(before.a);
    expect((await client(b).getMessageQuotaConsumption()).totalUsage).toBe(before.b + 2);
    expect((await client(a).getMessageQuotaConsumption()).totalUsage).toBe(before.a);
  });

  it("does not let A's token read a profile of B's friend who is not A's (404, as for any non-friend)", async () => {
    const aIds = new Set((await friendsOf(a)).map((f) => f.userId));
    const bOnly = (await friendsOf(b)).find((f) => f.status === "following" && !aIds.has(f.userId)) as FriendJson;
    expect((await client(b).getProfile(bOnly.userId)).userId).toBe(bOnly.userId);
    const err = await httpError(client(a).getProfile(bOnly.userId));
    expect(err.status).toBe(404);
  });

  it("gives a person one userId within a provider and another under a different provider", async () => {
    const [fa, fb, fc] = [await friendsOf(a), await friendsOf(b), await friendsOf(c)];
    const aIds = new Set(fa.map((f) => f.userId));
    const shared = fb.filter((f) => aIds.has(f.userId));
    expect(shared.length).toBeGreaterThanOrEqual(40);
    expect(fc.some((f) => aIds.has(f.userId))).toBe(false);
    // The same person (personId) follows A and C under two different user ids.
    const person = fc.find((f) => f.personId !== f.userId) as FriendJson;
    const accounts = (await t.control.get<{ accounts: { channelId: string; userId: string; displayName: string }[] }>(`/__fake/people/${person.personId}`))
      .accounts;
    const inA = accounts.find((x) => x.channelId === a.channelId);
    const inC = accounts.find((x) => x.channelId === c.channelId);
    expect(inA?.userId).toBe(person.personId);
    expect(inC?.userId).toBe(person.userId);
    expect(inC?.userId).not.toBe(inA?.userId);
    expect(inC?.displayName).toBe(inA?.displayName);
    // The shared person's profile through each channel's own token.
    expect((await client(a).getProfile(shared[0]?.userId ?? "")).displayName).toBe((await client(b).getProfile(shared[0]?.userId ?? "")).displayName);
  });

  it("is deterministic: the same options give the same channels and the same shared user ids", async () => {
    const again = await startTestFake({
      friends: 150,
      channels: [{ provider: "north" }, { provider: "north", sharedPeople: 0.3 }, { provider: "south", sharedPeople: 0.3 }],
    });
    try {
      const list = (await again.control.get<{ channels: ChannelJson[] }>("/__fake/channels")).channels;
      expect(list.map((ch) => [ch.channelId, ch.channelSecret, ch.channelAccessToken, ch.botUserId])).toEqual(
        channels.map((ch) => [ch.channelId, ch.channelSecret, ch.channelAccessToken, ch.botUserId]),
      );
      const ids = (await again.control.get<FriendsJson>(`/__fake/channels/${c.channelId}/friends?limit=100000`)).users.map((f) => f.userId);
      expect(ids).toEqual((await friendsOf(c)).map((f) => f.userId));
    } finally {
      await again.close();
    }
  });

  it("lets a person of A add B and C: the same userId in B (same provider), another in C", async () => {
    const [fb, fc] = [await friendsOf(b), await friendsOf(c)];
    const known = new Set([...fb, ...fc].map((f) => f.personId));
    const person = (await friendsOf(a)).find((f) => f.status === "following" && !known.has(f.personId)) as FriendJson;
    const inB = await t.control.post<{ userId: string; events: { type: string; source: { userId: string } }[] }>(
      `/__fake/channels/${b.channelId}/people/${person.personId}/follow`,
    );
    const inC = await t.control.post<{ userId: string }>(`/__fake/people/${person.personId}/follow?channel=${c.channelId}`);
    expect(inB.userId).toBe(person.userId);
    expect(inB.events[0]).toMatchObject({ type: "follow", source: { userId: person.userId } });
    expect(inC.userId).not.toBe(person.userId);
    expect((await client(b).getProfile(person.userId)).displayName).toBe(person.displayName);
    expect((await client(c).getProfile(inC.userId)).displayName).toBe(person.displayName);
    const { accounts } = await t.control.get<{ accounts: { channelId: string; userId: string }[] }>(`/__fake/people/${person.personId}`);
    expect(accounts.map((x) => [x.channelId, x.userId])).toEqual([
      [a.channelId, person.userId],
      [b.channelId, person.userId],
      [c.channelId, inC.userId],
    ]);
    expect((await t.control.raw("POST", `/__fake/channels/${b.channelId}/people/${person.personId}/follow`)).status).toBe(400);
  });

  it("signs each channel's webhooks with its own secret and sends them to its own URL", async () => {
    const userA = (await friendsOf(a)).find((f) => f.status === "following") as FriendJson;
    const userB = (await friendsOf(b)).find((f) => f.status === "following") as FriendJson;
    await t.control.post(`/__fake/friends/${userA.userId}/messages`, { type: "text", text: "to A" });
    await t.control.post(`/__fake/channels/${b.channelId}/friends/${userB.userId}/messages`, { type: "text", text: "to B" });
    const [gotA] = await receiverA.waitFor(1);
    const [gotB] = await receiverB.waitFor(1);
    const sign = (secret: string, body: string) => createHmac("sha256", secret).update(body).digest("base64");
    expect(gotA?.body.destination).toBe(a.botUserId);
    expect(gotB?.body.destination).toBe(b.botUserId);
    expect(gotA?.headers["x-line-signature"]).toBe(sign(a.channelSecret, gotA?.rawBody ?? ""));
    expect(gotB?.headers["x-line-signature"]).toBe(sign(b.channelSecret, gotB?.rawBody ?? ""));
    expect(receiverA.requests.every((r) => r.body.destination === a.botUserId)).toBe(true);
    expect(receiverB.requests.every((r) => r.body.destination === b.botUserId)).toBe(true);
  });

  it("sets one channel's webhook URL through the LINE API with its token and through the control API", async () => {
    await client(c).setWebhookEndpoint({ endpoint: "https://c.example.com/webhook" });
    expect((await client(c).getWebhookEndpoint()).endpoint).toBe("https://c.example.com/webhook");
    expect((await client(a).getWebhookEndpoint()).endpoint).toBe(receiverA.url);
    await t.control.patch(`/__fake/channels/${c.channelId}/config`, { webhookUrl: "https://c2.example.com/hook" });
    expect((await client(c).getWebhookEndpoint()).endpoint).toBe("https://c2.example.com/hook");
    expect((await client(b).getWebhookEndpoint()).endpoint).toBe(receiverB.url);
  });

  it("applies an unscoped config patch's shared settings to every channel but the webhook URL to the first only", async () => {
    await t.control.patch("/__fake/config", { narrowcastPhaseMs: 77 });
    for (const ch of channels)
      expect((await t.control.get<{ narrowcastPhaseMs: number }>(`/__fake/channels/${ch.channelId}/config`)).narrowcastPhaseMs).toBe(77);
    expect((await client(b).getWebhookEndpoint()).endpoint).toBe(receiverB.url);
  });

  it("accepts a reply token only from the channel whose webhook carried it", async () => {
    const userB = (await friendsOf(b)).find((f) => f.status === "following") as FriendJson;
    const { events } = await t.control.post<{ events: { replyToken?: string }[] }>(`/__fake/channels/${b.channelId}/friends/${userB.userId}/messages`, {
      type: "text",
    });
    const replyToken = events[0]?.replyToken ?? "";
    const err = await httpError(client(a).replyMessage({ replyToken, messages: hello }));
    expect(err.status).toBe(400);
    expect(err.json.message).toBe("Invalid reply token");
    await client(b).replyMessage({ replyToken, messages: hello });
    const inbox = await t.control.get<InboxJson>(`/__fake/channels/${b.channelId}/inbox/${userB.userId}?kind=reply`);
    expect(inbox.entries).toHaveLength(1);
  });

  it("keeps each channel's request log, sends and traffic apart", async () => {
    await t.control.del(`/__fake/channels/${c.channelId}/requests`);
    await t.control.del("/__fake/requests");
    await client(c).getBotInfo();
    const logged = async (path: string) => (await t.control.get<{ requests: { path: string }[] }>(path)).requests.map((r) => r.path);
    expect(await logged(`/__fake/channels/${c.channelId}/requests`)).toEqual(["/v2/bot/info"]);
    expect(await logged("/__fake/requests")).toEqual([]);
    await client(c).broadcast({ messages: hello });
    const sendsC = (await t.control.get<{ sends: { kind: string }[] }>(`/__fake/channels/${c.channelId}/sends?kind=broadcast`)).sends;
    const sendsA = (await t.control.get<{ sends: { kind: string }[] }>("/__fake/sends?kind=broadcast")).sends;
    expect(sendsC).toHaveLength(1);
    expect(sendsA).toHaveLength(0);
  });

  it("resets one channel when scoped and every channel when not", async () => {
    const usage = async (ch: ChannelJson) => (await t.control.get<{ totalUsage: number }>(`/__fake/channels/${ch.channelId}/quota`)).totalUsage;
    await client(a).broadcast({ messages: hello });
    expect(await usage(b)).toBeGreaterThan(0);
    await t.control.post(`/__fake/channels/${b.channelId}/reset`, {});
    expect(await usage(b)).toBe(0);
    expect(await usage(a)).toBeGreaterThan(0);
    await client(c).broadcast({ messages: hello });
    await t.control.post("/__fake/reset", {});
    for (const ch of channels) expect(await usage(ch)).toBe(0);
    // The same worlds again: the shared people are rebuilt from the seeds.
    const aIds = new Set((await friendsOf(a)).map((f) => f.userId));
    expect((await friendsOf(b)).filter((f) => aIds.has(f.userId)).length).toBeGreaterThanOrEqual(40);
  });

  it("refuses an unknown token with 401 and an unknown channel in the control API with 404", async () => {
    const res = await lineFetch(t.fake, "GET", "/v2/bot/info", { token: "FAKEnot-a-token" });
    expect(res.status).toBe(401);
    expect((await t.control.raw("GET", "/__fake/channels/123/friends")).status).toBe(404);
    expect((await t.control.raw("GET", "/__fake/bot?channel=123")).status).toBe(404);
  });
});

describe("the demo-two preset", () => {
  let t: TestFake;
  beforeAll(async () => {
    t = await startTestFake({ friends: 200, preset: "demo-two" });
  });
  afterAll(() => t.close());

  it("runs a café in Taipei (mostly zh-TW) and a shop in Bangkok (mostly Thai) under two providers", async () => {
    const { channels, providers } = await t.control.get<{ channels: (ChannelJson & { displayName: string })[]; providers: unknown[] }>("/__fake/channels");
    expect(channels).toHaveLength(2);
    expect(providers).toHaveLength(2);
    expect(channels[0]?.channelAccessToken).toBe(t.fake.channelAccessToken);
    expect(channels[0]?.displayName).toMatch(/台北/);
    expect(channels[1]?.displayName).toMatch(/Bangkok/);
    const share = async (ch: ChannelJson, language: string) => {
      const users = (await t.control.get<FriendsJson>(`/__fake/channels/${ch.channelId}/friends?limit=100000`)).users;
      return users.filter((u) => u.nativeLanguage === language).length / users.length;
    };
    expect(await share(channels[0] as ChannelJson, "zh-TW")).toBeGreaterThan(0.6);
    expect(await share(channels[1] as ChannelJson, "th")).toBeGreaterThan(0.55);
  });
});
