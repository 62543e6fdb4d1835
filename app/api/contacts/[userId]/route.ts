import { readFriend } from "@/lib/contacts/read";
import { userIdParam } from "@/lib/contacts/route-params";
import { apiRoute } from "@/lib/runtime/api-route";
import { channelsVisibleTo } from "@/lib/channel/access";

/** One friend: the list's fields plus profile freshness and the groups and rooms they were seen in. */
export const GET = apiRoute<{ userId: string }>({ role: "viewer" }, async ({ params, db, channelId, actor }) =>
  readFriend(db, { channelId, userId: userIdParam(params.userId), otherChannels: await channelsVisibleTo(db, actor) }),
);
