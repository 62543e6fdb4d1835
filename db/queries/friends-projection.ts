import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { chatMembers, chats, friends, NEVER_ACTIVE } from "../schema/contacts";
import { media } from "../schema/media";
import { events } from "../schema/webhook";
import { NO_NAME } from "./friends";

// The SQL of the friends projection (lib/contacts/friends-projection.ts explains the reading rules),
// and the changes it writes (what lib/events/types/contacts.ts makes of a batch of events).

export interface ProjectedEvent {
  id: number;
  channelId: number;
  type: string;
  messageType: string | null;
  messageId: string | null;
  sourceType: string | null;
  userId: string | null;
  groupId: string | null;
  roomId: string | null;
  timestamp: Date;
  joinedMembers: unknown;
  leftMembers: unknown;
  contentProvider: string | null;
  fileName: string | null;
}

export interface FriendChange {
  channelId: number;
  userId: string;
  firstSeen: Date;
  /** Latest event they did (null: only seen, e.g. added to a group by someone else). */
  lastActive: Date | null;
  status: "friend" | "blocked" | null;
  statusAt: Date | null;
  /** They (re)added the account: their profile is worth asking for again. */
  followed: boolean;
}

export interface ChatChange {
  channelId: number;
  chatId: string;
  type: "group" | "room";
  firstSeen: Date;
  lastActive: Date;
  status: "joined" | "left" | null;
  statusAt: Date | null;
  /** Joined, or members came or went: name, picture and member count are worth asking for again. */
  refresh: boolean;
}

export interface MemberChange {
  channelId: number;
  chatId: string;
  userId: string;
  firstSeen: Date;
  lastSeen: Date;
  leftAt: Date | null;
}

export interface MediaItem {
  channelId: number;
  messageId: string;
  eventId: number;
  messageType: "image" | "video" | "audio" | "file";
  userId: string | null;
  chatId: string | null;
  external: boolean;
  fileName: string | null;
}

/** The highest event id handed out so far, committed or not (sequences are not transactional). */
export async function lastAllocatedEventId(db: Db): Promise<number> {
  const result = await db.execute(sql`select coalesce(pg_sequence_last_value(pg_get_serial_sequence('events', 'id')::regclass), 0)::text as id`);
  return Number((result as unknown as { rows: Array<{ id: string }> }).rows[0]?.id ?? 0);
}

/**
 * Transaction ids of the current snapshot: every transaction below xmin has finished; xmax is the
 * next id to be handed out. As BigInt (xid8 is 64-bit).
 */
