import type { Db } from "@/db/client";
import { addTag, removeTag } from "@/db/queries/friend-tags";
import type { TagFriendsBody } from "./tag-schema";

/** Apply a bulk tagging: answers how many friends gained and lost a tag, per tag. */
export async function tagFriends(db: Db, params: { channelId: number } & TagFriendsBody) {
  const userIds = [...new Set(params.userIds)];
  const added: Record<string, number> = {};
  const removed: Record<string, number> = {};
  for (const tag of new Set(params.add)) added[tag] = await addTag(db, { channelId: params.channelId, tag, userIds });
  for (const tag of new Set(params.remove)) removed[tag] = await removeTag(db, { channelId: params.channelId, tag, userIds });
  return { added, removed };
}
