import { getBotUserId } from "@/db/queries/channels";
import { destinationParam } from "@/lib/relay/destinations";
import { sendTest } from "@/lib/relay/test-send";
import { apiRoute } from "@/lib/runtime/api-route";

/** "Send a test": LINE's verification body (no events), signed as the destination's deliveries are. */
export const POST = apiRoute<{ id: string }>({ role: "admin" }, async ({ params, db, channelId, audit }) => {
  const destination = await destinationParam(db, channelId, params.id);
  const result = await sendTest(destination, { botUserId: await getBotUserId(db, { channelId }) });
  await audit("relay.destination_tested", String(destination.id), { name: destination.name, statusCode: result.statusCode, error: result.error });
  return result;
});
