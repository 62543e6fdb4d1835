import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { FriendStatus } from "../schema/enums";
import type { Db } from "../client";
import { sendChunks, sends } from "@/db/schema/sends";
import { events } from "../schema/webhook";
import { listColumns } from "./event-filters";

// One conversation = what a friend (or a group/room) sent — their events — and what the account sent
// them — sends. Both sides are read newest first from before a cursor, each through its own index, and
// merged by the caller (lib/contacts/conversation.ts).

/** Where the previous page stopped: `at` with microseconds (sends) or milliseconds (events). */
export interface ConversationCursor {
  at: string;
  kind: "e" | "s";
  id: string;
}

/**
 * Whose conversation: a friend (with when they were first seen and their status now, which bound the
 * broadcasts and narrowcasts shown), or a group or room.
 */
export type ConversationTarget = { kind: "user"; userId: string; since?: Date; status?: FriendStatus } | { kind: "group" | "room"; chatId: string };

export async function conversationEvents(db: Db, params: { channelId: number; target: ConversationTarget; cursor?: ConversationCursor; limit: number }) {
  const t = params.target;
  const c: SQL[] = [eq(events.channelId, params.channelId)];
  if (t.kind === "user") c.push(eq(events.userId, t.userId));
  else c.push(t.kind === "group" ? eq(events.groupId, t.chatId) : eq(events.roomId, t.chatId));
  if (params.cursor) {
    // Sends sort after events at the same instant: below a send's cursor come all events up to its time.
    const id = params.cursor.kind === "e" ? Number(params.cursor.id) : Number.MAX_SAFE_INTEGER;
    c.push(sql`(${events.timestamp}, ${events.id}) < (${params.cursor.at}::timestamptz, ${id})`);
  }
  return db
    .select(listColumns)
    .from(events)
    .where(and(...c))
    .orderBy(desc(events.timestamp), desc(events.id))
    .limit(params.limit);
}

export interface ConversationSendRow {
  id: string;
  kind: string;
  status: string;
  isTest: boolean;
  request: Record<string, unknown>;
  recipientCount: number | null;
  authorLabel: string;
  at: string;
  via: "push" | "reply" | "multicast" | "broadcast" | "narrowcast";
  replyToEventId: number | null;
  error: unknown;
  /** Broadcasts and narrowcasts: the friend's last follow/unfollow before the send, and first after it. */
  followBefore: "follow" | "unfollow" | null;
  followAfter: "follow" | "unfollow" | null;
}

/**
 * Sends that reached (or were meant for) the target: pushes to it, replies to its events, multicast
 * requests that named the user (GIN on send_chunks.recipients), and — for a friend — broadcasts and
 * narrowcasts made since they were first seen (all friends / possibly them). A broadcast or narrowcast
 * made while their follow/unfollow events say they had blocked the account (an unfollow before it, no
 * follow between) or had not added it yet (their first follow comes after it) is left out: it cannot
 * have reached them. Those events come with each row, for the caller to say how sure it can be.
 */
export async function conversationSends(db: Db, params: { channelId: number; target: ConversationTarget; cursor?: ConversationCursor; limit: number }) {
  const t = params.target;
  const target = t.kind === "user" ? t.userId : t.chatId;
  const before = params.cursor
    ? sql`and (s.created_at, s.id) < (${params.cursor.at}::timestamptz, ${params.cursor.kind === "s" ? params.cursor.id : ""})`
    : sql``;
  const page = sql`order by s.created_at desc, s.id desc limit ${params.limit}`;
  const cols = sql`s.id, s.kind, s.status, s.is_test, s.request, s.recipient_count, s.author_label, s.created_at, s.reply_to_event_id, s.error`;
  const noFollow = sql`null::text as follow_before, null::text as follow_after`;
  const repliedEvent = t.kind === "user" ? sql`e.user_id = ${target}` : t.kind === "group" ? sql`e.group_id = ${target}` : sql`e.room_id = ${target}`;

  const parts: SQL[] = [
    sql`(select ${cols}, ${noFollow}, 'push' as via from ${sends} s
         where s.channel_id = ${params.channelId} and s.kind = 'push' and (s.request->>'to') = ${target} ${before} ${page})`,
    sql`(select ${cols}, ${noFollow}, 'reply' as via from ${sends} s join ${events} e on e.id = s.reply_to_event_id and e.channel_id = s.channel_id
         where s.channel_id = ${params.channelId} and s.kind = 'reply' and ${repliedEvent} ${before} ${page})`,
  ];
  if (t.kind === "user") {
    parts.push(
      sql`(select ${cols}, ${noFollow}, 'multicast' as via from ${sends} s
           where s.channel_id = ${params.channelId} and s.kind = 'multicast'
             and s.id in (select c.send_id from ${sendChunks} c where c.recipients @> array[${target}]::text[]) ${before} ${page})`,
      sql`(select * from (
             select ${cols},
               (select f.type from follows f where f.at <= s.created_at order by f.at desc limit 1) as follow_before,
               (select f.type from follows f where f.at > s.created_at order by f.at limit 1) as follow_after,
               s.kind as via
             from ${sends} s
             where s.channel_id = ${params.channelId} and s.kind in ('broadcast', 'narrowcast') and s.status <> 'failed' and not s.is_test
               ${t.since ? sql`and s.created_at >= ${t.since.toISOString()}::timestamptz` : sql``} ${before}) b
           where b.follow_before is distinct from 'unfollow' and not (b.follow_before is null and b.follow_after is not distinct from 'follow')
           order by b.created_at desc, b.id desc limit ${params.limit})`,
    );
  }
  // A friend's follows and blocks, read once (their events, through the per-user index).
  const follows =
    t.kind === "user"
      ? sql`with follows as materialized (
          select type, timestamp as at from ${events}
          where channel_id = ${params.channelId} and user_id = ${target} and source_type = 'user' and type in ('follow', 'unfollow'))`
      : sql``;
  const result = await db.execute(sql`
    ${follows}
    select x.*, to_char(x.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
    from (${sql.join(parts, sql` union all `)}) x
    order by x.created_at desc, x.id desc limit ${params.limit}`);
  const rows = (result as unknown as { rows: Array<Record<string, unknown>> }).rows;
  return rows.map((r): ConversationSendRow => ({
    id: r.id as string,
    kind: r.kind as string,
    status: r.status as string,
    isTest: r.is_test === true,
    request: (typeof r.request === "string" ? JSON.parse(r.request) : r.request) as Record<string, unknown>,
    recipientCount: r.recipient_count == null ? null : Number(r.recipient_count),
    authorLabel: r.author_label as string,
    at: r.at as string,
    via: r.via as ConversationSendRow["via"],
    replyToEventId: r.reply_to_event_id == null ? null : Number(r.reply_to_event_id),
    error: typeof r.error === "string" ? JSON.parse(r.error) : (r.error ?? null),
    followBefore: (r.follow_before as ConversationSendRow["followBefore"]) ?? null,
    followAfter: (r.follow_after as ConversationSendRow["followAfter"]) ?? null,
  }));
}
