import { countFriends } from "@/db/queries/friends";
import { apiRoute, parseJsonBody } from "@/lib/http/api-route";
import { segmentCountBodySchema, segmentToFriendFilter } from "@/lib/segments/segment-schema";

/** How many friends a filter matches right now (the segment editor's live size). Changes nothing. */
export const POST = apiRoute({ role: "viewer" }, async ({ req, db, channelId }) => {
  const { filter } = await parseJsonBody(segmentCountBodySchema, req);
  return { size: await countFriends(db, { channelId, filter: segmentToFriendFilter(filter) }) };
});
