import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { createDestination, getDestination, updateDestination, type RelayDestinationValues } from "@/db/queries/relay-destinations";
import { claimRelayItems } from "@/db/queries/relay-items";
import { purgeRelayLog } from "@/db/queries/retention";
import { listRelayItems } from "@/db/queries/relay-log";
import { cancelReplay, getReplay } from "@/db/queries/relay-replays";
import { startRelayForwarder } from "@/lib/relay/forwarder";
import { startReplay } from "@/lib/relay/replay";
import { relayReplaySchema } from "@/lib/relay/schemas";
import { sealSecret } from "@/lib/platform/secret-box";
import { createWebhookIntake, type WebhookIntake } from "@/lib/webhook/intake";
import { BOT, callbackBody, newEventId } from "../fixtures/webhook-events";
import { startSdkBot, type SdkBot } from "../helpers/sdk-bot";
import { createTestDatabase, resetTestDatabase, type TestDatabase } from "../helpers/test-db";
import { sign, TEST_SECRET, webhookRequest } from "../helpers/webhook";

// Relay end to end on a real database: LINE's delivery is stored by the intake, the forwarder hands it
// on to a real HTTP bot that verifies signatures with @line/bot-sdk, and what happened is recorded.

const OWN_SECRET = "a-destination-secret-of-its-own-0123";
let t: TestDatabase;
let intake: WebhookIntake;
let bot: SdkBot;
const forwarders: Array<ReturnType<typeof startRelayForwarder>> = [];

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());
beforeEach(async () => {
  await resetTestDatabase(t);
  intake = createWebhookIntake({ db: t.handle.db, writeConcurrency: 2, channel: async () => ({ secret: TEST_SECRET, archived: false }) });
});
afterEach(async () => {
  await Promise.all(forwarders.splice(0).map((f) => f.stop()));
  await intake.close();
  await bot?.close().catch(() => {});
});

function forwarder(overrides: Partial<Parameters<typeof startRelayForwarder>[0]> = {}) {
  const f = startRelayForwarder({ handle: t.handle, channelSecret: TEST_SECRET, allowPrivate: true, retryWindowMs: 24 * 3_600_000, idleMs: 50, ...overrides });
  forwarders.push(f);
  return f;
}

async function destination(values: Partial<RelayDestinationValues> & { url: string }) {
  return createDestination(t.handle.db, {
    channelId: t.channelId,
    createdBy: "test",
    values: {
      name: `bot-${randomBytes(3).toString("hex")}`,
      signing: "line",
      enabled: true,
      eventTypes: null,
      sourceTypes: null,
      modes: null,
      unseenOnly: false,
      timeoutMs: 2000,
      secretCiphertext: null,
      ...values,
    },
  });
}

function text(userId: string, words: string, extra: Record<string, unknown> = {}) {
  return {
    type: "message",
    mode: "active",
    timestamp: Date.now(),
    source: { type: "user", userId },
    webhookEventId: newEventId(),
    deliveryContext: { isRedelivery: false },
    replyToken: randomBytes(16).toString("hex"),
    message: { type: "text", id: String(Date.now()) + randomBytes(2).readUInt16BE(), quoteToken: "q", text: words },
    ...extra,
  };
}

function follow(userId: string) {
  return { ...text(userId, ""), type: "follow", message: undefined, follow: { isUnblocked: false } };
}

const user = (n: number) => `U${n.toString(16).padStart(32, "0")}`;

async function deliver(body: string) {
  const res = await intake.handle(webhookRequest(body), t.channelId);
  expect(res.status).toBe(200);
}

