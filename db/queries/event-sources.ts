import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "../client";
import { chats, friends } from "../schema/contacts";

/** Names by LINE id: people from their profiles, groups and rooms from their summaries. */
export interface SourceNames {
  users: ReadonlyMap<string, string>;
  chats: ReadonlyMap<string, string>;
}

export const NO_SOURCE_NAMES: SourceNames = { users: new Map(), chats: new Map() };

/**
 * The names the console already knows for these ids (nothing is fetched from LINE here): a page of
 * events names at most a few dozen people and chats, each a primary-key lookup.
 */
export async function sourceNames(db: Db, params: { channelId: number; userIds: string[]; chatIds: string[] }): Promise<SourceNames> {
  const userIds = [...new Set(params.userIds)];
  const chatIds = [...new Set(params.chatIds)];
  const [userRows, chatRows] = await Promise.all([
    userIds.length === 0
      ? []
      : db
          .select({ id: friends.userId, name: friends.displayName })
          .from(friends)
          .where(and(eq(friends.channelId, params.channelId), inArray(friends.userId, userIds), isNotNull(friends.displayName))),
    chatIds.length === 0
      ? []
      : db
          .select({ id: chats.chatId, name: chats.name })
          .from(chats)
          .where(and(eq(chats.channelId, params.channelId), inArray(chats.chatId, chatIds), isNotNull(chats.name))),
  ]);
  return { users: byId(userRows), chats: byId(chatRows) };
}

// The queries keep named rows only; the check is for the type.
function byId(rows: Array<{ id: string; name: string | null }>) {
  return new Map(rows.flatMap((r) => (r.name ? [[r.id, r.name] as const] : [])));
}
