import { readReplay } from "@/lib/relay/read";
import { stopReplay } from "@/lib/relay/replay";
import { relayIdParams } from "@/lib/relay/route-params";
import { apiRoute } from "@/lib/runtime/api-route";

/** Stop a replay: events not yet sent are not sent. */
export const POST = apiRoute<{ id: string }>({ role: "admin" }, async ({ params, db, channelId, audit }) => {
  const { id } = relayIdParams.parse(params);
  await stopReplay(db, { channelId, id });
  await audit("relay.replay_cancelled", String(id));
  return readReplay(db, { channelId, id });
});
