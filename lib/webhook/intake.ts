import type { Db } from "@/db/client";
import { pruneRejectedDeliveries, pruneRejectedTimings, recordTimings, storeDeliveries, type DeliveryRecord, type TimingRecord } from "@/db/queries/webhook";
import { createGroupCommit } from "@/lib/platform/group-commit";
import { ulid } from "@/lib/platform/ids";
import { deliveryRows, MAX_BODY_BYTES, parseCallback, readRawBody, stripNul, verifySignature, type DeliveryBase, type Refusal } from "./steps";
import { unavailableResponse, webhookResponse } from "./webhook-response";
import { log } from "@/lib/platform/log";
import { metrics } from "@/lib/platform/metrics";
const REJECTED_BODY_BYTES = 16 * 1024;

export interface IntakeOptions {
  db: Db;
  /** Where the deliveries are written, ahead of other queries (DatabaseHandle.priorityDb); else `db`. */
  priorityDb?: Db;
  /** Writes under way at once; deliveries are batched into them by how many are outstanding. */
  writeConcurrency: number;
  /**
   * A channel's secret (undefined when it has none: every delivery is refused, with that reason), whether
   * it is archived, or null when there is no such channel.
   */
  channel: (channelId: number) => Promise<{ secret: string | undefined; archived: boolean } | null>;
  /** How long a delivery may wait for its write before LINE is told 503 (LINE gives up at 2 s). */
  storeTimeoutMs?: number;
  keepRejected?: number;
}

export type WebhookIntake = ReturnType<typeof createWebhookIntake>;

/**
 * LINE's webhook, start to finish: raw bytes, signature, shape, then every event stored in one
 * transaction before the 200. Nothing is acknowledged that is not committed; when the database cannot
 * take the write in time the answer is 503, and LINE's redelivery brings the events back (they are
 * deduplicated on webhookEventId, so a write that lands late is not stored twice).
 */
export function createWebhookIntake(options: IntakeOptions) {
  const storeTimeoutMs = options.storeTimeoutMs ?? 1000;
  const keepRejected = options.keepRejected ?? 1000;
  const storeDb = options.priorityDb ?? options.db;
  const writer = createGroupCommit<DeliveryRecord>(
    async (deliveries) => {
      const { inserted } = await storeDeliveries(storeDb, { deliveries });
      const events = deliveries.reduce((n, d) => n + d.events.length, 0);
      metrics().webhookEvents.inc({ outcome: "stored" }, inserted);
      if (events > inserted) metrics().webhookEvents.inc({ outcome: "duplicate" }, events - inserted);
      for (const channelId of new Set(deliveries.filter((d) => d.statusCode >= 300).map((d) => d.channelId))) {
        await pruneRejectedDeliveries(storeDb, { channelId, keep: keepRejected });
      }
    },
    {
      maxBatch: 500,
      concurrency: options.writeConcurrency,
      lingerMs: 2,
      outstanding: () => outstanding,
      isolateFailures: isDataError,
    },
  );
  // Measurements wait their turn with everything else: only what LINE waits for goes first.
  const timings = createTimingRecorder(options.db, { keepRejected });
  // Deliveries begun and not yet answered: the group commit sizes its batches from them.
  let outstanding = 0;
  let lastDeliveryAt: number | undefined;

  /** A delivery to one channel's URL (its id found from the URL's key by the route). */
  async function handle(req: Request, channelId: number): Promise<Response> {
    const started = performance.now();
    const receivedAt = new Date();
    outstanding++;
    const outcome = await receive(req, channelId, receivedAt).finally(() => outstanding--);
    metrics().webhookDeliveries.inc({ outcome: outcome.label });
    metrics().webhookAck.observe((performance.now() - started) / 1000);
    const response = outcome.status === 503 ? unavailableResponse() : webhookResponse(outcome.body, outcome.status);
    if (outcome.deliveryId) {
      timings.add({
        deliveryId: outcome.deliveryId,
        channelId,
        receivedAt,
        statusCode: outcome.status,
        latencyMs: Math.round(performance.now() - started),
      });
    }
    return response;
  }

  // The steps (./steps.ts), then the write within the deadline: every refusal is stored too (the
  // Deliveries page shows why), and only a delivery whose events are committed gets its 200.
  async function receive(req: Request, channelId: number, receivedAt: Date): Promise<Outcome> {
    const base: DeliveryBase = { id: ulid(receivedAt.getTime()), channelId, receivedAt, userAgent: req.headers.get("user-agent") };
    const raw = await readRawBody(req);
    if (raw.refusal) return reject(base, raw.refusal, clip(raw.bytes, raw.totalBytes));
    const channel = await options.channel(channelId);
    // Archived: nothing is taken in. 410 tells LINE (and whoever set the URL) that this is for good.
    if (!channel || channel.archived) return { status: 410, body: { message: "This channel is archived in the console" }, deliveryId: null, label: "archived" };
    const signature = req.headers.get("x-line-signature");
    const unsigned = verifySignature(raw.bytes, channel.secret, signature);
    if (unsigned) return reject(base, unsigned, clip(raw.bytes));
    // Only LINE's own deliveries make background work step back: unsigned traffic must not be a lever.
    lastDeliveryAt = performance.now();
    const callback = parseCallback(raw.bytes);
    if (callback.refusal) return reject(base, callback.refusal, clip(raw.bytes));
    const delivery = { ...deliveryRows(base, callback, raw.totalBytes), lineSignature: signature };
    const stored = await storeWithin(delivery);
    return stored.ok
      ? { status: 200, body: {}, deliveryId: delivery.id, label: "accepted" }
      : { status: 503, body: {}, deliveryId: null, label: "unavailable" };
  }

  // Refused deliveries are kept for diagnosis, but the refusal never waits on (or fails with) the store.
  async function reject(base: DeliveryBase, refusal: Refusal, body: Pick<DeliveryRecord, "body" | "bodyBytes" | "bodyTruncated">): Promise<Outcome> {
    const record: DeliveryRecord = { ...base, ...refusal, ...body, destination: null, isVerify: false, events: [] };
    const stored = await storeWithin(record);
    return {
      status: record.statusCode,
      body: { message: rejectionMessage(record) },
      deliveryId: stored.ok ? record.id : null,
      label: record.reason ?? "refused",
    };
  }

  async function storeWithin(record: DeliveryRecord): Promise<{ ok: boolean }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), storeTimeoutMs);
    });
    try {
      const result = await Promise.race([writer.submit(record).then(() => "stored" as const), timeout]);
      if (result === "timeout")
        log().error({ scope: "webhook", deliveryId: record.id, timeoutMs: storeTimeoutMs }, "store did not finish in time; answered 503");
      return { ok: result === "stored" };
    } catch (err) {
      log().error({ scope: "webhook", deliveryId: record.id, err }, "could not store delivery; answered 503");
      return { ok: false };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    handle,
    /** Whether LINE delivered (signed) within the last `withinMs`: background work steps back meanwhile. */
    active: (withinMs = 250) => lastDeliveryAt !== undefined && performance.now() - lastDeliveryAt < withinMs,
    /** Write pending timing rows now (tests, shutdown). */
    flushTimings: () => timings.flush(),
    close: () => timings.close(),
  };
}

