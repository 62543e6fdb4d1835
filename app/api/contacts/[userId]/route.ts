import { readFriend } from "@/lib/contacts/read";
import { userIdParam } from "@/lib/contacts/route-params";
import { apiRoute } from "@/lib/runtime/api-route";

/** One friend: the list's fields plus profile freshness and the groups and rooms they were seen in. */
export const GET = apiRoute<{ userId: string }>({ role: "viewer" }, async ({ params, db, channelId }) =>
  readFriend(db, { channelId, userId: userIdParam(params.userId) }),
);
