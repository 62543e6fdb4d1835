import type { Db } from "@/db/client";
import { conversationEvents, conversationSends, type ConversationCursor, type ConversationSendRow, type ConversationTarget } from "@/db/queries/conversation";
import { mediaOfMessages } from "@/db/queries/media";
import { serializeEvent, type EventItem } from "@/lib/events/serialize";
import { conversationReplyWindow } from "@/lib/sends/conversation-send";
import { isStorableDate } from "@/lib/utils/storable-date";

export type MediaInfo = Awaited<ReturnType<typeof mediaOfMessages>>[number];

export type ConversationItem = { type: "event"; at: string; event: EventItem; media: MediaInfo | null } | { type: "send"; at: string; send: ConversationSend };

export interface ConversationSend {
  id: string;
  kind: string;
  status: string;
  isTest: boolean;
  /** How it reached them: sent to them (push, reply), named in a multicast, or to everyone / targeted. */
  via: ConversationSendRow["via"];
  messages: unknown[];
  recipientCount: number | null;
  author: string;
  replyToEventId: string | null;
  segment: { id: string; name: string } | null;
  /** Why it failed, as stored (LINE's status, message and our reason). */
  error: { status?: number | null; message?: string | null; reason?: string | null } | null;
  /**
   * Whether it reached this friend, where the console cannot take LINE's acceptance for it: a
   * broadcast reached them if they were a friend then ("delivered"), and a narrowcast is never known
   * (LINE chooses by attributes it keeps to itself) — "unknown". Null for sends addressed to them.
   */
  reach: "delivered" | "unknown" | null;
}

/**
 * A page of a conversation, newest first (the UI shows it bottom-up, like a chat): the target's events
 * and the sends that reached it, merged in time order; `nextCursor` continues with older items.
 */
export async function conversationPage(db: Db, params: { channelId: number; target: ConversationTarget; cursor?: ConversationCursor; limit: number }) {
  const target = params.target;
  const [eventRows, sendRows] = [
    await conversationEvents(db, { ...params, limit: params.limit + 1 }),
    await conversationSends(db, { ...params, limit: params.limit + 1 }),
  ];
  const merged: Array<{ key: [string, "e" | "s", string]; item: () => ConversationItem }> = [];
  const mediaByMessage = new Map(
    (await mediaOfMessages(db, { channelId: params.channelId, messageIds: eventRows.flatMap((e) => (e.messageId ? [e.messageId] : [])) })).map((m) => [
      m.messageId,
      m,
    ]),
  );
  for (const e of eventRows) {
    const at = micros(e.timestamp);
    merged.push({
      key: [at, "e", String(e.id)],
      item: () => ({ type: "event", at, event: serializeEvent(e), media: (e.messageId && mediaByMessage.get(e.messageId)) || null }),
    });
  }
  for (const s of sendRows) merged.push({ key: [s.at, "s", s.id], item: () => ({ type: "send", at: s.at, send: serializeSend(s, target) }) });
  merged.sort((a, b) => compareKeys(b.key, a.key));

  const page = merged.slice(0, params.limit);
  const last = page.at(-1);
  const nextCursor: ConversationCursor | null = merged.length > params.limit && last ? { at: last.key[0], kind: last.key[1], id: last.key[2] } : null;
  // The first page also says until when an answer is a free reply (the composer's countdown).
  const replyWindow = params.cursor ? undefined : await conversationReplyWindow(db, { channelId: params.channelId, target });
  return { items: page.map((m) => m.item()), nextCursor, ...(replyWindow !== undefined ? { replyWindow } : {}) };
}

export function encodeConversationCursor(c: ConversationCursor): string {
  return Buffer.from(`${c.at}|${c.kind}|${c.id}`).toString("base64url");
}

export function decodeConversationCursor(s: string): ConversationCursor | null {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3,6}Z)\|(?:e\|(\d{1,15})|s\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))$/.exec(
    Buffer.from(s, "base64url").toString("utf8"),
  );
  // The time goes to the database as this text: it must be one it reads (a real day, years 1 to 9999).
  const at = m ? new Date(m[1]!) : null;
  if (!m || !at || !isStorableDate(at) || at.toISOString().slice(0, 10) !== m[1]!.slice(0, 10)) return null;
  return m[2] ? { at: m[1]!, kind: "e", id: m[2] } : { at: m[1]!, kind: "s", id: m[3]! };
}

function serializeSend(s: ConversationSendRow, target: ConversationTarget): ConversationSend {
  const segment = s.request.segment as { id?: string; name?: string } | undefined;
  return {
    id: s.id,
    kind: s.kind,
    status: s.status,
    isTest: s.isTest,
    via: s.via,
    messages: Array.isArray(s.request.messages) ? s.request.messages : [],
    recipientCount: s.recipientCount,
    author: s.authorLabel,
    replyToEventId: s.replyToEventId === null ? null : String(s.replyToEventId),
    segment: segment?.id ? { id: segment.id, name: segment.name ?? "" } : null,
    error: (s.error as ConversationSend["error"]) ?? null,
    reach: reachOf(s, target),
  };
}

// A broadcast reached a friend who was one when it was sent: their last follow before it, a block
// after it (only a friend can block), or — with no such event at all — their being a friend now.
function reachOf(s: ConversationSendRow, target: ConversationTarget): ConversationSend["reach"] {
  if (s.via === "narrowcast") return "unknown";
  if (s.via !== "broadcast") return null;
  const wasFriend =
    s.followBefore === "follow" ||
    (s.followBefore === null && s.followAfter === "unfollow") ||
    (s.followBefore === null && s.followAfter === null && target.kind === "user" && target.status === "friend");
  return wasFriend ? "delivered" : "unknown";
}

// Event times have milliseconds, send times microseconds: both as fixed-width ISO so they sort as text.
function micros(d: Date): string {
  return d.toISOString().replace("Z", "000Z");
}

function compareKeys(a: [string, string, string], b: [string, string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  if (a[1] === "e") return Number(a[2]) - Number(b[2]);
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}
