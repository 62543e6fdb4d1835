import type { Db } from "@/db/client";
import type { ConversationTarget } from "@/db/queries/conversation";
import { usableReplyEvents } from "@/db/queries/reply-tokens";
import { findSendByClientKey, SendConflictError } from "@/db/queries/sends";
import type { SendRow } from "@/db/schema/sends";
import type { Actor } from "@/lib/auth/require-actor";
import { HttpError } from "@/lib/platform/http/errors";
import type { Message } from "@/lib/line/messages/message-schema";
import type { SendBody } from "@/lib/sends/send-schemas";
import { createSend } from "./create-send";
import { replyDeadline, REPLY_MAX_EVENT_AGE_MS, REPLY_WINDOW_MS } from "./reply-window";

/**
 * A token is chosen only while this much of its minute is left: the send is stored first and a worker
 * then calls LINE, which takes a moment (more when the queue is busy). A token closer to its end would
 * likely reach LINE expired and fail, where a push with the operator's consent would have worked.
 */
export const REPLY_MARGIN_MS = 3_000;
/** Tokens tried in one request when other operators take them first. */
const CANDIDATES = 5;

export interface ConversationSendInput {
  channelId: number;
  target: ConversationTarget;
  actor: Actor;
  messages: Message[];
  notificationDisabled?: boolean;
  /** The caller's idempotency key: the same key answers the send already made for it. */
  retryKey?: string;
  /** The operator agreed to a push (monthly quota) if no reply token can be used. */
  allowPush?: boolean;
  now?: Date;
}

/**
 * Answer a friend, group or room from their conversation: with the newest reply token of theirs that
 * nobody has used and that still has time (free), or — only when the operator agreed — with a push.
 * The choice is made here, on the server: two operators answering at once each get a token of their
 * own (the second takes the next one) or are asked to agree to a push; a token is never used twice.
 */
export async function sendToConversation(db: Db, p: ConversationSendInput): Promise<{ send: SendRow; created: boolean; via: "reply" | "push" }> {
  if (p.retryKey) {
    const existing = await findSendByClientKey(db, { channelId: p.channelId, clientKey: p.retryKey });
    if (existing) return { send: existing, created: false, via: existing.kind === "reply" ? "reply" : "push" };
  }
  const base = { messages: p.messages, ...(p.notificationDisabled ? { notificationDisabled: true } : {}), ...(p.retryKey ? { retryKey: p.retryKey } : {}) };
  for (const candidate of await replyCandidates(db, p)) {
    try {
      const { send, created } = await createSend(db, {
        channelId: p.channelId,
        kind: "reply",
        body: { ...base, replyToken: candidate.replyToken } as SendBody & { replyToken: string },
        actor: p.actor,
        replyToEventId: candidate.id,
      });
      return { send, created, via: send.kind === "reply" ? "reply" : "push" };
    } catch (err) {
      // Another operator's reply took this token a moment ago: try the next one.
      if (err instanceof SendConflictError) continue;
      throw err;
    }
  }
  if (!p.allowPush) {
    throw new HttpError(
      409,
      "reply_window_closed",
      "No reply token of this chat can be used any more (LINE allows about a minute after their message). Repeat the request with allowPush: true to send a push, which counts against the monthly quota",
    );
  }
  const to = p.target.kind === "user" ? p.target.userId : p.target.chatId;
  const { send, created } = await createSend(db, { channelId: p.channelId, kind: "push", body: { ...base, to } as SendBody, actor: p.actor });
  return { send, created, via: send.kind === "reply" ? "reply" : "push" };
}

/** Until when the conversation can be answered free (the newest usable token, less the margin), or null. */
export async function conversationReplyWindow(db: Db, p: { channelId: number; target: ConversationTarget; now?: Date }): Promise<{ expiresAt: string } | null> {
  const [newest] = await replyCandidates(db, { ...p, limit: 1 });
  const deadline = newest && replyDeadline(newest);
  return deadline ? { expiresAt: new Date(deadline.getTime() - REPLY_MARGIN_MS).toISOString() } : null;
}

// Events whose token still has more than the margin left, newest first (a late redelivery's token,
// which LINE refuses after 20 minutes, ends earlier than its minute).
async function replyCandidates(db: Db, p: { channelId: number; target: ConversationTarget; now?: Date; limit?: number }) {
  const now = p.now ?? new Date();
  const rows = await usableReplyEvents(db, {
    channelId: p.channelId,
    target: p.target,
    now,
    windowMs: REPLY_WINDOW_MS - REPLY_MARGIN_MS,
    maxAgeMs: REPLY_MAX_EVENT_AGE_MS - REPLY_MARGIN_MS,
    limit: p.limit ?? CANDIDATES,
  });
  return rows.filter((r) => (replyDeadline(r)?.getTime() ?? 0) - REPLY_MARGIN_MS > now.getTime());
}
