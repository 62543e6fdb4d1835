import { chatsOfUser } from "@/db/queries/chats";
import { getFriend } from "@/db/queries/friends";
import { tagsOfFriends } from "@/db/queries/friend-tags";
import { askProfileSoon } from "@/lib/contacts/profile-jobs";
import { userIdParam } from "@/lib/contacts/route-params";
import { serializeFriend } from "@/lib/contacts/serialize";
import { apiRoute } from "@/lib/runtime/api-route";
import { notFound } from "@/lib/platform/http/errors";

/** One friend: the list's fields plus profile freshness and the groups and rooms they were seen in. */
export const GET = apiRoute<{ userId: string }>({ role: "viewer" }, async ({ params, db, channelId }) => {
  const userId = userIdParam(params.userId);
  const friend = await getFriend(db, { channelId, userId });
  if (!friend) throw notFound("This friend");
  if (friend.profileStatus === "pending") await askProfileSoon(db, { channelId, userId });
  const [tags, chats] = [await tagsOfFriends(db, { channelId, userIds: [userId] }), await chatsOfUser(db, { channelId, userId })];
  return {
    ...serializeFriend(friend, tags.get(userId) ?? []),
    profileStatus: friend.profileStatus,
    profileFetchedAt: friend.profileFetchedAt?.toISOString() ?? null,
    statusAt: friend.statusAt?.toISOString() ?? null,
    chats: chats.map((c) => ({ chatId: c.chatId, type: c.type, name: c.name, pictureUrl: c.pictureUrl, memberCount: c.memberCount, current: c.current, joined: c.status === "joined" })),
  };
});
