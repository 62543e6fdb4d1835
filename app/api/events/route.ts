import { listEventItems } from "@/lib/events/event-items";
import { listEventsQuerySchema } from "@/lib/events/list-events-schema";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

export const GET = apiRoute({ role: "viewer" }, async ({ req, db, channelId }) => {
  const { minId, maxId, ...query } = parseSearchParams(listEventsQuerySchema, req);
  return listEventItems(db, {
    channelId,
    ...query,
    idRange: minId !== undefined && maxId !== undefined ? { min: minId, max: maxId } : undefined,
  });
});
