import type { SendRow } from "@/db/schema/sends";

// LINE's per-channel rate limits for the sending endpoints (line-api.md §3.6). The console keeps a
// little under them, so a burst at a window boundary does not earn a 429.
export const SEND_RATE_LIMITS: Record<SendRow["kind"], { limit: number; windowMs: number }> = {
  push: { limit: 1800, windowMs: 1000 },
  reply: { limit: 1800, windowMs: 1000 },
  multicast: { limit: 190, windowMs: 1000 },
  broadcast: { limit: 60, windowMs: 3_600_000 },
  narrowcast: { limit: 60, windowMs: 3_600_000 },
};

/** The current window of a channel's endpoint: LINE counts per channel, per endpoint. */
export function rateWindow(channelId: number, kind: SendRow["kind"], now = Date.now()) {
  const { limit, windowMs } = SEND_RATE_LIMITS[kind];
  const start = Math.floor(now / windowMs) * windowMs;
  return { key: `send:${channelId}:${kind}`, windowStart: new Date(start), windowEnd: new Date(start + windowMs), limit };
}
