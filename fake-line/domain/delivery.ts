// Turns accepted message objects into delivered messages: assigns message ids (and quote tokens for
// quotable types), writes inbox entries and counts them in the per-day statistics.
import { opaqueToken } from "../core/ids";
import type { Platform } from "../platform";
import type { DeliveredMessage, InboxEntry, SendKind } from "./inboxes";
import type { SentMessage } from "./retry-keys";

// Message types that can be quoted later, so LINE returns a quoteToken for them (push and reply only).
const QUOTABLE = new Set(["text", "textV2", "sticker", "image", "video"]);

export function prepareMessages(platform: Platform, kind: SendKind, messages: Record<string, unknown>[]): DeliveredMessage[] {
  const withQuote = kind === "push" || kind === "reply";
  return messages.map((message) => {
    const delivered: DeliveredMessage = { id: platform.nextMessageId(), message };
    if (withQuote && QUOTABLE.has(String(message.type))) delivered.quoteToken = opaqueToken();
    return delivered;
  });
}

export function sentMessages(messages: DeliveredMessage[]): SentMessage[] {
  return messages.map((m) => (m.quoteToken ? { id: m.id, quoteToken: m.quoteToken } : { id: m.id }));
}

/** Writes one shared inbox entry into every chat in `chatIds` (ending a loading animation there). */
export function deliverTo(platform: Platform, chatIds: Iterable<string>, entry: InboxEntry): number {
  let count = 0;
  for (const chatId of chatIds) {
    platform.inboxes.add(chatId, entry);
    platform.chatScreens.messageArrived(chatId);
    count++;
  }
  return count;
}

export function inboxEntry(platform: Platform, requestId: string, kind: SendKind, messages: DeliveredMessage[], notificationDisabled: boolean): InboxEntry {
  return { requestId, kind, messages, notificationDisabled, sentAt: new Date(platform.clock.now()).toISOString() };
}

/** Friends, and non-friends who wrote to the account within 7 days, can receive push messages. */
export function canReceivePush(platform: Platform, userId: string): boolean {
  const user = platform.world.user(userId);
  if (!user) return false;
  if (user.status === "following") return true;
  if (user.status === "blocked" || user.lastMessagedAt === null) return false;
  return platform.clock.now() - user.lastMessagedAt < 7 * 24 * 60 * 60 * 1000;
}
