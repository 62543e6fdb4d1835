import { readRelayStats } from "@/lib/relay/read";
import { apiRoute } from "@/lib/runtime/api-route";

/** The overview's relay card: per destination, the last hour's outcomes and latency, and the backlog. */
export const GET = apiRoute({ role: "viewer" }, async ({ db, channelId }) => readRelayStats(db, { channelId }));
