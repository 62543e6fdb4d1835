import { tagFriends } from "@/lib/contacts/tag-friends";
import { tagFriendsBodySchema } from "@/lib/contacts/tag-schema";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** Add and remove tags on up to 10,000 friends at once (one friend is a list of one). */
export const POST = apiRoute({ role: "operator" }, async ({ req, db, channelId, audit }) => {
  const body = await parseJsonBody(tagFriendsBodySchema, req);
  const result = await tagFriends(db, { channelId, ...body });
  await audit("friends.tagged", null, { friends: body.userIds.length, add: body.add, remove: body.remove, ...result });
  return result;
});
