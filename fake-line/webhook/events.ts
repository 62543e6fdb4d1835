// Webhook event objects. An event is stored once (same webhookEventId and timestamp forever) and
// rendered for each delivery attempt: the first with `isRedelivery: false`, redeliveries with `true`
// and a fresh reply token. Field order follows LINE's payloads.
import type { Platform } from "../platform";

export type Source = { type: "user"; userId: string } | { type: "group"; groupId: string; userId?: string } | { type: "room"; roomId: string; userId?: string };

export type StoredEvent = {
  webhookEventId: string;
  type: string;
  mode: "active" | "standby";
  timestamp: number;
  source?: Source;
  /** Chat a reply to this event goes to; undefined for events without a reply token. */
  replyChatId?: string;
  /** Type-specific fields (message, follow, postback, joined…). */
  payload: Record<string, unknown>;
};

export type RenderedEvent = Record<string, unknown> & { webhookEventId: string };

export type NewEvent = {
  type: string;
  source?: Source;
  payload?: Record<string, unknown>;
  replyable: boolean;
  timestamp?: number;
};

/** Creates, stores and renders the first delivery of an event (its reply token is issued now). */
export function createEvent(platform: Platform, input: NewEvent): { stored: StoredEvent; rendered: RenderedEvent } {
  const timestamp = input.timestamp ?? platform.clock.now();
  const stored: StoredEvent = {
    webhookEventId: platform.nextEventId(timestamp),
    type: input.type,
    mode: "active",
    timestamp,
    source: input.source,
    replyChatId: input.replyable && input.source ? chatIdOf(input.source) : undefined,
    payload: input.payload ?? {},
  };
  platform.events.add(stored);
  return { stored, rendered: renderEvent(platform, stored, false) };
}

export function renderEvent(platform: Platform, stored: StoredEvent, isRedelivery: boolean): RenderedEvent {
  // LINE's field order: type, mode, timestamp, source, webhookEventId, deliveryContext, replyToken, payload.
  const head: Record<string, unknown> = { type: stored.type, mode: stored.mode, timestamp: stored.timestamp };
  if (stored.source) head.source = { ...stored.source };
  const out: RenderedEvent = { ...head, webhookEventId: stored.webhookEventId, deliveryContext: { isRedelivery } };
  if (stored.replyChatId && stored.mode === "active") {
    out.replyToken = platform.replyTokens.issue({ chatId: stored.replyChatId, webhookEventId: stored.webhookEventId }, stored.timestamp, platform.clock.now());
  }
  return Object.assign(out, structuredClone(stored.payload));
}

export function chatIdOf(source: Source): string {
  if (source.type === "group") return source.groupId;
  if (source.type === "room") return source.roomId;
  return source.userId;
}

/** Recently created events, for replay as redeliveries (bounded). */
export class EventStore {
  #events = new Map<string, StoredEvent>();

  constructor(private readonly limit: () => number) {}

  add(event: StoredEvent): void {
    this.#events.set(event.webhookEventId, event);
    const max = this.limit();
    for (const key of this.#events.keys()) {
      if (this.#events.size <= max) break;
      this.#events.delete(key);
    }
  }

  get(id: string): StoredEvent | undefined {
    return this.#events.get(id);
  }

  list(): StoredEvent[] {
    return [...this.#events.values()];
  }

  clear(): void {
    this.#events.clear();
  }
}
