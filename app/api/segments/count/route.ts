import { countFriends, listFriends } from "@/db/queries/friends";
import { tagsOfFriends } from "@/db/queries/friend-tags";
import { serializeFriend } from "@/lib/contacts/serialize";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { segmentCountBodySchema, segmentToFriendFilter } from "@/lib/segments/segment-schema";

/** How many friends a filter matches right now, and a few of them (the segment editor's live preview). Changes nothing. */
export const POST = apiRoute({ role: "viewer" }, async ({ req, db, channelId }) => {
  const { filter } = await parseJsonBody(segmentCountBodySchema, req);
  const friendFilter = segmentToFriendFilter(filter);
  const size = await countFriends(db, { channelId, filter: friendFilter });
  const sample = await listFriends(db, { channelId, filter: friendFilter, sort: "lastActive", limit: 8 });
  const tags = await tagsOfFriends(db, { channelId, userIds: sample.items.map((f) => f.userId) });
  return { size, sample: sample.items.map((f) => serializeFriend(f, tags.get(f.userId) ?? [])) };
});
