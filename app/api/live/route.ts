import { actorStillAllowed } from "@/lib/auth/require-actor";
import { liveStreamResponse } from "@/lib/platform/live/live-stream";
import { apiRoute } from "@/lib/runtime/api-route";

export const dynamic = "force-dynamic";

/** Server-sent events: "stored" when new deliveries/events are committed, "resync" after a gap. */
export const GET = apiRoute({ role: "viewer" }, async ({ req, db, channelId, actor, runtime }) =>
  liveStreamResponse({ hub: runtime.live, channelId, holderId: actor.id, stillAllowed: () => actorStillAllowed(db, actor), signal: req.signal }),
);
