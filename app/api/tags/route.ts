import { readTags } from "@/lib/contacts/read";
import { apiRoute } from "@/lib/runtime/api-route";

/** The tags in use, with how many friends carry each, most used first. */
export const GET = apiRoute({ role: "viewer" }, async ({ db, channelId }) => readTags(db, { channelId }));
