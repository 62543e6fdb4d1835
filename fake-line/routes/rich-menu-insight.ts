// Rich menu statistics (insight.yml `/v2/bot/insight/richmenu/{richMenuId}/summary|daily`). Most accounts
// get 403, so the fake answers 403 unless `richMenuInsight` is on; then the figures come from what the
// phone simulator did: impressions are the times a friend's phone showed the menu, clicks the taps per
// area. Below 20 unique clicking friends in the period only `richMenuId` is returned (LINE's privacy rule).
import { DAY, endOfJstDay, jstDate } from "../core/jst";
import { MESSAGES, invalidQueryParam, json, lineError, type HttpReply } from "../http/reply";
import type { Route, RouteContext } from "../http/route";
import { requireMenu } from "./rich-menus";

const PRIVACY_THRESHOLD = 20;
const MAX_AGE_DAYS = 3 * 366;

type Touch = { userId: string; at: number; areaIndex: number | null };
type Metrics = { count: number; uniqueUsers: number };

export const richMenuInsightRoutes: Route[] = [
  {
    method: "GET",
    path: "/v2/bot/insight/richmenu/:richMenuId/summary",
    rateClass: "insight",
    handle: (ctx) =>
      withPeriod(ctx, 396, (menuId, range, touches, areas) =>
        json(200, {
          richMenuId: menuId,
          metricsFrom: range.from,
          metricsTo: range.to,
          impression: { metrics: metrics(touches.filter((t) => t.areaIndex === null)) },
          clicks: areas.map((bounds, i) => ({ bounds, metrics: metrics(touches.filter((t) => t.areaIndex === i)) })),
        }),
      ),
  },
  {
    method: "GET",
    path: "/v2/bot/insight/richmenu/:richMenuId/daily",
    rateClass: "insight",
    handle: (ctx) =>
      withPeriod(ctx, 99, (menuId, range, touches, areas) => {
        const perDay = (list: Touch[]) => range.days.map((date) => ({ date, ...metrics(list.filter((t) => jstDate(t.at) === date)) }));
        return json(200, {
          richMenuId: menuId,
          metricsFrom: range.from,
          metricsTo: range.to,
          impression: { metrics: perDay(touches.filter((t) => t.areaIndex === null)) },
          clicks: areas.map((bounds, i) => ({ bounds, metrics: perDay(touches.filter((t) => t.areaIndex === i)) })),
        });
      }),
  },
];

type Range = { from: string; to: string; days: string[] };

function withPeriod(
  ctx: RouteContext,
  maxSpanDays: number,
  answer: (richMenuId: string, range: Range, touches: Touch[], areas: unknown[]) => HttpReply,
): HttpReply {
  const p = ctx.platform;
  if (!p.config.richMenuInsight) return lineError(403, MESSAGES.notAvailable);
  const from = ctx.query.get("from") ?? "";
  const to = ctx.query.get("to") ?? "";
  const fromEnd = endOfJstDay(from);
  const toEnd = endOfJstDay(to);
  if (fromEnd === undefined) return invalidQueryParam("from");
  if (toEnd === undefined || toEnd < fromEnd) return invalidQueryParam("to");
  const now = p.clock.now();
  if (fromEnd < now - MAX_AGE_DAYS * DAY) return invalidQueryParam("from");
  if (Math.round((toEnd - fromEnd) / DAY) > maxSpanDays) return lineError(400, `The period may span at most ${maxSpanDays} days after the start date`);
  const menu = requireMenu(p, ctx.params.richMenuId);
  const start = fromEnd - DAY + 1;
  const touches = p.richMenus.touches.filter((t) => t.richMenuId === menu.richMenuId && t.at >= start && t.at <= toEnd);
  const clickers = new Set(touches.filter((t) => t.areaIndex !== null).map((t) => t.userId));
  if (clickers.size < PRIVACY_THRESHOLD) return json(200, { richMenuId: menu.richMenuId });
  const lastDay = to < jstDate(now) ? to : jstDate(now);
  const days: string[] = [];
  for (let t = fromEnd; jstDate(t) <= lastDay; t += DAY) days.push(jstDate(t));
  return answer(
    menu.richMenuId,
    { from, to: lastDay, days },
    touches,
    menu.areas.map((a) => a.bounds),
  );
}

function metrics(list: Touch[]): Metrics {
  return { count: list.length, uniqueUsers: new Set(list.map((t) => t.userId)).size };
}
