import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";

// What one channel holds, read straight from the database: every row of every table with a channel_id
// (found in the catalogue, so a table added later is included), the rows that hang off them, and the
// channel's members and keys. Tests compare two readings to prove nothing of a channel was changed, and
// scan answers for the channel's distinctive values to prove nothing of it was read.

/** Every row of the channel, per table, as sorted JSON lines (comparable with toEqual). */
export async function channelRows(db: Db, channelId: number): Promise<Record<string, string[]>> {
  const tables = await selectRows<{ table_name: string }>(
    db,
    sql`select c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
      where c.column_name = 'channel_id' and c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      order by 1`,
  );
  const out: Record<string, string[]> = {};
  for (const { table_name } of tables) out[table_name] = await lines(db, sql`select * from ${sql.identifier(table_name)} where channel_id = ${channelId}`);
  const members = sql`select user_id from channel_members where channel_id = ${channelId} and role <> 'admin'`;
  Object.assign(out, {
    channels: await lines(db, sql`select * from channels where id = ${channelId}`),
    send_chunks: await lines(db, sql`select * from send_chunks where send_id in (select id from sends where channel_id = ${channelId})`),
    send_attempts: await lines(db, sql`select * from send_attempts where send_id in (select id from sends where channel_id = ${channelId})`),
    relay_attempts: await lines(db, sql`select * from relay_attempts where item_id in (select id from relay_items where channel_id = ${channelId})`),
    api_keys: await lines(db, sql`select * from api_keys where ${channelId} = any(channel_ids)`),
    invitations: await lines(db, sql`select * from invitations where ${channelId} = any(channel_ids)`),
    // The channel's own members (those of no other channel): their accounts, sessions and reset links.
    user: await lines(db, sql`select * from "user" where id in (${members}) and role <> 'admin'`),
    session: await lines(db, sql`select * from session where user_id in (${members})`),
    password_resets: await lines(db, sql`select * from password_resets where user_id in (${members})`),
  });
  return out;
}

/**
 * The channel's distinctive values — user, chat, message and webhook event ids, names, titles, labels,
 * ids of what was made in it — that must appear in no answer about another channel.
 */
export async function channelMarkers(db: Db, channelId: number): Promise<string[]> {
  const id = channelId;
  const found = await selectRows<{ v: string | null }>(
    db,
    sql`select user_id as v from friends where channel_id = ${id}
      union select display_name from friends where channel_id = ${id}
      union select chat_id from chats where channel_id = ${id}
      union select name from chats where channel_id = ${id}
      union select webhook_event_id from events where channel_id = ${id}
      union select message_id from events where channel_id = ${id}
      union select text from events where channel_id = ${id}
      union select user_id from events where channel_id = ${id}
      union select group_id from events where channel_id = ${id}
      union select id from webhook_deliveries where channel_id = ${id}
      union select id::text from sends where channel_id = ${id}
      union select id from campaigns where channel_id = ${id}
      union select aggregation_unit from campaigns where channel_id = ${id}
      union select id from rich_menus where channel_id = ${id}
      union select name from rich_menus where channel_id = ${id}
      union select line_rich_menu_id from rich_menus where channel_id = ${id}
      union select alias_id from rich_menus where channel_id = ${id}
      union select id from tabbed_menus where channel_id = ${id}
      union select name from tabbed_menus where channel_id = ${id}
      union select id from rich_menu_link_runs where channel_id = ${id}
      union select id::text from segments where channel_id = ${id}
      union select name from segments where channel_id = ${id}
      union select id::text from audiences where channel_id = ${id}
      union select description from audiences where channel_id = ${id}
      union select id::text from drafts where channel_id = ${id}
      union select title from drafts where channel_id = ${id}
      union select id::text from test_recipients where channel_id = ${id}
      union select label from test_recipients where channel_id = ${id}
      union select name from relay_destinations where channel_id = ${id}
      union select url from relay_destinations where channel_id = ${id}
      union select name from tags where channel_id = ${id}
      union select slug from channels where id = ${id}
      union select name from channels where id = ${id}
      union select line_channel_id from channels where id = ${id}
      union select bot_user_id from channels where id = ${id}
      union select basic_id from channels where id = ${id}`,
  );
  return found.map((r) => r.v).filter((v): v is string => typeof v === "string" && v.trim().length >= 4);
}

async function lines(db: Db, query: SQL): Promise<string[]> {
  // bigint columns come back as BigInt from PGlite.
  return (await selectRows<Record<string, unknown>>(db, query))
    .map((r) => JSON.stringify(r, (_, v: unknown) => (typeof v === "bigint" ? String(v) : v)))
    .sort();
}

/** The rows of a raw query, whichever driver ran it. */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
