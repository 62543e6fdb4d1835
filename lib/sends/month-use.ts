import type { Db } from "@/db/client";
import { countAcceptedReplies } from "@/db/queries/sends";
import { messageQuota, type ChannelLine } from "@/lib/line/insight";
import { askLine } from "@/lib/line/line-errors";
import { projectMonthUse } from "./quota-projection";

/**
 * The month as LINE counts it (UTC+9): the quota and its use from LINE, the use projected to the month's
 * end, and how many messages replies saved (replies LINE accepted this month — each a push otherwise).
 */
export async function readMonthUse(db: Db, line: ChannelLine, now = new Date()) {
  const quota = await askLine(() => messageQuota(line));
  const projection = projectMonthUse({ used: quota.used, now });
  const repliesSaved = await countAcceptedReplies(db, { channelId: line.channelId, since: projection.start, until: projection.end });
  return {
    quota,
    month: { start: projection.start.toISOString(), end: projection.end.toISOString(), elapsed: projection.elapsed, projected: projection.projected },
    repliesSaved,
  };
}
