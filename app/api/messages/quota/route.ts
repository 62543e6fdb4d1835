import { apiRoute } from "@/lib/runtime/api-route";
import { followerStats, messageQuota } from "@/lib/line/insight";
import { askLine } from "@/lib/line/line-errors";
import { broadcastReach } from "@/lib/sends/broadcast-reach";

/** This month's quota, what is used, LINE's follower figures, and who a broadcast would reach now. */
export const GET = apiRoute({ role: "viewer" }, async ({ db, channelId, runtime }) => {
  const line = { channelId, clients: runtime.line };
  const [quota, followers, broadcast] = await Promise.all([
    askLine(() => messageQuota(line)),
    askLine(() => followerStats(line)).catch(() => null),
    broadcastReach(db, line),
  ]);
  return { quota, followers, broadcast };
});
