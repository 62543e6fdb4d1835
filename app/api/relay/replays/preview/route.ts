import { parseJsonBody } from "@/lib/platform/http/parse";
import { previewReplay } from "@/lib/relay/replay";
import { relayReplaySchema } from "@/lib/relay/schemas";
import { apiRoute } from "@/lib/runtime/api-route";

/** What a replay would do, for its confirmation: the target's name and the number of events. */
export const POST = apiRoute({ role: "admin" }, async ({ req, db, channelId }) =>
  previewReplay(db, { channelId, input: await parseJsonBody(relayReplaySchema, req) }),
);
