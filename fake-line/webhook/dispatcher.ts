// Sends events to the configured webhook URL as LINE does: events that happen together are batched
// into one signed request; at most `webhookConcurrency` requests are in flight; a request that gets a
// non-2xx answer, no answer within 2 s, or no connection is redelivered later (same webhookEventIds,
// isRedelivery: true, new reply tokens) when redelivery is on. Every attempt is recorded.
import { RingBuffer } from "../core/ring-buffer";
import type { Platform } from "../platform";
import { renderEvent, type RenderedEvent, type StoredEvent } from "./events";
import { createAgents, postWebhook, type PostReason, type PostResult } from "./post";
import { signBody } from "./sign";

export type WebhookAttempt = {
  id: number;
  /** Events sent together share a delivery id across their redeliveries. */
  deliveryId: number | null;
  attempt: number;
  kind: "events" | "test" | "custom";
  isRedelivery: boolean;
  url: string;
  webhookEventIds: string[];
  startedAt: string;
  latencyMs: number;
  statusCode: number;
  ok: boolean;
  reason: PostReason;
  detail: string;
  /** When the next redelivery of these events is due (absent if none). */
  nextRedeliveryAt?: string;
};

type Delivery = { id: number; events: StoredEvent[]; rendered: RenderedEvent[]; attempt: number };

// A hanging app makes deliveries pile up (16 in flight, 2 s each); beyond this the oldest are dropped
// and counted as undelivered, so memory stays bounded.
const MAX_QUEUED_DELIVERIES = 10_000;

export type SignatureMode = "valid" | "invalid" | "none" | { value: string };

export class WebhookDispatcher {
  readonly attempts: RingBuffer<WebhookAttempt>;
  readonly counters = { requests: 0, succeeded: 0, failed: 0, redeliveries: 0, undeliveredEvents: 0 };
  #pending: RenderedEvent[] = [];
  #pendingStored: StoredEvent[] = [];
  #flushTimer: NodeJS.Timeout | null = null;
  #queue: Delivery[] = [];
  #inFlight = 0;
  #timers = new Set<NodeJS.Timeout>();
  #nextAttemptId = 1;
  #nextDeliveryId = 1;
  #agents = createAgents();
  #idleWaiters: (() => void)[] = [];
  #closed = false;

  constructor(private readonly platform: Platform) {
    this.attempts = new RingBuffer(platform.config.webhookLogLimit);
  }

