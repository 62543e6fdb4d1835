import { listEvents } from "@/db/queries/events";
import { encodeCursor } from "@/lib/events/cursor";
import { listEventsQuerySchema } from "@/lib/events/list-events-schema";
import { serializeEvent } from "@/lib/events/serialize";
import { apiRoute, parseSearchParams } from "@/lib/http/api-route";

export const GET = apiRoute({ role: "viewer" }, async ({ req, db, channelId }) => {
  const { minId, maxId, ...query } = parseSearchParams(listEventsQuerySchema, req);
  const page = await listEvents(db, {
    channelId,
    ...query,
    idRange: minId !== undefined && maxId !== undefined ? { min: minId, max: maxId } : undefined,
  });
  return {
    items: page.items.map(serializeEvent),
    nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null,
  };
});
