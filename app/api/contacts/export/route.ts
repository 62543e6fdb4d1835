import { friendsCsvResponse } from "@/lib/contacts/export-friends";
import { friendFilterOf } from "@/lib/contacts/list-friends";
import { listFriendsQuerySchema } from "@/lib/contacts/list-friends-schema";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** The friend list (same filters as GET /api/contacts) as CSV. Personal data: operators and admins only. */
export const GET = apiRoute({ role: "operator" }, async ({ req, db, channelId, audit }) => {
  const { sort: _s, limit: _l, cursor: _c, ...query } = parseSearchParams(listFriendsQuerySchema, req);
  const filter = await friendFilterOf(db, channelId, query);
  await audit("friends.exported", null, { filter: query });
  return friendsCsvResponse(db, { channelId, filter, filename: `friends-${new Date().toISOString().slice(0, 10)}.csv` });
});
