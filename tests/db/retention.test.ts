import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { setProjectionPosition } from "@/db/queries/jobs";
import { getMedia } from "@/db/queries/media";
import { createDestination } from "@/db/queries/relay-destinations";
import { claimRelayItems } from "@/db/queries/relay-items";
import { listRelayItems } from "@/db/queries/relay-log";
import {
  expireMedia,
  purgeDeliveryBodies,
  purgeEventlessDeliveries,
  purgeEvents,
  purgeRejectedDeliveries,
  purgeRelayLog,
  type PurgeCursor,
  type PurgeResult,
} from "@/db/queries/retention";
import { getDelivery, recordTimings, storeDeliveries, type DeliveryRecord } from "@/db/queries/webhook";
import { media } from "@/db/schema/media";
import { FRIENDS_PROJECTION } from "@/lib/contacts/friends-projection";
import { toEventRow } from "@/lib/events/types/columns";
import { ulid } from "@/lib/platform/ids";
import { storeMedia } from "@/lib/media/media-store";
import { mediaResponse } from "@/lib/media/serve-media";
import { forwardBody } from "@/lib/relay/forward-body";
import { readRelayFor, readRelayItem, readRelayLog } from "@/lib/relay/read";
import { retentionTask } from "@/lib/retention/retention-task";
import { BOT, newEventId } from "../fixtures/webhook-events";
import { projectAll } from "../helpers/contacts";
import { createTestDatabase, engine, resetTestDatabase, type TestDatabase } from "../helpers/test-db";

// Retention on a real database: what is older than its period goes, in batches, and what is derived
// from it (hourly counts, friends, the relay log) keeps working.

const DAY = 86_400_000;
let t: TestDatabase;
const db = () => t.handle.db;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());
beforeEach(() => resetTestDatabase(t));

let seq = 0;
function textEvent(userId: string, at: Date) {
  seq++;
  return {
    type: "message",
    mode: "active",
    timestamp: at.getTime(),
    source: { type: "user", userId },
    webhookEventId: newEventId(),
    deliveryContext: { isRedelivery: false },
    replyToken: `rt${seq}`,
    message: { type: "text", id: String(10 ** 15 + seq), quoteToken: "q", text: `message ${seq}` },
  };
}

function imageEvent(userId: string, at: Date, messageId: string) {
  return { ...textEvent(userId, at), message: { type: "image", id: messageId, contentProvider: { type: "line" } } };
}

/** One accepted delivery received at `at`, its events a moment before, stored as the intake stores it. */
async function deliver(at: Date, events: Array<Record<string, unknown>>, overrides: Partial<DeliveryRecord> = {}) {
  const body = JSON.stringify({ destination: BOT, events });
  const record: DeliveryRecord = {
    id: ulid(at.getTime()),
    channelId: t.channelId,
    receivedAt: at,
    statusCode: 200,
    signature: "valid",
    reason: null,
    reasonDetail: null,
    destination: BOT,
    isVerify: false,
    body,
    bodyBytes: Buffer.byteLength(body),
    bodyTruncated: false,
    userAgent: "LineBotWebhook/2.0",
    lineSignature: "sig",
    events: events.map((e) => toEventRow(e as never, at)),
    ...overrides,
  };
  await storeDeliveries(db(), { deliveries: [record] });
  await recordTimings(db(), { timings: [{ deliveryId: record.id, channelId: t.channelId, receivedAt: at, statusCode: record.statusCode, latencyMs: 5 }] });
  return record.id;
}

async function refused(at: Date) {
  return deliver(at, [], { statusCode: 401, signature: "invalid", reason: "invalid_signature", lineSignature: null, destination: null });
}