async function until(check: () => boolean | Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("relay", () => {
  it("forwards LINE's bytes with LINE's signature, so the bot's SDK middleware accepts them unchanged", async () => {
    bot = await startSdkBot({ channelSecret: TEST_SECRET });
    await destination({ url: bot.url });
    forwarder();
    // Non-ASCII text and LINE's own key order and spacing: the bot must get these exact bytes.
    const body = `{"destination":"${BOT}", "events":[${JSON.stringify(text(user(1), "營業時間は？ เปิดกี่โมง 🙂"))}]}`;
    await deliver(body);
    await until(() => bot.received.length === 1);
    expect(bot.received[0]!.raw).toBe(body);
    expect(bot.received[0]!.signature).toBe(sign(body));
    expect(bot.badSignatures).toBe(0);
  });

  it("sends to a destination's new URL from the next delivery on: the change is announced, not waited out", async () => {
    bot = await startSdkBot({ channelSecret: TEST_SECRET });
    const other = await startSdkBot({ channelSecret: TEST_SECRET });
    try {
      const d = await destination({ url: bot.url });
      forwarder({ idleMs: 60_000 });
      await deliver(callbackBody([text(user(1), "to the first bot")]));
      await until(() => bot.received.length === 1);
      // Forwarders keep destinations for a second; this delivery comes well within it.
      await updateDestination(t.handle.db, { channelId: t.channelId, id: d.id, values: { url: other.url } });
      await deliver(callbackBody([text(user(1), "to the new URL")]));
      await until(() => other.received.length === 1);
      expect(bot.received).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it("re-signs with the destination's own secret when asked (a bot that does not hold the channel secret)", async () => {
    bot = await startSdkBot({ channelSecret: OWN_SECRET });
    await destination({ url: bot.url, signing: "own", secretCiphertext: sealSecret(OWN_SECRET) });
    forwarder();
    const body = callbackBody([text(user(1), "hello")]);
    await deliver(body);
    await until(() => bot.received.length === 1);
    expect(bot.received[0]!.raw).toBe(body);
    expect(bot.badSignatures).toBe(0);
  });

  it("sends a filtered delivery as a body rebuilt from the kept events' raw JSON, signed again", async () => {
    bot = await startSdkBot({ channelSecret: TEST_SECRET });
    await destination({ url: bot.url, eventTypes: ["message"] });
    forwarder();
    const kept = text(user(1), "keep me");
    await deliver(callbackBody([follow(user(2)), kept, follow(user(3))]));
    await until(() => bot.received.length === 1);
    expect(bot.received[0]!.raw).toBe(`{"destination":"${BOT}","events":[${JSON.stringify(kept)}]}`);
    expect(bot.badSignatures).toBe(0);
    // A delivery with nothing the filter keeps queues nothing.
    await deliver(callbackBody([follow(user(4))]));
    const items = await listRelayItems(t.handle.db, { channelId: t.channelId, destinationId: (await firstDestinationId())!, limit: 10 });
    expect(items).toHaveLength(1);
  });

  it("does not forward a redelivery of what is already stored, and forwards only the new events of a mixed one", async () => {
    bot = await startSdkBot({ channelSecret: TEST_SECRET });
    await destination({ url: bot.url });
    forwarder();
    const first = text(user(1), "once");
    await deliver(callbackBody([first]));
    await until(() => bot.received.length === 1);
    const again = { ...first, deliveryContext: { isRedelivery: true } };
    const fresh = text(user(1), "new");
    await deliver(callbackBody([again]));
    await deliver(callbackBody([again, fresh]));
    await until(() => bot.received.length === 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(bot.eventIds()).toEqual([first.webhookEventId, fresh.webhookEventId]);
  });

  it("keeps each chat's order under concurrency while chats go alongside", async () => {
    bot = await startSdkBot({ channelSecret: TEST_SECRET });
    bot.behave({ kind: "slow", ms: () => Math.floor(Math.random() * 15) });
    await destination({ url: bot.url });
    forwarder();
    const sent: Record<string, string[]> = {};
    await Promise.all(
      Array.from({ length: 4 }, async (_, chat) => {
        for (let i = 0; i < 10; i++) {
          const e = text(user(chat), `message ${i}`);
          (sent[user(chat)] ??= []).push(e.webhookEventId);
          await deliver(callbackBody([e]));
        }
      }),
    );
    await until(() => bot.received.length === 40, 20_000);
    for (const [chat, ids] of Object.entries(sent)) {
      const arrived = bot.received.flatMap((d) => d.events).filter((e) => e.source?.type === "user" && e.source.userId === chat);
      expect(arrived.map((e) => e.webhookEventId)).toEqual(ids);
    }
  });

  it("retries a 500 about a second later with the same bytes, and records each attempt", async () => {
    bot = await startSdkBot({ channelSecret: TEST_SECRET });
    bot.behave({ kind: "status", status: 500 });
    const d = await destination({ url: bot.url });
    forwarder();
    const body = callbackBody([text(user(1), "retry me")]);
    await deliver(body);
    // The 500 recorded (a claim counts its attempt before the call: the bot may not have answered yet).
    await until(async () => (await listRelayItems(t.handle.db, { channelId: t.channelId, destinationId: d.id, limit: 1 }))[0]?.lastStatus === 500);
    const failedAt = Date.now();
    bot.behave({ kind: "ok" });
    await until(() => bot.received.length === 1);
    expect(Date.now() - failedAt).toBeGreaterThanOrEqual(700);
    expect(bot.received[0]!.raw).toBe(body);
    const latest = async () => (await listRelayItems(t.handle.db, { channelId: t.channelId, destinationId: d.id, limit: 1 }))[0];
    await until(async () => (await latest())?.state === "succeeded");
    expect(await latest()).toMatchObject({ state: "succeeded", attempts: 2, lastStatus: 200 });
  });

  it("does not retry a 400 (the bot's refusal), and the chat's next delivery goes on", async () => {
    bot = await startSdkBot({ channelSecret: TEST_SECRET });
    bot.behave({ kind: "status", status: 400 });
    const d = await destination({ url: bot.url });
    forwarder();
    await deliver(callbackBody([text(user(1), "refused")]));
    await until(async () => (await listRelayItems(t.handle.db, { channelId: t.channelId, destinationId: d.id, limit: 1 }))[0]?.state === "refused");
    bot.behave({ kind: "ok" });
    const next = text(user(1), "next");
    await deliver(callbackBody([next]));
    await until(() => bot.received.length === 1);
    expect(bot.eventIds()).toEqual([next.webhookEventId]);
    await until(async () => (await listRelayItems(t.handle.db, { channelId: t.channelId, destinationId: d.id, limit: 1 }))[0]?.state === "succeeded");
    const items = await listRelayItems(t.handle.db, { channelId: t.channelId, destinationId: d.id, limit: 5 });
    expect(items.map((i) => [i.state, i.attempts])).toEqual([
      ["succeeded", 1],
      ["refused", 1],
    ]);
  });

  it("stops hammering a bot that is down (the breaker opens), and delivers everything in order once it is back", async () => {
    bot = await startSdkBot({ channelSecret: TEST_SECRET });
    await bot.setDown(true);
    const d = await destination({ url: bot.url, timeoutMs: 1000 });
    forwarder();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const e = text(user(i % 6), `while down ${i}`);
      ids.push(e.webhookEventId);
      await deliver(callbackBody([e]));
    }
    await until(async () => ((await getDestination(t.handle.db, { channelId: t.channelId, id: d.id }))?.consecutiveFailures ?? 0) >= 5);
    const opened = await getDestination(t.handle.db, { channelId: t.channelId, id: d.id });
    expect(opened!.breakerOpenUntil!.getTime()).toBeGreaterThan(Date.now());
    // While open, nothing more is tried.
    const attemptsWhileOpen = async () =>
      (await listRelayItems(t.handle.db, { channelId: t.channelId, destinationId: d.id, limit: 50 })).reduce((n, i) => n + i.attempts, 0);
    const before = await attemptsWhileOpen();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await attemptsWhileOpen()).toBe(before);
    await bot.setDown(false);
    await until(() => bot.received.length === 12, 30_000);
    expect(new Set(bot.eventIds())).toEqual(new Set(ids));
    for (let chat = 0; chat < 6; chat++) {
      const mine = ids.filter((_, i) => i % 6 === chat);
      expect(bot.eventIds().filter((id) => mine.includes(id))).toEqual(mine);
    }
    expect((await getDestination(t.handle.db, { channelId: t.channelId, id: d.id }))!.consecutiveFailures).toBe(0);
  }, 45_000);

  it("resumes a backlog after a restart, and two forwarders never send the same delivery", async () => {
    bot = await startSdkBot({ channelSecret: TEST_SECRET });
    await destination({ url: bot.url });
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const e = text(user(i % 10), `backlog ${i}`);
      ids.push(e.webhookEventId);
      await deliver(callbackBody([e]));
    }
    // The first instance takes part of the backlog and is stopped mid-way (its sends finish and are recorded).
    bot.behave({ kind: "slow", ms: 20 });
    const first = forwarder({ workerId: "first" });
    await until(() => bot.received.length >= 5);
    await first.stop();
    // Two instances share what is left: on PostgreSQL each with its own connection pool, as two servers.
    const other = t.url ? await openDatabase({ kind: "postgres", url: t.url, migrate: false }) : null;
    forwarder({ workerId: "second" });
    forwarder({ workerId: "third", ...(other ? { handle: other } : {}) });
    await until(() => bot.received.length >= 60, 20_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(bot.eventIds().sort()).toEqual([...ids].sort());
    await Promise.all(forwarders.splice(0).map((f) => f.stop()));
    await other?.close();
  }, 30_000);

  it("replays one event re-signed and marked as a redelivery; a bulk replay is paced and can be cancelled", async () => {
    bot = await startSdkBot({ channelSecret: OWN_SECRET });
    const d = await destination({ url: bot.url, signing: "own", secretCiphertext: sealSecret(OWN_SECRET), enabled: false });
    forwarder();
    const events = Array.from({ length: 20 }, (_, i) => text(user(1), `history ${i}`));
    for (const e of events) await deliver(callbackBody([e]));
    const eventId = await firstEventId();
    const single = await startReplay(t.handle.db, {
      channelId: t.channelId,
      createdBy: "test",
      input: relayReplaySchema.parse({ scope: { kind: "event", eventId }, target: { destinationId: d.id } }),
    });
    await until(() => bot.received.length === 1);
    expect(bot.badSignatures).toBe(0);
    expect(bot.received[0]!.events[0]).toMatchObject({ webhookEventId: events[0]!.webhookEventId, deliveryContext: { isRedelivery: true } });
    // The bot has it; the attempt is recorded a moment later.
    await until(async () => (await getReplay(t.handle.db, { channelId: t.channelId, id: single.id }))!.byState.succeeded === 1);

    const bulk = await startReplay(t.handle.db, {
      channelId: t.channelId,
      createdBy: "test",
      input: relayReplaySchema.parse({
        scope: { kind: "filter", filter: { type: "message" } },
        target: { destinationId: d.id },
        perSecond: 5,
        expectedCount: 20,
      }),
    });
    await until(() => bot.received.length >= 3);
    await cancelReplay(t.handle.db, { channelId: t.channelId, id: bulk.id });
    const stoppedAt = bot.received.length;
    await new Promise((r) => setTimeout(r, 600));
    expect(bot.received.length).toBeLessThanOrEqual(stoppedAt + 1);
    expect(bot.received.length).toBeLessThan(21);
    const progress = await getReplay(t.handle.db, { channelId: t.channelId, id: bulk.id });
    expect(progress!.state).toBe("cancelled");
    expect(progress!.byState.cancelled).toBeGreaterThan(10);
    // Paced: five a second, not all at once.
    const replayed = bot.received.slice(1);
    expect(replayed[replayed.length - 1]!.at - replayed[0]!.at).toBeGreaterThanOrEqual(((replayed.length - 1) * 1000) / 5 - 100);
  }, 20_000);

  it("forwards at once what a crashed process had claimed, when it is the only instance there can be (PGlite)", async () => {
    bot = await startSdkBot({ channelSecret: TEST_SECRET });
    const d = await destination({ url: bot.url });
    for (let i = 0; i < 3; i++) await deliver(callbackBody([text(user(i), "claimed, then the process died")]));
    // A process that claimed them for ten minutes and was killed.
    expect(await claimRelayItems(t.handle.db, { destinationId: d.id, limit: 10, worker: "dead", leaseMs: 600_000 })).toHaveLength(3);
    forwarder({ onlyInstance: true });
    await until(() => bot.received.length === 3, 3000);
  });

  it("keeps the relay log for its retention period: older finished forwards and their attempts go, pending ones stay", async () => {
    bot = await startSdkBot({ channelSecret: TEST_SECRET });
    const d = await destination({ url: bot.url });
    forwarder();
    for (let i = 0; i < 3; i++) await deliver(callbackBody([text(user(i), "old")]));
    await until(() => bot.received.length === 3);
    await until(async () =>
      (await listRelayItems(t.handle.db, { channelId: t.channelId, destinationId: d.id, limit: 5 })).every((i) => i.state === "succeeded"),
    );
    await t.handle.db.execute(sql`update relay_items set finished_at = now() - interval '31 days' where id in (select min(id) from relay_items)`);
    expect((await purgeRelayLog(t.handle.db, { channelId: t.channelId, before: new Date(Date.now() - 30 * 86_400_000), limit: 100 })).rows).toBe(1);
    expect(await listRelayItems(t.handle.db, { channelId: t.channelId, destinationId: d.id, limit: 5 })).toHaveLength(2);
    const attempts = await t.handle.db.execute(sql`select count(*)::int as n from relay_attempts`);
    expect((attempts as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(2);
  });

  it("refuses a replay whose count changed since the operator confirmed it", async () => {
    const d = await destination({ url: "http://127.0.0.1:9/webhook", enabled: false });
    await deliver(callbackBody([text(user(1), "one")]));
    await expect(
      startReplay(t.handle.db, {
        channelId: t.channelId,
        createdBy: "test",
        input: relayReplaySchema.parse({ scope: { kind: "filter", filter: {} }, target: { destinationId: d.id }, expectedCount: 5 }),
      }),
    ).rejects.toMatchObject({ status: 409, code: "relay_replay_count_changed" });
  });
});

async function firstDestinationId() {
  const { listDestinations } = await import("@/db/queries/relay-destinations");
  return (await listDestinations(t.handle.db, { channelId: t.channelId }))[0]?.id;
}

async function firstEventId() {
  const { listEvents } = await import("@/db/queries/events");
  const { items } = await listEvents(t.handle.db, { channelId: t.channelId, limit: 100 });
  return items[items.length - 1]!.id;
}
