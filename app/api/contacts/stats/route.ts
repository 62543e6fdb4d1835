import { readFriendStats } from "@/lib/contacts/read";
import { apiRoute } from "@/lib/runtime/api-route";

/** How many friends per status, and how the follower sync with LINE is doing. */
export const GET = apiRoute({ role: "viewer" }, async ({ db, channelId }) => readFriendStats(db, { channelId }));
