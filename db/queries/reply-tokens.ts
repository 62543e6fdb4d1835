import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { sends } from "@/db/schema/sends";
import { events } from "../schema/webhook";
import type { ConversationTarget } from "./conversation";

export interface ReplyCandidate {
  id: number;
  replyToken: string;
  receivedAt: Date;
  timestamp: Date;
  mode: string | null;
}

/**
 * A conversation's events whose reply token may still work, newest arrival first: received within
 * `windowMs` of `now`, at most `maxAgeMs` old, not standby, and no send made with it yet (the unique
 * reply index on sends is what makes "unused" hold between two operators). A friend's conversation
 * takes only their one-on-one events: a token from a group they wrote in would answer in that group.
 */
export async function usableReplyEvents(
  db: Db,
  params: { channelId: number; target: ConversationTarget; now: Date; windowMs: number; maxAgeMs: number; limit: number },
) {
  const t = params.target;
  const who =
    t.kind === "user"
      ? sql`e.user_id = ${t.userId} and e.source_type = 'user'`
      : t.kind === "group"
        ? sql`e.group_id = ${t.chatId}`
        : sql`e.room_id = ${t.chatId}`;
  const now = params.now.getTime();
  const result = await db.execute(sql`
    select e.id, e.reply_token, e.received_at, e.timestamp, e.mode
    from ${events} e
    where e.channel_id = ${params.channelId} and ${who}
      and e.timestamp > ${new Date(now - params.maxAgeMs).toISOString()}::timestamptz
      and e.received_at > ${new Date(now - params.windowMs).toISOString()}::timestamptz
      and e.reply_token is not null and e.mode is distinct from 'standby'
      and not exists (select 1 from ${sends} s where s.channel_id = e.channel_id and s.reply_to_event_id = e.id)
    order by e.received_at desc, e.id desc
    limit ${params.limit}`);
  const rows = (result as unknown as { rows: Array<Record<string, unknown>> }).rows;
  return rows.map((r): ReplyCandidate => ({
    id: Number(r.id),
    replyToken: r.reply_token as string,
    receivedAt: new Date(r.received_at as string),
    timestamp: new Date(r.timestamp as string),
    mode: (r.mode as string | null) ?? null,
  }));
}
