import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { events } from "@/db/schema/webhook";

export interface TapCount {
  kind: "postback" | "message";
  key: string;
  taps: number;
  friends: number;
}

/**
 * Taps of a menu's areas as our stored events show them: postbacks (postback, date/time picker and
 * rich menu switch areas) whose `postback.data` is one of `postbackData`, and text messages equal to one
 * of `messageTexts`, from friends (only `userIds` when given), in [from, to). Both halves run along
 * events_channel_type_ts_idx, bounded by the period.
 */
export async function countRichMenuTaps(
  db: Db,
  params: { channelId: number; from: Date; to: Date; postbackData: string[]; messageTexts: string[]; userIds?: string[] },
): Promise<TapCount[]> {
  const { channelId } = params;
  const from = params.from.toISOString();
  const to = params.to.toISOString();
  const inSegment = params.userIds ? sql`and t.user_id in (select jsonb_array_elements_text(${JSON.stringify(params.userIds)}::jsonb))` : sql``;
  const result = await db.execute(sql`
    select t.kind, t.key, count(*)::int as taps, count(distinct t.user_id)::int as friends
    from (
      select 'postback' as kind, (${events.payload}::jsonb -> 'postback' ->> 'data') as key, ${events.userId} as user_id
      from ${events}
      where ${events.channelId} = ${channelId} and ${events.type} = 'postback'
        and ${events.timestamp} >= ${from}::timestamptz and ${events.timestamp} < ${to}::timestamptz
        and ${events.userId} is not null
        and (${events.payload}::jsonb -> 'postback' ->> 'data') in (select jsonb_array_elements_text(${JSON.stringify(params.postbackData)}::jsonb))
      union all
      select 'message', ${events.text}, ${events.userId}
      from ${events}
      where ${events.channelId} = ${channelId} and ${events.type} = 'message' and ${events.messageType} = 'text'
        and ${events.timestamp} >= ${from}::timestamptz and ${events.timestamp} < ${to}::timestamptz
        and ${events.userId} is not null
        and ${events.text} in (select jsonb_array_elements_text(${JSON.stringify(params.messageTexts)}::jsonb))
    ) t
    where true ${inSegment}
    group by t.kind, t.key`);
  return (result as unknown as { rows: Array<{ kind: "postback" | "message"; key: string; taps: number; friends: number }> }).rows.map((r) => ({
    kind: r.kind,
    key: r.key,
    taps: Number(r.taps),
    friends: Number(r.friends),
  }));
}
