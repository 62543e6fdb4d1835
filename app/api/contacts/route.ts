import { readFriends } from "@/lib/contacts/read";
import { listFriendsQuerySchema } from "@/lib/contacts/list-friends-schema";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** Friends, newest activity first by default: search (names in any script, or user ids), filters, keyset pages. */
export const GET = apiRoute({ role: "viewer" }, async ({ req, db, channelId }) =>
  readFriends(db, { channelId, query: parseSearchParams(listFriendsQuerySchema, req) }),
);
