import { actorStillAllowed } from "@/lib/auth/require-actor";
import { apiRoute } from "@/lib/platform/http/api-route";
import { getLiveHub } from "@/lib/platform/live/hub";
import { liveStreamResponse } from "@/lib/platform/live/live-stream";

export const dynamic = "force-dynamic";

/** Server-sent events: "stored" when new deliveries/events are committed, "resync" after a gap. */
export const GET = apiRoute({ role: "viewer" }, async ({ req, channelId, actor }) => {
  const hub = await getLiveHub();
  return liveStreamResponse({ hub, channelId, holderId: actor.id, stillAllowed: () => actorStillAllowed(actor), signal: req.signal });
});
