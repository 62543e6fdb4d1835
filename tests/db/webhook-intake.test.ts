import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listEvents } from "@/db/queries/events";
import { getDelivery, listDeliveries } from "@/db/queries/webhook";
import { createWebhookIntake, type WebhookIntake } from "@/lib/webhook/intake";
import { BOT, callbackBody, eventBuilders, GROUP, ROOM, USER } from "../fixtures/webhook-events";
import { createTestDatabase, resetTestDatabase, type TestDatabase } from "../helpers/test-db";
import { sign, TEST_SECRET, webhookRequest } from "../helpers/webhook";

let t: TestDatabase;
let intake: WebhookIntake;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());
beforeEach(async () => {
  await resetTestDatabase(t);
  intake = makeIntake();
});
afterEach(() => intake.close());

function makeIntake(overrides: Partial<Parameters<typeof createWebhookIntake>[0]> = {}) {
  return createWebhookIntake({
    db: t.handle.db,
    writeConcurrency: 2,
    channel: async () => ({ secret: TEST_SECRET, archived: false }),
    ...overrides,
  });
}

const all = async () => (await listEvents(t.handle.db, { channelId: t.channelId, limit: 200 })).items;
const deliveries = () => listDeliveries(t.handle.db, { channelId: t.channelId, limit: 2000 });

