// Custom aggregation units: the unit names a channel gave its push and multicast messages, per month.
// LINE allows a limited number of different names per channel in a month (1,000 by its documentation)
// and counts again from 1 on the first day of the next month; the fake's month is UTC+9, like the quota.
import { jstMonth } from "../core/jst";

export class AggregationUnits {
  /** yyyyMM (UTC+9) → unit names in the order they were first used that month. */
  #byMonth = new Map<string, Set<string>>();

  constructor(private readonly limit: () => number) {}

  /** A send naming `unit` now fits the month's budget: the name is already used, or one more fits. */
  fits(unit: string, now: number): boolean {
    const used = this.#byMonth.get(jstMonth(now));
    return used?.has(unit) === true || (used?.size ?? 0) < this.limit();
  }

  use(unit: string, now: number): void {
    const month = jstMonth(now);
    let used = this.#byMonth.get(month);
    if (!used) {
      used = new Set();
      this.#byMonth.set(month, used);
    }
    used.add(unit);
  }

  /** The names used in the month of `now`, oldest first. */
  names(now: number): string[] {
    return [...(this.#byMonth.get(jstMonth(now)) ?? [])];
  }
}
