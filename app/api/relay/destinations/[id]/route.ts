import { deleteDestination } from "@/db/queries/relay-destinations";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { changeDestination, destinationParam, serializeDestination } from "@/lib/relay/destinations";
import { relayDestinationPatchSchema } from "@/lib/relay/schemas";
import { apiRoute } from "@/lib/runtime/api-route";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId }) =>
  serializeDestination(await destinationParam(db, channelId, params.id)),
);

export const PATCH = apiRoute<{ id: string }>({ role: "admin" }, async ({ req, params, db, channelId, audit, runtime }) => {
  const destination = await destinationParam(db, channelId, params.id);
  const patch = await parseJsonBody(relayDestinationPatchSchema, req);
  const updated = await changeDestination(db, { channelId, destination, patch });
  const { secret, ...changes } = patch;
  await audit("relay.destination_updated", String(destination.id), { ...changes, ...(secret ? { secret: "(changed)" } : {}) });
  runtime.relay?.nudge();
  return serializeDestination(updated);
});

export const DELETE = apiRoute<{ id: string }>({ role: "admin" }, async ({ params, db, channelId, audit }) => {
  const destination = await destinationParam(db, channelId, params.id);
  await deleteDestination(db, { channelId, id: destination.id });
  await audit("relay.destination_deleted", String(destination.id), { name: destination.name, url: destination.url });
  return new Response(null, { status: 204 });
});
