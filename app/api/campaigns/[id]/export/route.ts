import { campaignCsvResponse } from "@/lib/campaigns/campaign-csv";
import { campaignParams } from "@/lib/campaigns/campaign-schemas";
import { readCampaign } from "@/lib/campaigns/read-campaigns";
import { apiRoute } from "@/lib/runtime/api-route";

/** A campaign's figures as CSV (aggregates only, no personal data: viewers may download it). */
export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId, runtime }) =>
  campaignCsvResponse(await readCampaign(db, { channelId, ...campaignParams.parse(params), clients: runtime.line })),
);