  /** Queues events that happened together; they go out in the same request (up to webhookMaxBatch). */
  enqueue(items: { stored: StoredEvent; rendered: RenderedEvent }[]): void {
    if (this.#closed || items.length === 0) return;
    for (const item of items) {
      this.#pendingStored.push(item.stored);
      this.#pending.push(item.rendered);
    }
    if (!this.#flushTimer) {
      this.#flushTimer = setTimeout(() => this.#flush(), this.platform.config.webhookBatchWindowMs);
    }
  }

  /** Replays stored events now as a redelivery (control API). */
  redeliver(events: StoredEvent[]): void {
    if (events.length === 0) return;
    const delivery: Delivery = { id: this.#nextDeliveryId++, events, rendered: events.map((e) => renderEvent(this.platform, e, true)), attempt: 2 };
    this.counters.redeliveries++;
    this.#queue.push(delivery);
    this.#pump();
  }

  /** Sends a body as-is (verify request, custom webhook from the control API) and reports the result. */
  async sendRaw(url: string, body: Buffer, signature: SignatureMode, kind: "test" | "custom"): Promise<WebhookAttempt> {
    const result = await this.#post(url, body, signature);
    return this.#record({ deliveryId: null, attempt: 1, kind, isRedelivery: false, url, webhookEventIds: [] }, result);
  }

  /** Resolves when no events are pending or in flight (redeliveries scheduled later do not count). */
  idle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  get pendingRedeliveries(): number {
    return this.#timers.size;
  }

  close(): void {
    this.#closed = true;
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    this.#queue = [];
    this.#agents.http.destroy();
    this.#agents.https.destroy();
    this.#notifyIdle();
  }

  #flush(): void {
    this.#flushTimer = null;
    const rendered = this.#pending;
    const stored = this.#pendingStored;
    this.#pending = [];
    this.#pendingStored = [];
    const size = Math.max(1, this.platform.config.webhookMaxBatch);
    for (let i = 0; i < rendered.length; i += size) {
      this.#queue.push({ id: this.#nextDeliveryId++, events: stored.slice(i, i + size), rendered: rendered.slice(i, i + size), attempt: 1 });
    }
    this.#pump();
  }

  #pump(): void {
    const { webhookUrl, webhookActive, webhookConcurrency } = this.platform.config;
    while (this.#queue.length > MAX_QUEUED_DELIVERIES) {
      const dropped = this.#queue.shift() as Delivery;
      this.counters.undeliveredEvents += dropped.events.length;
    }
    while (this.#queue.length > 0 && this.#inFlight < Math.max(1, webhookConcurrency)) {
      const delivery = this.#queue.shift() as Delivery;
      if (!webhookUrl || !webhookActive) {
        this.counters.undeliveredEvents += delivery.events.length;
        continue;
      }
      this.#inFlight++;
      void this.#send(delivery, webhookUrl).finally(() => {
        this.#inFlight--;
        this.#pump();
      });
    }
    this.#notifyIdle();
  }

  async #send(delivery: Delivery, url: string): Promise<void> {
    const body = Buffer.from(JSON.stringify({ destination: this.platform.world.bot.userId, events: delivery.rendered }), "utf8");
    const result = await this.#post(url, body, "valid");
    if (this.#closed) return;
    this.counters.requests++;
    if (result.ok) this.counters.succeeded++;
    else this.counters.failed++;
    const base = {
      deliveryId: delivery.id,
      attempt: delivery.attempt,
      kind: "events" as const,
      isRedelivery: delivery.attempt > 1,
      url,
      webhookEventIds: delivery.events.map((e) => e.webhookEventId),
    };
    const { redelivery, redeliveryIntervalMs, redeliveryMaxAttempts } = this.platform.config;
    if (result.ok || !redelivery || delivery.attempt > redeliveryMaxAttempts) {
      this.#record(base, result);
      return;
    }
    const delay = redeliveryIntervalMs * 2 ** (delivery.attempt - 1);
    this.#record(base, result, new Date(this.platform.clock.now() + delay).toISOString());
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      if (this.#closed) return;
      this.counters.redeliveries++;
      const next: Delivery = {
        id: delivery.id,
        events: delivery.events,
        rendered: delivery.events.map((e) => renderEvent(this.platform, e, true)),
        attempt: delivery.attempt + 1,
      };
      this.#queue.push(next);
      this.#pump();
    }, this.platform.clock.toRealMs(delay));
    timer.unref();
    this.#timers.add(timer);
  }

  #post(url: string, body: Buffer, signature: SignatureMode): Promise<PostResult> {
    const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8", "user-agent": "LineBotWebhook/2.0" };
    const secret = this.platform.channelSecret;
    if (signature === "valid") headers["x-line-signature"] = signBody(body, secret);
    else if (signature === "invalid") headers["x-line-signature"] = signBody(body, `${secret}-wrong`);
    else if (signature !== "none") headers["x-line-signature"] = signature.value;
    return postWebhook(url, body, headers, this.platform.config.webhookTimeoutMs, this.#agents);
  }

  #record(
    base: Omit<WebhookAttempt, "id" | "startedAt" | "latencyMs" | "statusCode" | "ok" | "reason" | "detail">,
    result: PostResult,
    nextRedeliveryAt?: string,
  ): WebhookAttempt {
    const attempt: WebhookAttempt = {
      id: this.#nextAttemptId++,
      ...base,
      startedAt: new Date(this.platform.clock.now() - result.latencyMs).toISOString(),
      latencyMs: result.latencyMs,
      statusCode: result.statusCode,
      ok: result.ok,
      reason: result.reason,
      detail: result.detail,
      ...(nextRedeliveryAt ? { nextRedeliveryAt } : {}),
    };
    this.attempts.push(attempt);
    this.platform.log(
      `webhook ${attempt.kind} #${attempt.id} ${attempt.webhookEventIds.length} event(s) → ${result.reason} ${result.detail} (${result.latencyMs} ms)`,
    );
    return attempt;
  }

  #isIdle(): boolean {
    return this.#pending.length === 0 && this.#queue.length === 0 && this.#inFlight === 0 && !this.#flushTimer;
  }

  #notifyIdle(): void {
    if (!this.#isIdle() && !this.#closed) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const w of waiters) w();
  }
}
