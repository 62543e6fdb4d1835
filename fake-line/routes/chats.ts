// Group and room (multi-person chat) endpoints: summary, member count, member ids, member profile,
// leave. A chat the bot is not in is "Not found", as on LINE.
import { botLeaves } from "../actors/user-actions";
import { MESSAGES, json, lineError, type HttpReply } from "../http/reply";
import type { Route, RouteContext } from "../http/route";
import type { Chat, ChatKind } from "../world/types";
import { decodePageToken, encodePageToken } from "./page-token";
import { profileOf } from "./users";

const MEMBER_PAGE = 100;

export const chatRoutes: Route[] = (["group", "room"] as const).flatMap((kind): Route[] => {
  const base = `/v2/bot/${kind}/:chatId`;
  const routes: Route[] = [
    {
      method: "GET",
      path: `${base}/members/count`,
      rateClass: "default",
      handle: (ctx) => withChat(ctx, kind, (chat) => json(200, { count: chat.memberIds.length })),
    },
    { method: "GET", path: `${base}/members/ids`, rateClass: "default", handle: (ctx) => withChat(ctx, kind, (chat) => memberIds(ctx, chat.memberIds)) },
    {
      method: "GET",
      path: `${base}/member/:userId`,
      rateClass: "default",
      handle: (ctx) =>
        withChat(ctx, kind, (chat) => {
          const user = ctx.platform.world.user(ctx.params.userId ?? "");
          // Works for members who are not friends too, but gives only name and picture.
          if (!user || !chat.memberIds.includes(user.id)) return lineError(404, MESSAGES.notFound);
          return json(200, profileOf(ctx.platform, user, false));
        }),
    },
    {
      method: "POST",
      path: `${base}/leave`,
      rateClass: "default",
      handle: (ctx) =>
        withChat(ctx, kind, (chat) => {
          botLeaves(ctx.platform, chat.id);
          return json(200, {});
        }),
    },
  ];
  if (kind === "group") {
    routes.push({
      method: "GET",
      path: `${base}/summary`,
      rateClass: "default",
      handle: (ctx) =>
        withChat(ctx, kind, (chat) => {
          const body: Record<string, unknown> = { groupId: chat.id, groupName: chat.name ?? "" };
          if (chat.hasPicture) body.pictureUrl = `${ctx.platform.controlUrl}/images/group/${chat.id}.png`;
          return json(200, body);
        }),
    });
  }
  return routes;
});

function withChat(ctx: RouteContext, kind: ChatKind, fn: (chat: Chat) => HttpReply): HttpReply {
  const chat = ctx.platform.world.chat(ctx.params.chatId ?? "");
  if (!chat || chat.kind !== kind || !chat.botIsMember) return lineError(404, MESSAGES.notFound);
  return fn(chat);
}

function memberIds(ctx: RouteContext, ids: string[]): HttpReply {
  const now = ctx.platform.clock.now();
  const start = ctx.query.get("start");
  let offset = 0;
  if (start !== null) {
    const decoded = decodePageToken(start, now);
    if (decoded === undefined) return lineError(400, "Invalid start param");
    offset = decoded;
  }
  const page = ids.slice(offset, offset + MEMBER_PAGE);
  const next = offset + MEMBER_PAGE < ids.length ? encodePageToken(offset + MEMBER_PAGE, now) : undefined;
  return json(200, next ? { memberIds: page, next } : { memberIds: page });
}
