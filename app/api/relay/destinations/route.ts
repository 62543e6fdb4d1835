import { listDestinations } from "@/db/queries/relay-destinations";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { addDestination, serializeDestination } from "@/lib/relay/destinations";
import { relayDestinationSchema } from "@/lib/relay/schemas";
import { apiRoute } from "@/lib/runtime/api-route";

/** The bots relay forwards to (never their secrets). */
export const GET = apiRoute({ role: "viewer" }, async ({ db, channelId }) => ({
  items: (await listDestinations(db, { channelId })).map(serializeDestination),
}));

export const POST = apiRoute({ role: "admin" }, async ({ req, db, channelId, actor, audit, runtime }) => {
  const input = await parseJsonBody(relayDestinationSchema, req);
  const destination = await addDestination(db, { channelId, createdBy: actor.name, input });
  await audit("relay.destination_created", String(destination.id), { name: destination.name, url: destination.url, signing: destination.signing });
  runtime.relay?.nudge();
  return Response.json(serializeDestination(destination), { status: 201 });
});
