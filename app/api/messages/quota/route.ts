import { apiRoute } from "@/lib/runtime/api-route";
import { followerStats } from "@/lib/line/insight";
import { askLine } from "@/lib/line/line-errors";
import { broadcastReach } from "@/lib/sends/broadcast-reach";
import { readMonthUse } from "@/lib/sends/month-use";

/**
 * This month's quota and use (with the month's projected use and the messages replies saved), LINE's
 * follower figures, and who a broadcast would reach now.
 */
export const GET = apiRoute({ role: "viewer" }, async ({ db, line }) => {
  const [month, followers, broadcast] = await Promise.all([
    readMonthUse(db, line),
    askLine(() => followerStats(line)).catch(() => null),
    broadcastReach(db, line),
  ]);
  return { ...month, followers, broadcast };
});
