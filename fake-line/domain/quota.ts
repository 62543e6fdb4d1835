// The monthly message quota. Push, multicast, broadcast and narrowcast consume one per delivered
// recipient; reply is free. Narrowcast reserves its recipients when it starts sending, so concurrent
// requests cannot overdraw the quota. Usage resets when a new month starts in UTC+9.
import type { Clock } from "../core/clock";
import { jstMonth } from "../core/jst";

export class Quota {
  #used = 0;
  #reserved = 0;
  #month: string;

  constructor(
    private readonly limit: () => number | "none",
    private readonly clock: Clock,
  ) {
    this.#month = jstMonth(clock.now());
  }

  get type(): "none" | "limited" {
    return this.limit() === "none" ? "none" : "limited";
  }

  totalUsage(): number {
    this.#rollover();
    return this.#used;
  }

  remaining(): number {
    this.#rollover();
    const limit = this.limit();
    if (limit === "none") return Number.POSITIVE_INFINITY;
    return Math.max(0, limit - this.#used - this.#reserved);
  }

  canCover(count: number): boolean {
    return count <= this.remaining();
  }

  consume(count: number): void {
    this.#rollover();
    this.#used += count;
  }

  reserve(count: number): void {
    this.#reserved += count;
  }

  /** Turns reserved units into usage (delivered) or gives them back (not delivered). */
  settle(delivered: number, released: number): void {
    this.#rollover();
    this.#reserved = Math.max(0, this.#reserved - delivered - released);
    this.#used += delivered;
  }

  /** Control API: pretend the account already used this much this month. */
  setUsage(used: number): void {
    this.#rollover();
    this.#used = Math.max(0, Math.floor(used));
  }

  #rollover(): void {
    const month = jstMonth(this.clock.now());
    if (month !== this.#month) {
      this.#month = month;
      this.#used = 0;
    }
  }
}
