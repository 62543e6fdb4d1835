import { readLinkRuns } from "@/lib/rich-menus/link-runs";
import { linkRunsQuerySchema } from "@/lib/rich-menus/rich-menu-requests";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** The latest link and unlink runs (of one menu with ?richMenuId=). */
export const GET = apiRoute({ role: "viewer" }, async ({ req, db, channelId }) =>
  readLinkRuns(db, { channelId, ...parseSearchParams(linkRunsQuerySchema, req) }),
);
