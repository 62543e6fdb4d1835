// Insight endpoints (insight.yml), computed from the world: followers, demographics and message
// deliveries per day (message statistics: message-statistics.ts). All share the 60/hour limit class.
import { endOfJstDay, jstDate, DAY } from "../core/jst";
import { isTargetable, subscriptionDays } from "../domain/recipients";
import { invalidQueryParam, json } from "../http/reply";
import type { Route } from "../http/route";
import type { Platform } from "../platform";
import { areaByCode, insightAreaLabel } from "../world/areas";
import type { User } from "../world/types";
import { deliveryCount } from "./quota";

// Followers have been counted since 2016-11-01; earlier dates are "out_of_service".
const FOLLOWERS_START = "20161101";

export const insightRoutes: Route[] = [
  {
    method: "GET",
    path: "/v2/bot/insight/followers",
    rateClass: "insight",
    handle(ctx) {
      const p = ctx.platform;
      const now = p.clock.now();
      const date = ctx.query.get("date") ?? jstDate(now - DAY);
      const end = endOfJstDay(date);
      if (end === undefined) return invalidQueryParam("date");
      if (date < FOLLOWERS_START) return json(200, { status: "out_of_service" });
      if (date >= jstDate(now)) return json(200, { status: "unready" });
      let followers = 0;
      let targetedReaches = 0;
      let blocks = 0;
      for (const u of p.world.users()) {
        if (u.friendSince === null || u.friendSince > end) continue;
        followers++;
        const blocked = u.status === "blocked" && u.blockedAt !== null && u.blockedAt <= end;
        if (blocked) blocks++;
        else if (isTargetable(u)) targetedReaches++;
      }
      return json(200, { status: "ready", followers, targetedReaches, blocks });
    },
  },
  {
    method: "GET",
    path: "/v2/bot/insight/demographic",
    rateClass: "insight",
    handle: (ctx) => json(200, demographics(ctx.platform)),
  },
  {
    method: "GET",
    path: "/v2/bot/insight/message/delivery",
    rateClass: "insight",
    handle(ctx) {
      const p = ctx.platform;
      const date = ctx.query.get("date") ?? "";
      const reply = deliveryCount(p.clock.now(), date, () => 0);
      if ((reply.body as { status?: string }).status !== "ready") return reply;
      const count = (kind: "reply" | "push" | "multicast" | "broadcast" | "narrowcast") => p.sends.dailyCount(kind, date);
      return json(200, {
        status: "ready",
        broadcast: count("broadcast"),
        targeting: count("narrowcast"),
        apiBroadcast: count("broadcast"),
        apiPush: count("push"),
        apiMulticast: count("multicast"),
        apiNarrowcast: count("narrowcast"),
        apiReply: count("reply"),
      });
    },
  },
];

function demographics(p: Platform) {
  const friends = p.world.followers();
  const now = p.clock.now();
  const tally = (key: (u: User) => string) => {
    const counts = new Map<string, number>();
    for (const u of friends) counts.set(key(u), (counts.get(key(u)) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, Math.round((n / Math.max(1, friends.length)) * 1000) / 10] as const);
  };
  // LINE shows demographics only when at least 20 friends can be targeted.
  const available = friends.filter(isTargetable).length >= 20;
  return {
    available,
    genders: tally((u) => u.gender ?? "unknown").map(([gender, percentage]) => ({ gender, percentage })),
    ages: tally((u) => ageTile(u.age)).map(([age, percentage]) => ({ age, percentage })),
    areas: tally((u) => {
      const area = u.areaCode ? areaByCode(u.areaCode) : undefined;
      return area ? insightAreaLabel(area) : "unknown";
    }).map(([area, percentage]) => ({ area, percentage })),
    appTypes: tally((u) => u.appType).map(([appType, percentage]) => ({ appType, percentage })),
    subscriptionPeriods: tally((u) => periodTile(subscriptionDays(u, now))).map(([subscriptionPeriod, percentage]) => ({ subscriptionPeriod, percentage })),
  };
}

function ageTile(age: number | null): string {
  if (age === null) return "unknown";
  if (age < 15) return "from0to14";
  if (age < 20) return "from15to19";
  if (age >= 70) return "from70";
  const from = Math.floor(age / 5) * 5;
  return `from${from}to${from + 4}`;
}

function periodTile(days: number | null): string {
  if (days === null) return "unknown";
  if (days < 7) return "within7days";
  if (days < 30) return "within30days";
  if (days < 90) return "within90days";
  if (days < 180) return "within180days";
  if (days < 365) return "within365days";
  return "over365days";
}
