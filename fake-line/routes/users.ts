// GET /v2/bot/profile/{userId}, /v2/bot/followers/ids and /v2/bot/info.
import { MESSAGES, invalidQueryParam, json, lineError } from "../http/reply";
import type { Route } from "../http/route";
import type { Platform } from "../platform";
import type { User } from "../world/types";
import { decodePageToken, encodePageToken } from "./page-token";

export const profileRoute: Route = {
  method: "GET",
  path: "/v2/bot/profile/:userId",
  rateClass: "default",
  handle(ctx) {
    const user = ctx.platform.world.user(ctx.params.userId ?? "");
    // Only friends: blocked users, non-friends and unknown ids are all 404.
    if (!user || user.status !== "following") return lineError(404, MESSAGES.notFound);
    return json(200, profileOf(ctx.platform, user, true));
  },
};

export const followersRoute: Route = {
  method: "GET",
  path: "/v2/bot/followers/ids",
  rateClass: "default",
  handle(ctx) {
    const p = ctx.platform;
    const limitParam = ctx.query.get("limit");
    const limit = limitParam === null ? 300 : Number(limitParam);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return invalidQueryParam("limit");
    const start = ctx.query.get("start");
    let offset = 0;
    if (start !== null) {
      const decoded = decodePageToken(start, p.clock.now());
      if (decoded === undefined) return lineError(400, "Invalid start param");
      offset = decoded;
    }
    const followers = p.world.followers();
    const page = followers.slice(offset, offset + limit).map((u) => u.id);
    const next = offset + limit < followers.length ? encodePageToken(offset + limit, p.clock.now()) : undefined;
    return json(200, next ? { userIds: page, next } : { userIds: page });
  },
};

export const botInfoRoute: Route = {
  method: "GET",
  path: "/v2/bot/info",
  rateClass: "default",
  handle(ctx) {
    const p = ctx.platform;
    const bot = p.world.bot;
    return json(200, {
      userId: bot.userId,
      basicId: bot.basicId,
      displayName: bot.displayName,
      pictureUrl: `${p.controlUrl}/images/bot.png`,
      chatMode: "bot",
      markAsReadMode: "auto",
    });
  },
};

/** A profile as LINE returns it; optional fields are omitted (not null) when unknown. */
export function profileOf(p: Platform, user: User, full: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { displayName: user.displayName, userId: user.id };
  if (full && user.language) out.language = user.language;
  if (user.hasPicture) out.pictureUrl = pictureUrl(p, user.id);
  if (full && user.statusMessage) out.statusMessage = user.statusMessage;
  return out;
}

export function pictureUrl(p: Platform, userId: string): string {
  return `${p.controlUrl}/images/profile/${userId}.png`;
}