export async function currentSnapshot(db: Db): Promise<{ xmin: bigint; xmax: bigint }> {
  const result = await db.execute(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin, pg_snapshot_xmax(pg_current_snapshot())::text as xmax`);
  const row = (result as unknown as { rows: Array<{ xmin: string; xmax: string }> }).rows[0]!;
  return { xmin: BigInt(row.xmin), xmax: BigInt(row.xmax) };
}

/** Events after `after` up to `upTo`, in id order: only the fields the projection reads. */
export async function eventsForProjection(db: Db, params: { after: number; upTo: number; limit: number }): Promise<ProjectedEvent[]> {
  const result = await db.execute(sql`
    select id, channel_id, type, message_type, message_id, source_type, user_id, group_id, room_id, "timestamp",
      -- payload is json (text): each -> parses the whole event again, so only the events that have
      -- those fields are opened (a text message is not; 500 of them took 30 ms that held the database).
      case when type = 'memberJoined' then payload->'joined'->'members' end as joined,
      case when type = 'memberLeft' then payload->'left'->'members' end as left_members,
      case when type = 'message' and message_type in ('image', 'video', 'audio') then payload->'message'->'contentProvider'->>'type' end as provider,
      case when type = 'message' and message_type = 'file' then payload->'message'->>'fileName' end as file_name
    from ${events} where id > ${params.after} and id <= ${params.upTo} order by id limit ${params.limit}`);
  const rows = (result as unknown as { rows: Array<Record<string, unknown>> }).rows;
  return rows.map((r) => ({
    id: Number(r.id),
    channelId: Number(r.channel_id),
    type: r.type as string,
    messageType: (r.message_type as string | null) ?? null,
    messageId: (r.message_id as string | null) ?? null,
    sourceType: (r.source_type as string | null) ?? null,
    userId: (r.user_id as string | null) ?? null,
    groupId: (r.group_id as string | null) ?? null,
    roomId: (r.room_id as string | null) ?? null,
    timestamp: new Date(r.timestamp as string),
    joinedMembers: json(r.joined),
    leftMembers: json(r.left_members),
    contentProvider: (r.provider as string | null) ?? null,
    fileName: (r.file_name as string | null) ?? null,
  }));
}

/**
 * New friends are inserted, known ones merged (earliest first seen, latest activity, newest status), in
 * one statement: ON CONFLICT also merges a row another writer (the follower sync, a profile) inserted a
 * moment ago, which a separate INSERT then UPDATE could miss. "Last active" may lag by up to a minute
 * (see the WHERE below).
 */
export async function applyFriendChanges(db: Db, changes: FriendChange[]) {
  if (changes.length === 0) return;
  const input = JSON.stringify(
    changes.map((c) => ({
      channel_id: c.channelId,
      user_id: c.userId,
      first_seen: iso(c.firstSeen),
      last_active: iso(c.lastActive),
      status: c.status,
      status_at: iso(c.statusAt),
    })),
  );
  // A change without a status carries no status_at either; that is how the merge tells "unchanged".
  await db.execute(sql`
    insert into ${friends} as f (channel_id, user_id, status, status_at, first_seen_at, last_active_at, name_key)
    select x.channel_id, x.user_id, coalesce(x.status, 'unknown'), case when x.status is not null then x.status_at end, x.first_seen,
      coalesce(x.last_active, ${NEVER_ACTIVE.toISOString()}::timestamptz), ${NO_NAME}
    from json_to_recordset(${input}::json) as x(channel_id int, user_id text, first_seen timestamptz, last_active timestamptz, status text, status_at timestamptz)
    on conflict (channel_id, user_id) do update set
      first_seen_at = least(f.first_seen_at, excluded.first_seen_at),
      last_active_at = greatest(f.last_active_at, excluded.last_active_at),
      status = case when excluded.status_at is not null and (f.status_at is null or excluded.status_at >= f.status_at) then excluded.status else f.status end,
      status_at = case when excluded.status_at is not null and (f.status_at is null or excluded.status_at >= f.status_at) then excluded.status_at else f.status_at end,
      updated_at = now()
    -- Rewriting a friend's row touches all eight of its indexes (the search index too): skip it when
    -- the change is only a minute or less of "last active" (a busy chat would rewrite it every message).
    where excluded.first_seen_at < f.first_seen_at
      or excluded.last_active_at > f.last_active_at + interval '1 minute'
      or (excluded.status_at is not null and (f.status_at is null or excluded.status_at >= f.status_at)
        and (excluded.status is distinct from f.status or excluded.status_at is distinct from f.status_at))`);
}

/** Same for chats. */
export async function applyChatChanges(db: Db, changes: ChatChange[]) {
  if (changes.length === 0) return;
  const input = JSON.stringify(
    changes.map((c) => ({
      channel_id: c.channelId,
      chat_id: c.chatId,
      type: c.type,
      first_seen: iso(c.firstSeen),
      last_active: iso(c.lastActive),
      status: c.status,
      status_at: iso(c.statusAt),
    })),
  );
  await db.execute(sql`
    insert into ${chats} as c (channel_id, chat_id, type, status, status_at, first_seen_at, last_active_at)
    select x.channel_id, x.chat_id, x.type, coalesce(x.status, 'joined'), case when x.status is not null then x.status_at end, x.first_seen, x.last_active
    from json_to_recordset(${input}::json) as x(channel_id int, chat_id text, type text, first_seen timestamptz, last_active timestamptz, status text, status_at timestamptz)
    on conflict (channel_id, chat_id) do update set
      first_seen_at = least(c.first_seen_at, excluded.first_seen_at),
      last_active_at = greatest(c.last_active_at, excluded.last_active_at),
      status = case when excluded.status_at is not null and (c.status_at is null or excluded.status_at >= c.status_at) then excluded.status else c.status end,
      status_at = case when excluded.status_at is not null and (c.status_at is null or excluded.status_at >= c.status_at) then excluded.status_at else c.status_at end,
      updated_at = now()`);
}

export async function applyMemberChanges(db: Db, changes: MemberChange[]) {
  if (changes.length === 0) return;
  const input = JSON.stringify(
    changes.map((m) => ({
      channel_id: m.channelId,
      chat_id: m.chatId,
      user_id: m.userId,
      first_seen: iso(m.firstSeen),
      last_seen: iso(m.lastSeen),
      left_at: iso(m.leftAt),
    })),
  );
  await db.execute(sql`
    insert into ${chatMembers} (channel_id, chat_id, user_id, first_seen_at, last_seen_at, left_at)
    select x.channel_id, x.chat_id, x.user_id, x.first_seen, x.last_seen, x.left_at
    from json_to_recordset(${input}::json) as x(channel_id int, chat_id text, user_id text, first_seen timestamptz, last_seen timestamptz, left_at timestamptz)
    on conflict (channel_id, chat_id, user_id) do update set
      first_seen_at = least(${chatMembers.firstSeenAt}, excluded.first_seen_at),
      last_seen_at = greatest(${chatMembers.lastSeenAt}, excluded.last_seen_at),
      left_at = greatest(${chatMembers.leftAt}, excluded.left_at)`);
}

/** Media rows for content messages, once per message. */
export async function insertMedia(db: Db, items: MediaItem[]) {
  if (items.length === 0) return;
  await db
    .insert(media)
    .values(
      items.map((m) => ({
        channelId: m.channelId,
        messageId: m.messageId,
        eventId: m.eventId,
        messageType: m.messageType,
        userId: m.userId,
        chatId: m.chatId,
        status: m.external ? ("external" as const) : ("pending" as const),
        fileName: m.fileName,
      })),
    )
    .onConflictDoNothing();
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

// node-postgres parses json columns; PGlite too, but be lenient with text.
function json(v: unknown): unknown {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return null;
  }
}
