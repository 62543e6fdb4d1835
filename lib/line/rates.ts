import type { Db } from "@/db/client";
import { reserveRate } from "@/db/queries/rate-windows";
import type { ClientsFor } from "./clients";

// The console's own background calls to LINE, paced through the shared rate_windows table so every
// instance together stays inside these budgets. LINE allows 2,000/s for profiles, follower ids, group
// summaries and content, and 60/min for audiences (line-api.md §3.6); background work takes a polite
// share and leaves the rest to sending and to operators' requests.
export const LINE_BACKGROUND_RATES = {
  profile: { limit: 50, windowMs: 1000 },
  content: { limit: 100, windowMs: 1000 },
  audience: { limit: 50, windowMs: 60_000 },
  // Not background work, but paced the same way: operators' typing indicators; LINE allows 100/s.
  loading: { limit: 90, windowMs: 1000 },
};
export type LineRateClass = keyof typeof LINE_BACKGROUND_RATES;
export type LineRates = Record<LineRateClass, { limit: number; windowMs: number }>;

/** What a background job that calls LINE is built with: the clients, and (tests) other rate budgets. */
export interface LineJobOptions {
  clients: ClientsFor;
  rates?: Partial<LineRates>;
}

/** Take one request from this window, or learn when the next window starts. */
export async function reserveLineRate(
  db: Db,
  params: { channelId: number; kind: LineRateClass; rates?: Partial<LineRates>; now?: number },
): Promise<{ ok: true } | { ok: false; retryAt: Date }> {
  const { limit, windowMs } = params.rates?.[params.kind] ?? LINE_BACKGROUND_RATES[params.kind];
  const now = params.now ?? Date.now();
  const start = Math.floor(now / windowMs) * windowMs;
  // LINE counts a request when it arrives. One started in the last moments of a window may arrive in the
  // next one and push that window over; so none starts in the window's last tenth (at most 100 ms).
  const guardMs = Math.min(100, windowMs / 10);
  const ok =
    now < start + windowMs - guardMs && (await reserveRate(db, { key: `line:${params.channelId}:${params.kind}`, windowStart: new Date(start), limit }));
  // Spread the waiters over the first part of the next window instead of all at its first millisecond.
  return ok ? { ok: true } : { ok: false, retryAt: new Date(start + windowMs + Math.floor(Math.random() * Math.min(windowMs / 4, 250))) };
}

/** Time between jobs of one class so a batch comes due at its rate (enqueueJobs' spacingMs). */
export function rateSpacingMs(kind: LineRateClass, rates?: Partial<LineRates>): number {
  const { limit, windowMs } = rates?.[kind] ?? LINE_BACKGROUND_RATES[kind];
  return Math.ceil((windowMs - Math.min(100, windowMs / 10)) / limit);
}
