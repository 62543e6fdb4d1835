import { campaignParams } from "@/lib/campaigns/campaign-schemas";
import { winnerBodySchema } from "@/lib/campaigns/ab-test-schemas";
import { sendWinner } from "@/lib/campaigns/ab-test-winner";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { serializeSendSummary } from "@/lib/sends/serialize";

/** Send an A/B test's chosen variant to the rest of its audience: once only (409 when already sent). 202 with the send. */
export const POST = apiRoute<{ id: string }>({ role: "operator" }, async ({ req, params, db, channelId, actor, audit, runtime }) => {
  const { id } = campaignParams.parse(params);
  const { variant } = await parseJsonBody(winnerBodySchema, req);
  const { send, state } = await sendWinner(db, { channelId, campaignId: id, variant, actor, by: "person", clients: runtime.line });
  await audit("campaign.winner_sent", id, { variant, sendId: send.id, recipients: state.winner?.size, by: "person" });
  return Response.json(serializeSendSummary(send), { status: 202 });
});
