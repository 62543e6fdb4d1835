import { createTabbedMenu } from "@/lib/rich-menus/change-rich-menus";
import { richMenuJson } from "@/lib/rich-menus/read-rich-menus";
import { createTabbedMenuBodySchema } from "@/lib/rich-menus/rich-menu-requests";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

/** A tabbed menu: its 2–4 tabs created together (each with its alias): 201. */
export const POST = apiRoute({ role: "operator" }, async ({ req, db, channelId, actor, line, audit }) => {
  const body = await parseJsonBody(createTabbedMenuBodySchema, req);
  const { tabbedMenu, richMenus } = await createTabbedMenu(db, { channelId, actor, body });
  await audit("richMenu.created", tabbedMenu.id, { name: tabbedMenu.name, tabs: richMenus.map((m) => ({ id: m.id, aliasId: m.aliasId })) });
  const json = await Promise.all(richMenus.map((row) => richMenuJson(db, { channelId, row, line })));
  return Response.json({ tabbedMenu: { id: tabbedMenu.id, name: tabbedMenu.name, richMenuIds: richMenus.map((m) => m.id) }, richMenus: json }, { status: 201 });
});
