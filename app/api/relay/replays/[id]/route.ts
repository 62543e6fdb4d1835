import { readReplay } from "@/lib/relay/read";
import { relayIdParams } from "@/lib/relay/route-params";
import { apiRoute } from "@/lib/runtime/api-route";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId }) =>
  readReplay(db, { channelId, ...relayIdParams.parse(params) }),
);
