import { recipientsByRequestId } from "@/db/queries/sends";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";
import { followerStats, friendDemographics, messageQuota } from "@/lib/line/insight";
import { askLine } from "@/lib/line/line-errors";
import type { Recipient } from "@/lib/sends/narrowcast-schema";
import { broadcastReach } from "@/lib/sends/broadcast-reach";
import { estimateNarrowcast } from "@/lib/sends/estimate";
import { estimateBodySchema } from "@/lib/sends/tools-schemas";

/** How many friends a narrowcast would reach: an estimate from LINE's demographics, with warnings. */
export const POST = apiRoute({ role: "operator" }, async ({ req, db, channelId, runtime }) => {
  const body = await parseJsonBody(estimateBodySchema, req);
  const line = { channelId, clients: runtime.line };
  const [followers, demographics, quota, reach] = await Promise.all([
    askLine(() => followerStats(line)),
    body.filter ? askLine(() => friendDemographics(line)).catch(() => null) : Promise.resolve(null),
    askLine(() => messageQuota(line)),
    body.filter || body.recipient ? Promise.resolve(null) : broadcastReach(db, line),
  ]);
  const audiences = leaves(body.recipient, "audience");
  const redeliveries = leaves(body.recipient, "redelivery");
  const audienceSizes: Record<string, number> = {};
  await Promise.all(
    audiences.map(async (id) => {
      const res = await askLine(async () => (await runtime.line(channelId)).audience.getAudienceData(Number(id))).catch(() => null);
      audienceSizes[id] = res?.audienceGroup?.audienceCount ?? 0;
    }),
  );
  // Re-delivery goes to those an earlier narrowcast (ours) reached.
  const redeliverySizes = Object.fromEntries(await recipientsByRequestId(db, { channelId, requestIds: redeliveries }));
  return {
    ...estimateNarrowcast({
      targetedReaches: followers?.targetedReaches ?? 0,
      reachable: reach?.estimate,
      demographics,
      recipient: body.recipient,
      filter: body.filter,
      limit: body.limit,
      remainingQuota: quota.remaining,
      audienceSizes,
      redeliverySizes,
    }),
    followersDate: followers?.date ?? null,
    quota,
  };
});

function leaves(r: Recipient | undefined, type: "audience" | "redelivery"): string[] {
  if (!r) return [];
  if (r.type === "audience") return type === "audience" ? [String(r.audienceGroupId)] : [];
  if (r.type === "redelivery") return type === "redelivery" ? [r.requestId] : [];
  return [...(r.and ?? []), ...(r.or ?? []), ...(r.not ? [r.not] : [])].flatMap((x) => leaves(x, type));
}
