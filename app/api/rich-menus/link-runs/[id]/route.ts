import { readLinkRun } from "@/lib/rich-menus/link-runs";
import { apiRoute } from "@/lib/runtime/api-route";

/** A run's progress: total, done, failed, status. */
export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId }) => readLinkRun(db, { channelId, id: params.id }));
