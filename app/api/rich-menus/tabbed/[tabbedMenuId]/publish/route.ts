import { publishTabbedMenu } from "@/lib/rich-menus/publish-rich-menus";
import { richMenuJson } from "@/lib/rich-menus/read-rich-menus";
import { apiRoute } from "@/lib/runtime/api-route";

/** Publish every tab of a tabbed menu (each one's changes, its image and alias). */
export const POST = apiRoute<{ tabbedMenuId: string }>({ role: "operator" }, async ({ params, db, channelId, line, audit }) => {
  const { rows, warnings } = await publishTabbedMenu(db, { channelId, tabbedMenuId: params.tabbedMenuId, line });
  for (const row of rows) await audit("richMenu.published", row.id, { name: row.name, lineRichMenuId: row.lineRichMenuId, version: row.version });
  return { richMenus: await Promise.all(rows.map((row) => richMenuJson(db, { channelId, row, line }))), warnings };
});
