import { parseJsonBody } from "@/lib/platform/http/parse";
import { readReplay, readReplays } from "@/lib/relay/read";
import { startReplay } from "@/lib/relay/replay";
import { relayReplaySchema } from "@/lib/relay/schemas";
import { apiRoute } from "@/lib/runtime/api-route";

export const GET = apiRoute({ role: "viewer" }, async ({ db, channelId }) => readReplays(db, { channelId }));

/** Replay stored events to a destination or a one-off URL, re-signed and marked as redeliveries. */
export const POST = apiRoute({ role: "admin" }, async ({ req, db, channelId, actor, audit, runtime }) => {
  const input = await parseJsonBody(relayReplaySchema, req);
  const replay = await startReplay(db, { channelId, input, createdBy: actor.name });
  const target = "destinationId" in input.target ? { destinationId: input.target.destinationId } : { url: input.target.url };
  await audit("relay.replay_started", String(replay.id), { scope: input.scope, ...target, events: replay.total, perSecond: input.perSecond });
  runtime.relay?.nudge();
  return Response.json(await readReplay(db, { channelId, id: replay.id }), { status: 201 });
});
