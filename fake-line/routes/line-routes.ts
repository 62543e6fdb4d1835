// Every LINE API route the fake serves, registered on one router (api.line.me and api-data.line.me
// paths do not collide, so one port serves both).
import { Router } from "../http/router";
import type { Route } from "../http/route";
import { aggregationUnitRoutes } from "./aggregation-units";
import { audienceRoutes } from "./audience";
import { loadingStartRoute, markAsReadRoute } from "./chat";
import { chatRoutes } from "./chats";
import { contentRoutes } from "./content";
import { insightRoutes } from "./insight";
import { messageStatisticsRoutes } from "./message-statistics";
import { broadcastRoute, multicastRoute, validateRoutes } from "./multicast-broadcast";
import { narrowcastProgressRoute, narrowcastRoute } from "./narrowcast";
import { quotaRoutes } from "./quota";
import { richMenuAliasRoutes } from "./rich-menu-aliases";
import { richMenuInsightRoutes } from "./rich-menu-insight";
import { richMenuRoutes } from "./rich-menus";
import { pushRoute, replyRoute } from "./reply-push";
import { botInfoRoute, followersRoute, profileRoute } from "./users";
import { webhookEndpointRoutes } from "./webhook-endpoint";

export const LINE_ROUTES: readonly Route[] = [
  replyRoute,
  pushRoute,
  multicastRoute,
  broadcastRoute,
  narrowcastRoute,
  narrowcastProgressRoute,
  ...validateRoutes,
  ...quotaRoutes,
  profileRoute,
  followersRoute,
  botInfoRoute,
  ...chatRoutes,
  ...contentRoutes,
  ...insightRoutes,
  ...messageStatisticsRoutes,
  ...aggregationUnitRoutes,
  ...audienceRoutes,
  ...webhookEndpointRoutes,
  loadingStartRoute,
  markAsReadRoute,
  // Aliases first: `/v2/bot/richmenu/alias/list` and `/v2/bot/richmenu/batch` before `/v2/bot/richmenu/:richMenuId`.
  ...richMenuAliasRoutes,
  ...richMenuRoutes,
  ...richMenuInsightRoutes,
];

export function lineRouter(): Router<Route> {
  const router = new Router<Route>();
  for (const route of LINE_ROUTES) router.add(route.method, route.path, route);
  return router;
}
