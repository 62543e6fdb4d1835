import { sendBodySchemas, type SendKind } from "@/lib/sends/send-schemas";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { resolveSegmentRecipients } from "@/lib/segments/segment-recipients";
import { broadcastReach } from "@/lib/sends/broadcast-reach";
import { campaignNameFor } from "@/lib/campaigns/send-campaign";
import { createSend } from "@/lib/sends/create-send";
import { serializeSendSummary } from "@/lib/sends/serialize";

/**
 * POST /api/messages/{kind}: validate the body (400 with LINE-style details), store the send and its
 * requests — in the campaign it names, or a campaign of its own — and answer 202 with its id and status.
 * Workers send it; GET /api/messages/{id} follows it.
 */
export function sendRoute(kind: SendKind) {
  return apiRoute({ role: "operator" }, async ({ req, db, channelId, actor, audit, runtime }) => {
    const parsed = await parseJsonBody(sendBodySchemas[kind], req);
    const { body, segment } = await resolveSegmentRecipients(db, channelId, parsed);
    // LINE never says how many a broadcast reached; the estimate made now is what the send can show.
    const estimatedRecipients = kind === "broadcast" ? (await broadcastReach(db, { channelId, clients: runtime.line })).estimate : null;
    const { send, created } = await createSend(db, {
      channelId,
      kind,
      body,
      actor,
      segment,
      estimatedRecipients,
      campaignId: body.campaignId,
      newCampaign: { name: body.campaignName ?? campaignNameFor(body.messages) },
      clients: runtime.line,
    });
    if (created) {
      await audit("message.sent", send.id, {
        kind,
        campaignId: send.campaignId,
        recipients: send.recipientCount,
        ...(estimatedRecipients !== null ? { estimatedRecipients } : {}),
        ...(segment ? { segment } : {}),
        messages: body.messages.map((m) => m.type),
        ...(kind === "push" ? { to: (body as { to: string }).to } : {}),
        ...(kind === "narrowcast"
          ? {
              targeting: {
                recipient: "recipient" in body ? body.recipient : undefined,
                filter: "filter" in body ? body.filter : undefined,
                limit: "limit" in body ? body.limit : undefined,
              },
            }
          : {}),
      });
    }
    return Response.json(serializeSendSummary(send), { status: created ? 202 : 200 });
  });
}
