import { HTTPFetchError } from "@line/bot-sdk";
import { isHttpFetchError } from "@/lib/line/line-errors";
import type { Db } from "@/db/client";
import { getConversationSettings } from "@/db/queries/channels";
import { claimReadMark, newestReadToken, releaseReadMark } from "@/db/queries/read-marks";
import type { ClientsFor } from "@/lib/line/clients";
import { reserveLineRate } from "@/lib/line/rates";
import { log } from "@/lib/platform/log";

// What the friend sees of an operator at work, each a channel setting (off by default) and each best
// effort: LINE's loading animation while an operator types, and their messages marked as read when an
// operator opens the conversation. A failure is logged and answered, never thrown: it must not stand
// in the way of answering them.

/**
 * How long one call shows the animation (LINE: 5–60 s, a multiple of 5). The composer asks again while
 * the operator keeps typing, so it ends soon after they stop; LINE ends it at once when a message
 * from the account arrives.
 */
export const LOADING_SECONDS = 10;
/** These calls are small; a slow LINE is not waited for (a request of the operator's own is open). */
const SIGNAL_TIMEOUT_MS = 5_000;

export type SignalResult =
  { done: true } | { done: false; skipped: "off" | "nothing_new" | "busy" } | { done: false; error: { status: number | null; message: string } };

type Options = { channelId: number; userId: string; clients: ClientsFor };

/** Show LINE's loading animation in the friend's one-on-one chat (when the channel's setting is on). */
export async function showLoadingAnimation(db: Db, o: Options): Promise<SignalResult> {
  if (!(await getConversationSettings(db, { channelId: o.channelId })).loadingAnimation) return { done: false, skipped: "off" };
  if (!(await loadingSlot(db, o.channelId))) return { done: false, skipped: "busy" };
  return call("loading animation", async () => (await o.clients(o.channelId)).api.showLoadingAnimation({ chatId: o.userId, loadingSeconds: LOADING_SECONDS }));
}

/**
 * Mark the friend's messages as read with the markAsReadToken of their newest one-on-one message (LINE
 * marks it and those before it), when the channel's setting is on and it was not done already.
 */
export async function markConversationRead(db: Db, o: Options): Promise<SignalResult> {
  if (!(await getConversationSettings(db, { channelId: o.channelId })).markAsRead) return { done: false, skipped: "off" };
  const newest = await newestReadToken(db, { channelId: o.channelId, userId: o.userId });
  if (!newest) return { done: false, skipped: "nothing_new" };
  const mark = await claimReadMark(db, { channelId: o.channelId, userId: o.userId, eventId: newest.eventId });
  if (!mark.claimed) return { done: false, skipped: "nothing_new" };
  const result = await call("mark as read", async () => (await o.clients(o.channelId)).api.markMessagesAsReadByToken({ markAsReadToken: newest.token }));
  // Refused or unanswered: the mark goes back, so the next opening tries again.
  if (!result.done) await releaseReadMark(db, { channelId: o.channelId, userId: o.userId, eventId: newest.eventId, previous: mark.previous });
  return result;
}

// A slot in the shared rate window; when this one is full (or in its last tenth), the next one, which
// opens within a second: the operator is typing now, and the next try would come 8 s later.
async function loadingSlot(db: Db, channelId: number): Promise<boolean> {
  const first = await reserveLineRate(db, { channelId, kind: "loading" });
  if (first.ok) return true;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, first.retryAt.getTime() - Date.now())));
  return (await reserveLineRate(db, { channelId, kind: "loading" })).ok;
}

async function call(what: string, fn: () => Promise<unknown>): Promise<SignalResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`LINE did not answer within ${SIGNAL_TIMEOUT_MS / 1000} s`)), SIGNAL_TIMEOUT_MS))),
    ]);
    return { done: true };
  } catch (err) {
    const error = isHttpFetchError(err) ? { status: err.status, message: lineMessage(err) } : { status: null, message: (err as Error)?.message ?? String(err) };
    log().warn(
      { scope: "conversation", what, status: error.status ?? null, lineMessage: error.message },
      "best-effort call to LINE failed (nothing else affected)",
    );
    return { done: false, error };
  } finally {
    clearTimeout(timer);
  }
}

function lineMessage(err: HTTPFetchError): string {
  try {
    const body = JSON.parse(err.body) as { message?: unknown };
    if (typeof body.message === "string") return body.message;
  } catch {}
  return `${err.status} ${err.statusText}`;
}
