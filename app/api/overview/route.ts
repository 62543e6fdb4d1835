import { readOverview } from "@/lib/overview/read";
import { apiRoute } from "@/lib/runtime/api-route";

export const GET = apiRoute({ role: "viewer" }, async ({ db, channelId }) => readOverview(db, { channelId }));
