import { createRichMenu } from "@/lib/rich-menus/change-rich-menus";
import { readRichMenus, richMenuJson } from "@/lib/rich-menus/read-rich-menus";
import { createRichMenuBodySchema } from "@/lib/rich-menus/rich-menu-requests";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** The channel's rich menus, its tabbed menus, and LINE's default. */
export const GET = apiRoute({ role: "viewer" }, async ({ db, channelId, line }) => readRichMenus(db, { channelId, line }));

/** A new draft (nothing on LINE until published): 201. */
export const POST = apiRoute({ role: "operator" }, async ({ req, db, channelId, actor, line, audit }) => {
  const body = await parseJsonBody(createRichMenuBodySchema, req);
  const row = await createRichMenu(db, { channelId, actor, body });
  await audit("richMenu.created", row.id, { name: row.name, aliasId: row.aliasId, tabbedMenuId: row.tabbedMenuId });
  return Response.json({ richMenu: await richMenuJson(db, { channelId, row, line }) }, { status: 201 });
});
