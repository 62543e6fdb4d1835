// How worried an operator should be about the webhook. LINE gives up on a request after 2 s (and then
// counts it as a failure or redelivers it), so latency is judged against that budget.

export const LINE_TIMEOUT_MS = 2000;

export type HealthLevel = "good" | "warn" | "bad" | "unknown";

/** p99 within a quarter of the budget is comfortable; past half of it, a slow moment means timeouts. */
export function latencyHealth(p99Ms: number | null): HealthLevel {
  if (p99Ms == null) return "unknown";
  if (p99Ms <= LINE_TIMEOUT_MS * 0.25) return "good";
  if (p99Ms <= LINE_TIMEOUT_MS * 0.5) return "warn";
  return "bad";
}

/** Share of requests answered with anything but 2xx. */
export function errorRate(deliveries: number, failed: number): number | null {
  return deliveries > 0 ? failed / deliveries : null;
}

export function errorRateHealth(rate: number | null): HealthLevel {
  if (rate == null) return "unknown";
  if (rate < 0.01) return "good";
  if (rate < 0.05) return "warn";
  return "bad";
}

const order: HealthLevel[] = ["unknown", "good", "warn", "bad"];

export function worstHealth(...levels: HealthLevel[]): HealthLevel {
  return levels.reduce((worst, l) => (order.indexOf(l) > order.indexOf(worst) ? l : worst), "unknown");
}

/**
 * Hourly buckets from the hour 24 h ago to the current hour (25 of them, both ends partial): the same
 * hours the overview's 24-hour totals count, so the chart adds up to them. Missing hours count zero.
 */
export function hourlyBuckets(hours: Array<{ hour: string; count: number }>, now: Date): Array<{ hour: Date; count: number }> {
  const current = Math.floor(now.getTime() / 3_600_000) * 3_600_000;
  const counts = new Map(hours.map((h) => [Date.parse(h.hour), h.count]));
  return Array.from({ length: 25 }, (_, i) => {
    const at = current - (24 - i) * 3_600_000;
    return { hour: new Date(at), count: counts.get(at) ?? 0 };
  });
}
