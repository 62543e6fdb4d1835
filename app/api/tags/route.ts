import { listTags } from "@/db/queries/friend-tags";
import { apiRoute } from "@/lib/runtime/api-route";

/** The tags in use, with how many friends carry each, most used first. */
export const GET = apiRoute({ role: "viewer" }, async ({ db, channelId }) => {
  return { items: await listTags(db, { channelId }) };
});