describe("webhook intake", () => {
  describe("every event type in LINE's spec", () => {
    const expectations: Record<string, Partial<Record<string, unknown>>> = {
      "message/text": { type: "message", messageType: "text", sourceType: "user", userId: USER, text: "Hello (love) do you open on Sunday?" },
      "message/text-group-mention": { messageType: "text", sourceType: "group", groupId: GROUP, userId: USER, text: "@All @Bot 今天幾點開門？" },
      "message/image": { messageType: "image", messageId: "575962388759351227", text: null },
      "message/video": { messageType: "video" },
      "message/audio": { messageType: "audio" },
      "message/file": { messageType: "file", text: "見積書_2026.pdf" },
      "message/location": { messageType: "location", text: "台北101 臺北市信義區信義路五段7號" },
      "message/sticker": { messageType: "sticker", sourceType: "room", roomId: ROOM, text: "happy ดีใจ" },
      unsend: { type: "unsend", replyToken: null },
      follow: { type: "follow", replyToken: "bc9ffbe57a99669ea07430ea689c2e64" },
      "follow/unblocked": { type: "follow" },
      unfollow: { type: "unfollow" },
      join: { type: "join", sourceType: "group", groupId: GROUP, userId: null },
      leave: { type: "leave" },
      memberJoined: { type: "memberJoined" },
      memberLeft: { type: "memberLeft", sourceType: "room" },
      postback: { type: "postback", text: "action=reserve&table=4 2026-12-24T19:00" },
      "postback/richmenu": { type: "postback", text: "switch-menu menu-b SUCCESS" },
      videoPlayComplete: { type: "videoPlayComplete", text: "track-spring-sale" },
      beacon: { type: "beacon" },
      accountLink: { type: "accountLink" },
      "accountLink/failed": { type: "accountLink", sourceType: null, userId: null },
      membership: { type: "membership" },
      messageEdited: { type: "messageEdited", messageType: "text", text: "修正：明日は休みです" },
      "module/attached": { type: "module", sourceType: null },
      "module/detached": { type: "module" },
      activated: { type: "activated" },
      deactivated: { type: "deactivated" },
      botSuspended: { type: "botSuspended" },
      botResumed: { type: "botResumed" },
      delivery: { type: "delivery" },
      "standby/message": { mode: "standby", replyToken: null, text: "standby hello" },
      "unknown/future": { type: "holographicCall", messageType: null },
    };

    it.each(Object.keys(eventBuilders))("stores %s with its columns and the raw event untouched", async (name) => {
      const event = eventBuilders[name]!();
      const res = await intake.handle(webhookRequest(callbackBody([event])), t.channelId);
      expect(res.status).toBe(200);
      const [row] = await all();
      expect(row).toMatchObject({ webhookEventId: event.webhookEventId, isRedelivery: false, ...expectations[name] });
      expect(row!.payload).toEqual(event);
      expect(row!.timestamp.getTime()).toBe(event.timestamp);
    });

    it("has an expectation for every fixture", () => {
      expect(Object.keys(expectations).sort()).toEqual(Object.keys(eventBuilders).sort());
    });
  });

  it("stores all events of a batch in one delivery", async () => {
    const events = [eventBuilders["message/text"]!(), eventBuilders.follow!(), eventBuilders.unfollow!()];
    const res = await intake.handle(webhookRequest(callbackBody(events)), t.channelId);
    expect(res.status).toBe(200);
    const rows = await all();
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.deliveryId)).size).toBe(1);
    const delivery = await getDelivery(t.handle.db, { channelId: t.channelId, id: rows[0]!.deliveryId });
    expect(delivery).toMatchObject({ statusCode: 200, signature: "valid", eventCount: 3, destination: BOT });
    expect(delivery!.storedEvents).toHaveLength(3);
  });

  it("keeps the exact bytes LINE sent as the delivery body", async () => {
    const body = `{ "destination": "${BOT}",\n  "events": [${JSON.stringify(eventBuilders.follow!())}] }`;
    await intake.handle(webhookRequest(body), t.channelId);
    const [d] = await deliveries();
    expect((await getDelivery(t.handle.db, { channelId: t.channelId, id: d!.id }))!.body).toBe(body);
  });

  it("adds nothing when the same event is delivered twice", async () => {
    const event = eventBuilders["message/text"]!();
    await intake.handle(webhookRequest(callbackBody([event])), t.channelId);
    const res = await intake.handle(webhookRequest(callbackBody([event])), t.channelId);
    expect(res.status).toBe(200);
    expect(await all()).toHaveLength(1);
    expect(await deliveries()).toHaveLength(2);
  });

  it("adds nothing for a redelivery (same webhookEventId, isRedelivery, new reply token)", async () => {
    const event = eventBuilders["message/text"]!();
    await intake.handle(webhookRequest(callbackBody([event])), t.channelId);
    const redelivered = { ...event, replyToken: "ffffffffffffffffffffffffffffffff", deliveryContext: { isRedelivery: true } };
    expect((await intake.handle(webhookRequest(callbackBody([redelivered])), t.channelId)).status).toBe(200);
    const rows = await all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.isRedelivery).toBe(false);
  });

  it("stores a redelivered event that never arrived the first time, flagged as redelivered", async () => {
    const event = { ...eventBuilders["message/text"]!(), deliveryContext: { isRedelivery: true } };
    await intake.handle(webhookRequest(callbackBody([event])), t.channelId);
    const rows = await listEvents(t.handle.db, { channelId: t.channelId, limit: 10, redelivery: true });
    expect(rows.items).toHaveLength(1);
  });

  it("deduplicates events without webhookEventId on their content, ignoring reply token and delivery context", async () => {
    const { webhookEventId: _, ...event } = eventBuilders["message/text"]!();
    await intake.handle(webhookRequest(callbackBody([event])), t.channelId);
    await intake.handle(webhookRequest(callbackBody([{ ...event, replyToken: "another", deliveryContext: { isRedelivery: true } }])), t.channelId);
    await intake.handle(webhookRequest(callbackBody([{ ...event, timestamp: 1763712009999 }])), t.channelId);
    const rows = await all();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.webhookEventId === null)).toBe(true);
  });

  it("stores every one of many concurrent deliveries (group commit) and acknowledges each", async () => {
    const events = Array.from({ length: 60 }, () => eventBuilders["message/text"]!());
    const responses = await Promise.all(events.map((e) => intake.handle(webhookRequest(callbackBody([e])), t.channelId)));
    expect(responses.map((r) => r.status)).toEqual(events.map(() => 200));
    expect(await all()).toHaveLength(60);
  });

  it("makes background work step back for LINE's signed deliveries, not for unsigned traffic", async () => {
    // Out of the window of any delivery an earlier test made.
    await new Promise((r) => setTimeout(r, 300));
    expect(intake.active()).toBe(false);
    const body = callbackBody([eventBuilders.follow!()]);
    expect((await intake.handle(webhookRequest(body, { signature: null }), t.channelId)).status).toBe(401);
    expect((await intake.handle(webhookRequest(body, { signature: sign(body, "ffffffffffffffffffffffffffffffff") }), t.channelId)).status).toBe(401);
    expect(intake.active()).toBe(false);
    const before = performance.now();
    expect((await intake.handle(webhookRequest(body), t.channelId)).status).toBe(200);
    // Noted during this very request (any earlier delivery is further back than it took).
    expect(intake.active(performance.now() - before + 1)).toBe(true);
  });

  it("answers the console's Verify request (events: []) with 200 and records it as a verification", async () => {
    const res = await intake.handle(webhookRequest(callbackBody([])), t.channelId);
    expect(res.status).toBe(200);
    const [d] = await deliveries();
    expect(d).toMatchObject({ isVerify: true, eventCount: 0, statusCode: 200 });
  });

  describe("refusals", () => {
    it("answers 401 to a missing signature, stores no event, and keeps the delivery with the reason", async () => {
      const res = await intake.handle(webhookRequest(callbackBody([eventBuilders.follow!()]), { signature: null }), t.channelId);
      expect(res.status).toBe(401);
      expect(await all()).toHaveLength(0);
      expect(await deliveries()).toMatchObject([{ statusCode: 401, signature: "missing", reason: "missing_signature" }]);
    });

    it("answers 401 to a body signed with another secret", async () => {
      const body = callbackBody([eventBuilders.follow!()]);
      const res = await intake.handle(webhookRequest(body, { signature: sign(body, "ffffffffffffffffffffffffffffffff") }), t.channelId);
      expect(res.status).toBe(401);
      expect(await all()).toHaveLength(0);
      expect(await deliveries()).toMatchObject([{ signature: "invalid", reason: "invalid_signature" }]);
    });

    it("answers 401 when a signed body is altered after signing", async () => {
      const body = callbackBody([eventBuilders.follow!()]);
      const res = await intake.handle(webhookRequest(body.replace("follow", "unfollow"), { signature: sign(body) }), t.channelId);
      expect(res.status).toBe(401);
      expect(await all()).toHaveLength(0);
    });

    it("answers 401 with its reason when the console has no channel secret", async () => {
      const unconfigured = makeIntake({ channel: async () => ({ secret: undefined, archived: false }) });
      const res = await unconfigured.handle(webhookRequest(callbackBody([eventBuilders.follow!()])), t.channelId);
      expect(res.status).toBe(401);
      expect(await deliveries()).toMatchObject([{ reason: "secret_not_configured", signature: "unchecked" }]);
    });

    it.each([
      ["not JSON", "{destination:", "invalid_json"],
      ["JSON that is not an object", "[1,2,3]", "invalid_body"],
      ["no destination", JSON.stringify({ events: [] }), "invalid_body"],
      ["events that is not an array", JSON.stringify({ destination: BOT, events: {} }), "invalid_body"],
      ["an event that is not an object", JSON.stringify({ destination: BOT, events: ["hello"] }), "invalid_body"],
    ])("answers 400 with the reason to a signed body with %s", async (_, body, reason) => {
      const res = await intake.handle(webhookRequest(body), t.channelId);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/not JSON|not a LINE webhook/);
      expect(await all()).toHaveLength(0);
      expect(await deliveries()).toMatchObject([{ statusCode: 400, reason }]);
    });

    it("answers 400 with the reason to a signed body nested 50,000 deep, stores none of it, and the deliveries beside it go through", async () => {
      const deep = `{"destination":"${BOT}","events":[{"type":"message","x":${"[".repeat(50_000)}${"]".repeat(50_000)}}]}`;
      const [res, beside] = await Promise.all([
        intake.handle(webhookRequest(deep), t.channelId),
        intake.handle(webhookRequest(callbackBody([eventBuilders.follow!()])), t.channelId),
      ]);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/nested more than 64 levels/);
      expect(beside.status).toBe(200);
      expect(await all()).toHaveLength(1);
      expect((await deliveries()).map((d) => [d.statusCode, d.reason])).toEqual(
        expect.arrayContaining([
          [400, "invalid_body"],
          [200, null],
        ]),
      );
    });

    it("answers 413 to a body over 1 MiB and keeps at most its first 16 KB", async () => {
      const big = callbackBody([{ ...eventBuilders["message/text"]!(), padding: "x".repeat(1024 * 1024) }]);
      const res = await intake.handle(webhookRequest(big), t.channelId);
      expect(res.status).toBe(413);
      expect(await all()).toHaveLength(0);
      const [d] = await deliveries();
      expect(d).toMatchObject({ statusCode: 413, reason: "body_too_large" });
      expect(d!.bodyBytes).toBeGreaterThan(1024 * 1024);
      const detail = await getDelivery(t.handle.db, { channelId: t.channelId, id: d!.id });
      expect(detail!.body.length).toBeLessThanOrEqual(16 * 1024);
      expect(detail!.bodyTruncated).toBe(true);
      // The rest of the body is not read: the connection goes with the answer.
      expect(res.headers.get("connection")).toBe("close");
    });

    it("answers 413 from an announced Content-Length without reading the body", async () => {
      const res = await intake.handle(webhookRequest("{}", { headers: { "content-length": String(2 * 1024 * 1024) } }), t.channelId);
      expect(res.status).toBe(413);
      const [d] = await deliveries();
      expect(d).toMatchObject({ statusCode: 413, bodyBytes: 2 * 1024 * 1024 });
    });

    it("cuts a rejected body at 16 KB", async () => {
      const body = callbackBody([{ ...eventBuilders.follow!(), padding: "y".repeat(40_000) }]);
      await intake.handle(webhookRequest(body, { signature: "bad" }), t.channelId);
      const [d] = await deliveries();
      const detail = await getDelivery(t.handle.db, { channelId: t.channelId, id: d!.id });
      expect(detail).toMatchObject({ bodyTruncated: true, bodyBytes: Buffer.byteLength(body) });
      expect(detail!.body.length).toBe(16 * 1024);
    });

    it("keeps only the newest rejected deliveries, and never drops accepted ones", async () => {
      const small = makeIntake({ keepRejected: 5 });
      await small.handle(webhookRequest(callbackBody([eventBuilders.follow!()])), t.channelId);
      for (let i = 0; i < 8; i++) await small.handle(webhookRequest(`{"n":${i}}`, { signature: "bad" }), t.channelId);
      const rows = await deliveries();
      expect(rows.filter((d) => d.statusCode === 401)).toHaveLength(5);
      expect(rows.filter((d) => d.statusCode === 200)).toHaveLength(1);
      // Its timing rows are written now, not a second into the next test.
      await small.close();
    });

    it("keeps the timing rows of refused requests bounded too: unsigned POSTs leave none behind their pruned deliveries", async () => {
      const small = makeIntake({ keepRejected: 5 });
      await small.handle(webhookRequest(callbackBody([eventBuilders.follow!()])), t.channelId);
      for (let i = 0; i < 12; i++) {
        await small.handle(webhookRequest(`{"n":${i}}`, { signature: "bad" }), t.channelId);
        if (i % 4 === 3) await small.flushTimings();
      }
      await small.flushTimings();
      const count = async (where: ReturnType<typeof sql>) =>
        Number(
          ((await t.handle.db.execute(sql`select count(*)::int as n from webhook_timings t where ${where}`)) as unknown as { rows: Array<{ n: number }> })
            .rows[0]!.n,
        );
      expect(await count(sql`t.status_code >= 300`)).toBe(5);
      expect(await count(sql`t.status_code < 300`)).toBe(1);
      expect(await count(sql`not exists (select 1 from webhook_deliveries d where d.id = t.delivery_id)`), "timing rows of deliveries that are gone").toBe(0);
      await small.close();
    });
  });

  describe("database outage", () => {
    it("answers 503 and acknowledges nothing when the database is gone", async () => {
      const doomed = await createTestDatabase();
      const broken = createWebhookIntake({ db: doomed.handle.db, writeConcurrency: 1, channel: async () => ({ secret: TEST_SECRET, archived: false }) });
      await doomed.close();
      const res = await broken.handle(webhookRequest(callbackBody([eventBuilders.follow!()])), doomed.channelId);
      expect(res.status).toBe(503);
    });

    it("answers 503 when a write does not finish in time, and a later redelivery is stored once", async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const isLocked = new Promise<void>((r) => (locked = r));
      const stalled = makeIntake({ storeTimeoutMs: 200 });
      // Hold the database busy: PGlite serves one query at a time; on PostgreSQL lock the table.
      const blocker =
        t.handle.kind === "pglite"
          ? t.handle.db.transaction(async (tx) => {
              await tx.execute(sql`select 1`);
              locked();
              await gate;
            })
          : t.handle.db.transaction(async (tx) => {
              await tx.execute(sql`lock table events in access exclusive mode`);
              locked();
              await gate;
            });
      await isLocked;
      const event = eventBuilders["message/text"]!();
      const res = await stalled.handle(webhookRequest(callbackBody([event])), t.channelId);
      expect(res.status).toBe(503);
      release();
      await blocker;
      const again = await stalled.handle(webhookRequest(callbackBody([{ ...event, deliveryContext: { isRedelivery: true } }])), t.channelId);
      expect(again.status).toBe(200);
      expect(await all()).toHaveLength(1);
    });
  });

  it("records the handler's latency and the status LINE was given", async () => {
    await intake.handle(webhookRequest(callbackBody([eventBuilders.follow!()])), t.channelId);
    await intake.handle(webhookRequest("{}", { signature: "bad" }), t.channelId);
    await intake.flushTimings();
    const rows = await deliveries();
    expect(rows.map((d) => d.statusCode).sort()).toEqual([200, 401]);
    for (const d of rows) expect(d.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("stores text with characters PostgreSQL text cannot hold", async () => {
    const event = eventBuilders["message/text"]!();
    (event.message as Record<string, unknown>).text = "nul:\u0000 lone:\ud800 emoji:😀";
    const res = await intake.handle(webhookRequest(callbackBody([event])), t.channelId);
    expect(res.status).toBe(200);
    const [row] = await all();
    expect(row!.text).toContain("emoji:😀");
    // The payload keeps the NUL (json holds its escape); a lone surrogate is not Unicode and becomes U+FFFD.
    expect((row!.payload as { message: { text: string } }).message.text).toBe("nul:\u0000 lone:\uFFFD emoji:😀");
  });

  it("keeps text that merely spells such characters out as it was written", async () => {
    const event = eventBuilders["message/text"]!();
    const written = String.raw`escapes: \u0000 \ud800 \uDC00`;
    (event.message as Record<string, unknown>).text = written;
    expect((await intake.handle(webhookRequest(callbackBody([event])), t.channelId)).status).toBe(200);
    const [row] = await all();
    expect(row!.text).toBe(written);
    expect((row!.payload as { message: { text: string } }).message.text).toBe(written);
  });
});
