import { readEvents } from "@/lib/events/read";
import { listEventsQuerySchema } from "@/lib/events/list-events-schema";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** The timeline: newest first, filtered, keyset pages (the page /events reads the same way). */
export const GET = apiRoute({ role: "viewer" }, async ({ req, db, channelId }) =>
  readEvents(db, { channelId, query: parseSearchParams(listEventsQuerySchema, req) }),
);
