/** LINE: a reply token works once, within about a minute of the event. */
export const REPLY_WINDOW_MS = 60_000;

/** Until when an event can be replied to, or null (no token, or a standby event). */
export function replyDeadline(event: { replyToken: string | null; receivedAt: Date; mode: string | null }): Date | null {
  if (!event.replyToken || event.mode === "standby") return null;
  return new Date(event.receivedAt.getTime() + REPLY_WINDOW_MS);
}
