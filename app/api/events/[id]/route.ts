import { eventIdParams } from "@/lib/events/list-events-schema";
import { readEvent } from "@/lib/events/read";
import { apiRoute } from "@/lib/runtime/api-route";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId }) =>
  readEvent(db, { channelId, ...eventIdParams.parse(params) }),
);
