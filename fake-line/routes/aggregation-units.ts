// Custom aggregation units used this month (messaging-api.yml): how many, and their names page by page.
import { invalidQueryParam, json, lineError } from "../http/reply";
import type { Route } from "../http/route";
import { decodePageToken, encodePageToken } from "./page-token";

// Neither the OpenAPI file nor our notes give a default or largest `limit`: 100 for both is the fake's
// choice (see README, deviations).
const MAX_PAGE = 100;

export const aggregationUnitRoutes: Route[] = [
  {
    method: "GET",
    path: "/v2/bot/message/aggregation/info",
    rateClass: "default",
    handle: (ctx) => json(200, { numOfCustomAggregationUnits: ctx.platform.aggregationUnits.names(ctx.platform.clock.now()).length }),
  },
  {
    method: "GET",
    path: "/v2/bot/message/aggregation/list",
    rateClass: "default",
    handle(ctx) {
      const now = ctx.platform.clock.now();
      const limitParam = ctx.query.get("limit");
      const limit = limitParam === null ? MAX_PAGE : Number(limitParam);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) return invalidQueryParam("limit");
      const start = ctx.query.get("start");
      const offset = start === null ? 0 : decodePageToken(start, now);
      if (offset === undefined) return lineError(400, "Invalid start param");
      const names = ctx.platform.aggregationUnits.names(now);
      const next = offset + limit < names.length ? encodePageToken(offset + limit, now) : undefined;
      return json(200, { customAggregationUnits: names.slice(offset, offset + limit), ...(next ? { next } : {}) });
    },
  },
];
