import { listCampaignsQuerySchema } from "@/lib/campaigns/campaign-schemas";
import { readCampaigns } from "@/lib/campaigns/read-campaigns";
import { parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** The channel's campaigns, newest first, with their totals; keyset pagination (`cursor`). */
export const GET = apiRoute({ role: "viewer" }, async ({ req, db, channelId }) =>
  readCampaigns(db, { channelId, query: parseSearchParams(listCampaignsQuerySchema, req) }),
);
