import { tapsQuerySchema } from "@/lib/rich-menus/rich-menu-requests";
import { readRichMenuTaps } from "@/lib/rich-menus/rich-menu-taps";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** Taps per area from our events (?from&to ISO, ?segmentId), and LINE's statistics where available. */
export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ req, params, db, channelId, line }) =>
  readRichMenuTaps(db, { channelId, id: params.id, query: parseSearchParams(tapsQuerySchema, req), line }),
);
