import { userIdParam } from "@/lib/contacts/route-params";
import { linkFriend, resolveFriendRichMenu, unlinkFriend } from "@/lib/rich-menus/friend-rich-menu";
import { friendRichMenuBodySchema } from "@/lib/rich-menus/rich-menu-requests";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** Which menu this friend sees, and why: their link, else the default, else none the API can see. */
export const GET = apiRoute<{ userId: string }>({ role: "viewer" }, async ({ params, db, channelId, line }) =>
  resolveFriendRichMenu(db, { channelId, userId: userIdParam(params.userId), line }),
);

/** Link one friend to a published menu now. */
export const PUT = apiRoute<{ userId: string }>({ role: "operator" }, async ({ req, params, db, channelId, line, audit }) => {
  const userId = userIdParam(params.userId);
  const { richMenuId } = await parseJsonBody(friendRichMenuBodySchema, req);
  const menu = await linkFriend(db, { channelId, userId, richMenuId, line });
  await audit("richMenu.linked", menu.id, { userId, lineRichMenuId: menu.lineRichMenuId });
  return resolveFriendRichMenu(db, { channelId, userId, line });
});

/** Unlink one friend now (they see the default again, or the manager's menu). */
export const DELETE = apiRoute<{ userId: string }>({ role: "operator" }, async ({ params, db, channelId, line, audit }) => {
  const userId = userIdParam(params.userId);
  const { lineRichMenuId } = await unlinkFriend(db, { channelId, userId, line });
  await audit("richMenu.unlinked", null, { userId, lineRichMenuId });
  return resolveFriendRichMenu(db, { channelId, userId, line });
});
