// Quota, quota consumption and the per-day number of sent messages (dates in UTC+9).
import { endOfJstDay, jstDate } from "../core/jst";
import type { SendKind } from "../domain/inboxes";
import { invalidQueryParam, json } from "../http/reply";
import type { Route } from "../http/route";

// LINE's statistics start here; earlier dates are "out_of_service".
const SERVICE_START = "20180331";

export const quotaRoutes: Route[] = [
  {
    method: "GET",
    path: "/v2/bot/message/quota",
    rateClass: "default",
    handle(ctx) {
      const limit = ctx.platform.config.monthlyQuota;
      return json(200, limit === "none" ? { type: "none" } : { type: "limited", value: limit });
    },
  },
  {
    method: "GET",
    path: "/v2/bot/message/quota/consumption",
    rateClass: "default",
    handle: (ctx) => json(200, { totalUsage: ctx.platform.quota.totalUsage() }),
  },
  ...(["reply", "push", "multicast", "broadcast"] as const).map((kind): Route => ({
    method: "GET",
    path: `/v2/bot/message/delivery/${kind}`,
    rateClass: "default",
    handle(ctx) {
      const date = ctx.query.get("date") ?? "";
      return deliveryCount(ctx.platform.clock.now(), date, (d) => ctx.platform.sends.dailyCount(kind as SendKind, d));
    },
  })),
];

/**
 * A day's count is "ready" once the day is over in UTC+9 (LINE computes statistics the next day), so
 * today's and future dates are "unready".
 */
export function deliveryCount(now: number, date: string, count: (yyyymmdd: string) => number) {
  if (endOfJstDay(date) === undefined) return invalidQueryParam("date");
  if (date < SERVICE_START) return json(200, { status: "out_of_service" });
  if (date >= jstDate(now)) return json(200, { status: "unready" });
  return json(200, { status: "ready", success: count(date) });
}
