// Message statistics (insight.yml): per request id for broadcasts and narrowcasts, and per custom
// aggregation unit over a date range for push and multicast messages. Both count what the simulated
// friends did (domain/engagement.ts, domain/interactions.ts) and share the insight rate class (60/hour).
import { DAY, endOfJstDay } from "../core/jst";
import { messageEventJson, perUnitJson } from "../domain/statistics-json";
import { sourcesOf, tally } from "../domain/statistics";
import { MESSAGES, invalidQueryParam, json, lineError } from "../http/reply";
import type { Route } from "../http/route";

const UNIT_NAME = /^[a-zA-Z0-9_]{1,30}$/;
/** The end date can be at most 30 days after the start date (20210301 → 20210331). */
const MAX_RANGE_DAYS = 30;

export const messageStatisticsRoutes: Route[] = [
  {
    method: "GET",
    path: "/v2/bot/insight/message/event",
    rateClass: "insight",
    handle(ctx) {
      const p = ctx.platform;
      const requestId = ctx.query.get("requestId");
      if (!requestId) return invalidQueryParam("requestId");
      const send = p.trackedSends.get(requestId);
      const kind = send?.record.kind;
      if (!send || (kind !== "broadcast" && kind !== "narrowcast")) return lineError(404, MESSAGES.notFound);
      // Reading the job also delivers what is due; `delivered` stays null until every message is sent.
      const job = kind === "narrowcast" ? p.narrowcasts.get(requestId) : undefined;
      const complete = job === undefined || job.completedAt !== null;
      return json(200, messageEventJson(tally([send], sourcesOf(p)), { requestId, at: send.record.at, complete }));
    },
  },
  {
    method: "GET",
    path: "/v2/bot/insight/message/event/aggregation",
    rateClass: "insight",
    handle(ctx) {
      const p = ctx.platform;
      const unit = ctx.query.get("customAggregationUnit") ?? "";
      if (!UNIT_NAME.test(unit)) return invalidQueryParam("customAggregationUnit");
      const fromEnd = endOfJstDay(ctx.query.get("from") ?? "");
      if (fromEnd === undefined) return invalidQueryParam("from");
      const toEnd = endOfJstDay(ctx.query.get("to") ?? "");
      if (toEnd === undefined || toEnd < fromEnd || toEnd - fromEnd > MAX_RANGE_DAYS * DAY) return invalidQueryParam("to");
      // Sends made on the days from `from` to `to` (UTC+9), with what their recipients did since.
      const fromStart = fromEnd - DAY + 1;
      const sends = p.trackedSends.ofUnit(unit).filter((s) => s.record.at >= fromStart && s.record.at <= toEnd);
      return json(200, perUnitJson(tally(sends, sourcesOf(p))));
    },
  },
];
