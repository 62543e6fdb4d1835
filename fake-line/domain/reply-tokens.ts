// Reply tokens: single use, valid for about a minute after the webhook carrying them was sent. A
// redelivered event gets a new token that is valid for a minute too, unless a token of the same event
// was already used or more than 20 minutes have passed since the event (line-api.md §2.3).
import { replyToken } from "../core/ids";

export type ReplyTarget = {
  /** The chat a reply goes to: the user id, group id or room id of the event source. */
  chatId: string;
  webhookEventId: string;
};

type EventState = { used: boolean; eventTimestamp: number; target: ReplyTarget };
type TokenState = { webhookEventId: string; issuedAt: number };

const REDELIVERED_TOKEN_WINDOW_MS = 20 * 60 * 1000;

export class ReplyTokens {
  #tokens = new Map<string, TokenState>();
  #events = new Map<string, EventState>();
  #issuedSinceSweep = 0;

  constructor(private readonly ttlMs: () => number) {}

  issue(target: ReplyTarget, eventTimestamp: number, now: number): string {
    const token = replyToken();
    this.#tokens.set(token, { webhookEventId: target.webhookEventId, issuedAt: now });
    if (!this.#events.has(target.webhookEventId)) this.#events.set(target.webhookEventId, { used: false, eventTimestamp, target });
    if (++this.#issuedSinceSweep >= 5000) this.#sweep(now);
    return token;
  }

  /** Marks the token used and returns where the reply goes, or undefined if the token is not usable. */
  use(token: string, now: number): ReplyTarget | undefined {
    const t = this.#tokens.get(token);
    if (!t) return undefined;
    const event = this.#events.get(t.webhookEventId);
    if (!event || event.used) return undefined;
    if (now - t.issuedAt > this.ttlMs()) return undefined;
    if (now - event.eventTimestamp > REDELIVERED_TOKEN_WINDOW_MS) return undefined;
    event.used = true;
    this.#tokens.delete(token);
    return event.target;
  }

  isEventReplied(webhookEventId: string): boolean {
    return this.#events.get(webhookEventId)?.used ?? false;
  }

  #sweep(now: number): void {
    this.#issuedSinceSweep = 0;
    const ttl = this.ttlMs();
    for (const [token, t] of this.#tokens) if (now - t.issuedAt > ttl) this.#tokens.delete(token);
    for (const [id, e] of this.#events) if (now - e.eventTimestamp > REDELIVERED_TOKEN_WINDOW_MS + ttl * 2) this.#events.delete(id);
  }
}
