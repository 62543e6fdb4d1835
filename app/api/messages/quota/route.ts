import { apiRoute } from "@/lib/http/api-route";
import { followerStats, messageQuota } from "@/lib/line/insight";
import { askLine } from "@/lib/line/line-errors";

/** This month's quota, what is used, and the follower count / target reach broadcasts go to. */
export const GET = apiRoute({ role: "viewer" }, async () => {
  const [quota, followers] = await Promise.all([askLine(messageQuota), askLine(followerStats).catch(() => null)]);
  return { quota, followers };
});
