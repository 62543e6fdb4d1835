// Per-endpoint rate limits (line-api.md §3.6). Each endpoint+method has its own counter in fixed
// windows aligned to the fake clock; a client that paces itself at exactly the documented rate never
// trips it, a burst above it gets 429.
import type { RateLimit } from "../options";

type Window = { start: number; count: number };

export class RateLimiter {
  #windows = new Map<string, Window>();

  /** Counts the request; returns false if it exceeds the limit (the request is then rejected). */
  take(key: string, limit: RateLimit, now: number): boolean {
    const start = Math.floor(now / limit.windowMs) * limit.windowMs;
    let w = this.#windows.get(key);
    if (!w || w.start !== start) {
      w = { start, count: 0 };
      this.#windows.set(key, w);
    }
    if (w.count >= limit.limit) return false;
    w.count++;
    return true;
  }

  reset(): void {
    this.#windows.clear();
  }
}
