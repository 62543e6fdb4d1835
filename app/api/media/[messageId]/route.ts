import { apiRoute } from "@/lib/runtime/api-route";
import { mediaResponse } from "@/lib/media/serve-media";

/** What a friend sent (image, video, audio, file), as kept by the console. Range requests supported. */
export const GET = apiRoute<{ messageId: string }>({ role: "viewer" }, async ({ req, params, db, channelId }) => {
  return mediaResponse(req, db, { channelId, messageId: params.messageId, variant: "original" });
});
