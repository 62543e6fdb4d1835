import { parseSearchParams } from "@/lib/platform/http/parse";
import { readRelayLog } from "@/lib/relay/read";
import { relayIdParams } from "@/lib/relay/route-params";
import { relayLogQuerySchema } from "@/lib/relay/schemas";
import { apiRoute } from "@/lib/runtime/api-route";

/** A destination's relay log, newest first, by outcome; `before` pages back. */
export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ req, params, db, channelId }) => {
  const { id } = relayIdParams.parse(params);
  const query = parseSearchParams(relayLogQuerySchema, req);
  return readRelayLog(db, { channelId, destinationId: id, ...query });
});