async function count(table: string, where = "true"): Promise<number> {
  const result = await db().execute(sql.raw(`select count(*)::int as n from ${table} where ${where}`));
  return (result as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
}

/** Every row older than the cutoff, batch after batch, each after the last (what one instance's task does, minus its pacing). */
async function drain(purge: (limit: number, after: PurgeCursor | null) => Promise<PurgeResult>, limit = 7) {
  let total = 0;
  let after: PurgeCursor | null = null;
  for (;;) {
    const { rows, last } = await purge(limit, after);
    total += rows;
    after = last;
    if (rows < limit) return total;
  }
}

async function relayDestination(enabled = true) {
  return createDestination(db(), {
    channelId: t.channelId,
    createdBy: "test",
    values: {
      name: `bot-${seq++}`,
      url: "http://127.0.0.1:9/webhook",
      signing: "line",
      enabled,
      eventTypes: null,
      sourceTypes: null,
      modes: null,
      unseenOnly: false,
      timeoutMs: 2000,
      secretCiphertext: null,
    },
  });
}

describe("retention", () => {
  it("empties the raw bodies of accepted deliveries past the period; their rows, their events and newer bodies stay", async () => {
    const old = [];
    for (let i = 0; i < 20; i++) old.push(await deliver(daysAgo(40 - i / 10), [textEvent("Uold", daysAgo(40 - i / 10))]));
    const recent = await deliver(daysAgo(2), [textEvent("Unew", daysAgo(2))]);

    const purged = await drain((limit, after) => purgeDeliveryBodies(db(), { channelId: t.channelId, before: daysAgo(30), limit, after }));
    expect(purged).toBe(20);
    expect(await count("webhook_deliveries")).toBe(21);
    expect(await count("events")).toBe(21);
    expect(await count("webhook_deliveries", "body = '' and body_purged_at is not null")).toBe(20);
    // The delivery's page says when its body went; the newest keeps its body.
    const gone = await getDelivery(db(), { channelId: t.channelId, id: old[0]! });
    expect(gone).toMatchObject({ body: "", bodyPurgedAt: expect.any(Date), storedEvents: [expect.anything()] });
    expect((await getDelivery(db(), { channelId: t.channelId, id: recent }))!.body).toContain('"events"');
    // A second pass finds nothing more.
    expect((await purgeDeliveryBodies(db(), { channelId: t.channelId, before: daysAgo(30), limit: 100 })).rows).toBe(0);
  });

  it("keeps a body while relay still has it to forward, and forwards a purged one rebuilt from its events", async () => {
    const dest = await relayDestination();
    const pending = await deliver(daysAgo(40), [textEvent("U1", daysAgo(40))]);
    expect(await count("relay_items", "state = 'pending'")).toBe(1);
    expect((await purgeDeliveryBodies(db(), { channelId: t.channelId, before: daysAgo(30), limit: 100 })).rows).toBe(0);
    expect((await getDelivery(db(), { channelId: t.channelId, id: pending }))!.body).not.toBe("");

    // A replay or a retry after the body went (the guard passed, e.g. an item given up and replayed):
    // the bot gets the events rebuilt into a body, signed again, never an empty body.
    await db().execute(sql`update relay_items set state = 'expired', finished_at = now()`);
    expect((await purgeDeliveryBodies(db(), { channelId: t.channelId, before: daysAgo(30), limit: 100 })).rows).toBe(1);
    await db().execute(sql`update relay_items set state = 'pending', finished_at = null`);
    const [item] = await claimRelayItems(db(), { destinationId: dest.id, limit: 1, worker: "test", leaseMs: 10_000 });
    expect(item!.whole).toBe(false);
    const sent = forwardBody(item!, { mode: "line", secret: null, channelSecret: "0123456789abcdef0123456789abcdef" });
    const body = JSON.parse(sent.body.toString("utf8")) as { destination: string; events: Array<{ message: { text: string } }> };
    expect(body.destination).toBe(BOT);
    expect(body.events).toHaveLength(1);
    expect(sent.signature).not.toBe("sig");
  });

  it("starts each batch after the last one: a row left for later is passed over for the rest of the pass, and taken by the next", async () => {
    const dest = await relayDestination(false);
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push(await deliver(daysAgo(60 - i / 10), [textEvent("U1", daysAgo(60 - i / 10))]));
    // Relay still has to forward the fourth one (its destination is paused): its body stays for now.
    await db().execute(sql`insert into relay_items (channel_id, destination_id, delivery_id, event_ids, whole, order_key, received_at)
      values (${t.channelId}, ${dest.id}, ${ids[3]!}, '{}', true, 'U1', now())`);
    const first = await purgeDeliveryBodies(db(), { channelId: t.channelId, before: daysAgo(30), limit: 5 });
    expect(first.rows).toBe(5);
    expect(first.last!.id).toBe(ids[5]);
    const second = await purgeDeliveryBodies(db(), { channelId: t.channelId, before: daysAgo(30), limit: 5, after: first.last });
    expect(second.rows).toBe(5);
    expect(second.last!.id).toBe(ids[10]);
    expect((await purgeDeliveryBodies(db(), { channelId: t.channelId, before: daysAgo(30), limit: 5, after: second.last })).rows).toBe(1);
    expect(await count("webhook_deliveries", "body_purged_at is null")).toBe(1);

    await db().execute(sql`update relay_items set state = 'cancelled', finished_at = now()`);
    expect(await drain((limit, after) => purgeDeliveryBodies(db(), { channelId: t.channelId, before: daysAgo(30), limit, after }))).toBe(1);
    expect(await count("webhook_deliveries", "body_purged_at is null")).toBe(0);
  });

  it("deletes refused deliveries and their timings past the period, and nothing accepted", async () => {
    for (let i = 0; i < 12; i++) await refused(daysAgo(45 - i));
    const recentRefusal = await refused(daysAgo(1));
    await deliver(daysAgo(60), [textEvent("U1", daysAgo(60))]);

    // 12 refused deliveries and their 12 timings.
    expect(await drain((limit, after) => purgeRejectedDeliveries(db(), { channelId: t.channelId, before: daysAgo(30), limit, after }))).toBe(24);
    expect(await count("webhook_deliveries", "status_code >= 300")).toBe(1);
    expect(await count("webhook_timings", "status_code >= 300")).toBe(1);
    expect((await getDelivery(db(), { channelId: t.channelId, id: recentRefusal }))!.statusCode).toBe(401);
    expect(await count("webhook_deliveries", "status_code < 300")).toBe(1);
    expect(await count("webhook_timings", "status_code < 300")).toBe(1);
  });

  it("deletes the events the friends projection has read past the period, then the deliveries they leave; counts and friends stay", async () => {
    for (let i = 0; i < 25; i++) await deliver(daysAgo(100 - i), [textEvent(`U${i % 5}`, daysAgo(100 - i)), textEvent("Ushared", daysAgo(100 - i))]);
    await deliver(daysAgo(3), [textEvent("Ushared", daysAgo(3))]);
    await projectAll(db());
    const countsBefore = await count("event_counts");
    const hourlyTotal = async () =>
      ((await db().execute(sql`select sum(count)::int as n from event_counts`)) as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
    expect(await hourlyTotal()).toBe(51);
    expect(await count("friends")).toBe(6);

    // Events after the projection's position are not purged yet, even when old.
    const position = ((await db().execute(sql`select min(id)::int + 9 as p from events`)) as unknown as { rows: Array<{ p: number }> }).rows[0]!.p;
    await setProjectionPosition(db(), { name: FRIENDS_PROJECTION, lastEventId: position });
    const purge = (limit: number, after: PurgeCursor | null) =>
      purgeEvents(db(), { channelId: t.channelId, before: daysAgo(90), limit, after, upToEventId: position });
    expect(await drain(purge)).toBe(10);
    await projectAll(db());
    const upTo = ((await db().execute(sql`select max(id)::int as p from events`)) as unknown as { rows: Array<{ p: number }> }).rows[0]!.p;
    expect(await drain((limit, after) => purgeEvents(db(), { channelId: t.channelId, before: daysAgo(90), limit, after, upToEventId: upTo }))).toBe(12);
    expect(await count("events")).toBe(51 - 22);
    expect(await count("events", `"timestamp" < now() - interval '90 days'`)).toBe(0);

    // The deliveries of those events, and their timings; each delivery holding a newer event stays.
    expect(await drain((limit, after) => purgeEventlessDeliveries(db(), { channelId: t.channelId, before: daysAgo(90), limit, after }))).toBe(11);
    expect(await count("webhook_deliveries")).toBe(26 - 11);
    expect(await count("webhook_timings")).toBe(26 - 11);
    expect(await count("webhook_deliveries d", "not exists (select 1 from events e where e.delivery_id = d.id)")).toBe(0);

    // History that is derived stays as it was.
    expect(await count("event_counts")).toBe(countsBefore);
    expect(await hourlyTotal()).toBe(51);
    expect(await count("friends")).toBe(6);
  });

  it("keeps a relay log whose delivery and events retention took readable", async () => {
    const dest = await relayDestination();
    const id = await deliver(daysAgo(50), [textEvent("U1", daysAgo(50))]);
    await db().execute(sql`update relay_items set state = 'succeeded', attempts = 1, last_status = 200, finished_at = now() - interval '2 days'`);
    await projectAll(db());
    const upTo = ((await db().execute(sql`select max(id)::int as p from events`)) as unknown as { rows: Array<{ p: number }> }).rows[0]!.p;
    expect((await purgeEvents(db(), { channelId: t.channelId, before: daysAgo(30), limit: 100, upToEventId: upTo })).rows).toBe(1);
    expect((await purgeEventlessDeliveries(db(), { channelId: t.channelId, before: daysAgo(30), limit: 100 })).rows).toBe(1);

    const log = await readRelayLog(db(), { channelId: t.channelId, destinationId: dest.id, limit: 10 });
    expect(log.items).toHaveLength(1);
    expect(await readRelayFor(db(), { channelId: t.channelId, deliveryId: id })).toMatchObject({ items: [{ state: "succeeded" }] });
    const item = await readRelayItem(db(), { channelId: t.channelId, id: Number(log.items[0]!.id) });
    expect(item).toMatchObject({ state: "succeeded", body: "", bodyRemoved: true });

    // The log itself goes after its own period.
    expect((await purgeRelayLog(db(), { channelId: t.channelId, before: daysAgo(30), limit: 100 })).rows).toBe(0);
    expect((await purgeRelayLog(db(), { channelId: t.channelId, before: daysAgo(1), limit: 100 })).rows).toBe(1);
    expect(await listRelayItems(db(), { channelId: t.channelId, destinationId: dest.id, limit: 10 })).toEqual([]);
    expect(await count("relay_attempts")).toBe(0);
  });

  it("deletes old media bytes from the database and from a directory; the media then answers 410 expired", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oa-retention-media-"));
    try {
      const bytes = Buffer.alloc(1300 * 1024, 7); // three chunks
      const keep = async (messageId: string, storage: "database" | "directory", createdAt: Date) => {
        await deliver(createdAt, [imageEvent("U1", createdAt, messageId)]);
        const options = { storage, dir, maxBytes: 10 * 1024 * 1024 };
        const key = { channelId: t.channelId, messageId };
        await storeMedia(db(), options, { ...key, variant: "original" }, Readable.from([bytes]));
        await storeMedia(db(), options, { ...key, variant: "preview" }, Readable.from([bytes.subarray(0, 1000)]));
        await db()
          .insert(media)
          .values({ ...key, eventId: 0, messageType: "image", status: "ready", storage, contentType: "image/png", size: bytes.length, createdAt })
          .onConflictDoUpdate({ target: [media.channelId, media.messageId], set: { status: "ready", storage, createdAt } });
      };
      await keep("900001", "database", daysAgo(40));
      await keep("900002", "directory", daysAgo(40));
      await keep("900003", "database", daysAgo(2));
      await keep("900004", "directory", daysAgo(2));
      expect(await count("media_chunks")).toBe(8);
      const file = (id: string, variant: string) => path.join(dir, String(t.channelId), `${id}.${variant}`);
      expect(fs.existsSync(file("900002", "original"))).toBe(true);

      const task = retentionTask(db(), {
        channelIds: async () => [t.channelId],
        policy: { deliveryBodiesDays: 0, rejectedDeliveriesDays: 0, eventsDays: 0, relayLogDays: 0, mediaDays: 30 },
        mediaDir: dir,
        firstCheckAfterMs: 0,
        log: () => {},
      });
      while ((await task.tick()) > 0);
      expect(task.stats().kinds.media).toMatchObject({ rows: 2 });

      expect(await getMedia(db(), { channelId: t.channelId, messageId: "900001" })).toMatchObject({ status: "expired", storage: null });
      expect(await getMedia(db(), { channelId: t.channelId, messageId: "900002" })).toMatchObject({ status: "expired", storage: null });
      expect(await count("media_chunks")).toBe(4);
      expect(await count("media_chunks", "message_id = '900003'")).toBe(4);
      expect(fs.existsSync(file("900002", "original")) || fs.existsSync(file("900002", "preview"))).toBe(false);
      expect(fs.existsSync(file("900004", "original"))).toBe(true);
      const res = await mediaResponse(new Request("http://console.test/api/media/900001"), db(), {
        channelId: t.channelId,
        messageId: "900001",
        variant: "original",
      });
      expect(res.status).toBe(410);
      expect(await res.json()).toMatchObject({ code: "media_expired" });

      // Files left behind by a crash between marking and deleting them are deleted by the next batch.
      fs.writeFileSync(file("900002", "original"), "left behind");
      await db().execute(sql`update media set storage = 'directory' where message_id = '900002'`);
      expect(await expireMedia(db(), { channelId: t.channelId, before: daysAgo(30), limit: 10 })).toEqual([{ messageId: "900002", storage: "directory" }]);
      task.runNow();
      while ((await task.tick()) > 0);
      expect(fs.existsSync(file("900002", "original"))).toBe(false);
      expect(await getMedia(db(), { channelId: t.channelId, messageId: "900002" })).toMatchObject({ status: "expired", storage: null });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("purges every kind in one pass of the background task, then waits for the next, and says what it purged", async () => {
    for (let i = 0; i < 60; i++) await deliver(daysAgo(100 - i / 10), [textEvent(`U${i % 3}`, daysAgo(100 - i / 10))]);
    for (let i = 0; i < 40; i++) await deliver(daysAgo(50 - i / 10), [textEvent(`U${i % 3}`, daysAgo(50 - i / 10))]);
    for (let i = 0; i < 5; i++) await refused(daysAgo(40));
    await deliver(daysAgo(1), [textEvent("U1", daysAgo(1))]);
    await projectAll(db());

    const lines: string[] = [];
    let clock = 0;
    const task = retentionTask(db(), {
      channelIds: async () => [t.channelId],
      policy: { deliveryBodiesDays: 30, rejectedDeliveriesDays: 30, eventsDays: 90, relayLogDays: 30, mediaDays: 0 },
      mediaDir: os.tmpdir(),
      now: () => clock,
      log: (line) => lines.push(line),
    });
    // Not in the first minute after start-up.
    expect(await task.tick()).toBe(0);
    clock = 60_000;
    let ticks = 0;
    while ((await task.tick()) > 0) ticks++;
    expect(ticks).toBeGreaterThan(0);
    const stats = task.stats();
    expect(stats.kinds).toMatchObject({
      events: { rows: 60 },
      eventlessDeliveries: { rows: 60 },
      deliveryBodies: { rows: 40 },
      rejectedDeliveries: { rows: 10 },
    });
    expect(stats.passes).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^\[retention\] purged in [\d.]+ s: .*events 60 \(longest batch \d+ ms\)/)]);
    expect(await count("events")).toBe(41);
    expect(await count("webhook_deliveries", "body_purged_at is null and status_code < 300")).toBe(1);

    // The next pass is ten minutes later, and has nothing to do.
    clock += 60_000;
    expect(await task.tick()).toBe(0);
    clock += 10 * 60_000;
    expect(await task.tick()).toBe(0);
    expect(task.stats().passes).toBe(2);
    expect(lines).toHaveLength(1);
  });

  it("lets instances purge at once: every row goes, once", async () => {
    for (let i = 0; i < 300; i++) await deliver(daysAgo(40 + i / 100), [textEvent(`U${i % 7}`, daysAgo(40 + i / 100))]);
    await projectAll(db());
    const upTo = ((await db().execute(sql`select max(id)::int as p from events`)) as unknown as { rows: Array<{ p: number }> }).rows[0]!.p;
    // On PostgreSQL a second instance has connections of its own; PGlite has one process by design.
    const other = engine() === "postgres" ? await openDatabase({ kind: "postgres", url: t.url!, migrate: false }) : undefined;
    try {
      const instances: Db[] = [db(), other?.db ?? db()];
      const purged = await Promise.all(
        instances.map((d) => drain((limit, after) => purgeEvents(d, { channelId: t.channelId, before: daysAgo(30), limit, after, upToEventId: upTo }), 20)),
      );
      expect(purged[0]! + purged[1]!).toBe(300);
      const deliveries = await Promise.all(
        instances.map((d) => drain((limit, after) => purgeEventlessDeliveries(d, { channelId: t.channelId, before: daysAgo(30), limit, after }), 20)),
      );
      expect(deliveries[0]! + deliveries[1]!).toBe(300);
      expect(await count("events")).toBe(0);
      expect(await count("webhook_deliveries")).toBe(0);
    } finally {
      await other?.close();
    }
  });
});
