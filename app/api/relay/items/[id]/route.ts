import { readRelayItem } from "@/lib/relay/read";
import { relayItemIdParams } from "@/lib/relay/route-params";
import { apiRoute } from "@/lib/runtime/api-route";

/** One forward: its attempts, and the body it was sent with. */
export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId }) =>
  readRelayItem(db, { channelId, ...relayItemIdParams.parse(params) }),
);
