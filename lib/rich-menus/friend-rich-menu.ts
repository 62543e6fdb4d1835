import type { Db } from "@/db/client";
import { forgetRichMenuLinks, getRichMenu, getRichMenuByLineId, getRichMenuLink, recordRichMenuLinks } from "@/db/queries/rich-menus";
import type { ChannelLine } from "@/lib/line/insight";
import { HttpError, notFound } from "@/lib/platform/http/errors";
import { askRichMenuLine, lineDefaultRichMenuId, orNone, richMenuClients } from "./line-rich-menus";
import { richMenuContext } from "./read-rich-menus";
import { serializeRichMenu } from "./serialize-rich-menu";

// One friend's rich menu: which one they see and why, and linking or unlinking one friend at once.

/**
 * "Which menu does this friend see, and why?" — LINE's per-user link, else the default set through the
 * API, else none the API knows of: a menu set in LINE Official Account Manager may be shown then, which
 * the API cannot see (`managerMayApply`). A LINE menu the console does not know has `richMenu: null`;
 * `linkedAt` is when the console made the friend's link (null when it was made elsewhere).
 */
export async function resolveFriendRichMenu(db: Db, params: { channelId: number; userId: string; line: ChannelLine }) {
  const { api } = await richMenuClients(params.line, params.channelId);
  const linked = (await orNone(() => api.getRichMenuIdOfUser(params.userId)))?.richMenuId ?? null;
  const lineRichMenuId = linked ?? (await lineDefaultRichMenuId(api));
  const source = linked ? "user" : lineRichMenuId ? "default" : "none";
  const row = lineRichMenuId ? await getRichMenuByLineId(db, { channelId: params.channelId, lineRichMenuId }) : undefined;
  const link = linked ? await getRichMenuLink(db, { channelId: params.channelId, userId: params.userId, lineRichMenuId: linked }) : undefined;
  return {
    source,
    linkedAt: link?.linkedAt.toISOString() ?? null,
    richMenu: row ? serializeRichMenu(row, await richMenuContext(db, { channelId: params.channelId, id: row.id, line: params.line })) : null,
    lineRichMenuId,
    managerMayApply: source === "none",
  } as const;
}

/** Link one friend now (LINE's per-user link), recorded as the console's link. */
export async function linkFriend(db: Db, params: { channelId: number; userId: string; richMenuId: string; line: ChannelLine }) {
  const menu = await getRichMenu(db, { channelId: params.channelId, id: params.richMenuId });
  if (!menu) throw new HttpError(400, "invalid_request", "richMenuId: no such rich menu", [{ property: "richMenuId", message: "no such rich menu" }]);
  if (!menu.lineRichMenuId) throw new HttpError(409, "rich_menu_not_published", "Publish this rich menu first: LINE knows only published menus");
  const lineRichMenuId = menu.lineRichMenuId;
  const { api } = await richMenuClients(params.line, params.channelId);
  await askRichMenuLine(() => api.linkRichMenuIdToUser(params.userId, lineRichMenuId));
  await recordRichMenuLinks(db, { channelId: params.channelId, userIds: [params.userId], richMenuId: menu.id, lineRichMenuId });
  return menu;
}

/** Unlink one friend now: they see the default again (or the manager's menu). */
export async function unlinkFriend(db: Db, params: { channelId: number; userId: string; line: ChannelLine }) {
  const { api } = await richMenuClients(params.line, params.channelId);
  const had = await orNone(() => api.getRichMenuIdOfUser(params.userId));
  if (!had) throw notFound("A rich menu linked to this friend");
  await askRichMenuLine(() => api.unlinkRichMenuIdFromUser(params.userId));
  await forgetRichMenuLinks(db, { channelId: params.channelId, userIds: [params.userId] });
  return { lineRichMenuId: had.richMenuId };
}
