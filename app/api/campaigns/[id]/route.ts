import { campaignParams } from "@/lib/campaigns/campaign-schemas";
import { readCampaign } from "@/lib/campaigns/read-campaigns";
import { apiRoute } from "@/lib/runtime/api-route";

/** A campaign with its sends, each send's funnel, clicks, media plays and unfollows, and the unit budget. */
export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId, runtime }) =>
  readCampaign(db, { channelId, ...campaignParams.parse(params), clients: runtime.line }),
);
