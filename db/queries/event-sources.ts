import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "../client";
import { chats, friends } from "../schema/contacts";

export interface SourceName {
  name: string;
  pictureUrl: string | null;
}

/** Names by LINE id: people from their profiles, groups and rooms from their summaries. */
export interface SourceNames {
  users: ReadonlyMap<string, SourceName>;
  chats: ReadonlyMap<string, SourceName>;
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
          .select({ id: friends.userId, name: friends.displayName, pictureUrl: friends.pictureUrl })
          .from(friends)
          .where(and(eq(friends.channelId, params.channelId), inArray(friends.userId, userIds), isNotNull(friends.displayName))),
    chatIds.length === 0
      ? []
      : db
          .select({ id: chats.chatId, name: chats.name, pictureUrl: chats.pictureUrl })
          .from(chats)
          .where(and(eq(chats.channelId, params.channelId), inArray(chats.chatId, chatIds), isNotNull(chats.name))),
  ]);
  return { users: byId(userRows), chats: byId(chatRows) };
}

function byId(rows: Array<{ id: string; name: string | null; pictureUrl: string | null }>) {
  return new Map(rows.filter((r) => r.name).map((r) => [r.id, { name: r.name!, pictureUrl: r.pictureUrl }]));
}
