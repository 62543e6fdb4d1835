import { apiRoute } from "@/lib/runtime/api-route";
import { mediaResponse } from "@/lib/media/serve-media";

/** A thumbnail of an image or video (LINE's preview; the original for images without one). */
export const GET = apiRoute<{ messageId: string }>({ role: "viewer" }, async ({ req, params, db, channelId }) => {
  return mediaResponse(req, db, { channelId, messageId: params.messageId, variant: "preview" });
});
