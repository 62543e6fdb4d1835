/** LINE: a reply token works once, within about a minute of the event. */
export const REPLY_WINDOW_MS = 60_000;
/** LINE: a redelivered event gets a fresh token, but it works only while the event is at most 20 minutes old. */
export const REPLY_MAX_EVENT_AGE_MS = 20 * 60_000;

/**
 * Until when an event can be replied to, or null (no token, or a standby event): a minute after it
 * arrived, and never later than 20 minutes after it happened (a late redelivery's token is refused).
 */
export function replyDeadline(event: { replyToken: string | null; receivedAt: Date; mode: string | null; timestamp?: Date }): Date | null {
  if (!event.replyToken || event.mode === "standby") return null;
  const byArrival = event.receivedAt.getTime() + REPLY_WINDOW_MS;
  const byAge = event.timestamp ? event.timestamp.getTime() + REPLY_MAX_EVENT_AGE_MS : Infinity;
  return new Date(Math.min(byArrival, byAge));
}
