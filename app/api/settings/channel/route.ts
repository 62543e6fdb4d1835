import { channelConfiguration } from "@/lib/channel/channel";
import { apiRoute } from "@/lib/runtime/api-route";

/** What is configured for the LINE channel (secrets masked) and the webhook URL to give LINE. */
export const GET = apiRoute({ role: "admin" }, async ({ db, channel }) => channelConfiguration(db, channel));