interface Outcome {
  status: number;
  body: Record<string, unknown>;
  deliveryId: string | null;
  /** For the metrics: accepted, unavailable, or why it was refused. */
  label: string;
}

function rejectionMessage(record: DeliveryRecord): string {
  switch (record.reason) {
    case "missing_signature":
      return "Missing x-line-signature header";
    case "invalid_signature":
      return "Invalid signature";
    case "secret_not_configured":
      return "This console has no channel secret configured, so it cannot verify LINE's signature";
    case "body_too_large":
      return `Request body exceeds ${MAX_BODY_BYTES} bytes`;
    case "invalid_json":
      return `Request body is not JSON: ${record.reasonDetail}`;
    case "invalid_body":
      return `Request body is not a LINE webhook ({destination, events[]}): ${record.reasonDetail}`;
    default:
      return "Rejected";
  }
}

function clip(bytes: Buffer, totalBytes = bytes.length) {
  const cut = bytes.length > REJECTED_BODY_BYTES;
  return {
    body: stripNul((cut ? bytes.subarray(0, REJECTED_BODY_BYTES) : bytes).toString("utf8")),
    bodyBytes: totalBytes,
    bodyTruncated: cut || totalBytes > bytes.length,
  };
}

// SQLSTATE class 22 (data exception) and 23 (integrity): the data was refused, the database is fine.
function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown; cause?: { code?: unknown } })?.code ?? (err as { cause?: { code?: unknown } })?.cause?.code;
  return typeof code === "string" && (code.startsWith("22") || code.startsWith("23"));
}

// Timing rows are written after the response, a batch a second, so measuring never delays an ack.
// Those of refused requests are then pruned as the refused deliveries are.
function createTimingRecorder(db: Db, prune: { keepRejected: number }) {
  let pending: TimingRecord[] = [];
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return flushing;
    flushing = flushing
      .then(async () => {
        await recordTimings(db, { timings: batch });
        for (const channelId of new Set(batch.filter((t) => t.statusCode >= 300).map((t) => t.channelId)))
          await pruneRejectedTimings(db, { channelId, keep: prune.keepRejected });
      })
      .catch((err: unknown) => log().error({ scope: "webhook", err }, "could not record timings"));
    return flushing;
  }

  return {
    add(t: TimingRecord) {
      pending.push(t);
      // Small batches: on PGlite a write holds the one connection, and the webhook's writes wait behind it.
      if (pending.length >= 200) void flush();
      else timer ??= setTimeout(() => void flush(), 1000).unref();
    },
    flush,
    close: flush,
  };
}
