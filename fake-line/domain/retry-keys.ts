// X-Line-Retry-Key memory: a key accepted once is answered with 409 for 24 hours. A key is held
// ("pending") while its first request runs so a concurrent duplicate also gets 409, and released
// again if that request fails (a request that errors does not consume its key).
export type SentMessage = { id: string; quoteToken?: string };

export type AcceptedKey = { requestId: string; acceptedAt: number; sentMessages?: SentMessage[] };

type Entry = { state: "pending"; requestId: string; since: number } | ({ state: "accepted" } & AcceptedKey);

const MAX_KEYS = 200_000;

export class RetryKeys {
  #keys = new Map<string, Entry>();

  constructor(private readonly ttlMs: () => number) {}

  lookup(key: string, now: number): Entry | undefined {
    const entry = this.#keys.get(key);
    if (!entry) return undefined;
    const since = entry.state === "accepted" ? entry.acceptedAt : entry.since;
    if (now - since >= this.ttlMs()) {
      this.#keys.delete(key);
      return undefined;
    }
    return entry;
  }

  hold(key: string, requestId: string, now: number): void {
    this.#keys.set(key, { state: "pending", requestId, since: now });
    if (this.#keys.size > MAX_KEYS) this.#sweep(now);
  }

  accept(key: string, accepted: AcceptedKey): void {
    this.#keys.set(key, { state: "accepted", ...accepted });
  }

  release(key: string): void {
    if (this.#keys.get(key)?.state === "pending") this.#keys.delete(key);
  }

  get size(): number {
    return this.#keys.size;
  }

  #sweep(now: number): void {
    for (const [key, entry] of this.#keys) {
      const since = entry.state === "accepted" ? entry.acceptedAt : entry.since;
      if (now - since >= this.ttlMs()) this.#keys.delete(key);
    }
    // Still too many (a flood of fresh keys): forget the oldest, as a bounded cache must.
    for (const key of this.#keys.keys()) {
      if (this.#keys.size <= MAX_KEYS) break;
      this.#keys.delete(key);
    }
  }
}
