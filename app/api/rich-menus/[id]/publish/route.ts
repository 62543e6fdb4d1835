import { publishRichMenu } from "@/lib/rich-menus/publish-rich-menus";
import { richMenuJson } from "@/lib/rich-menus/read-rich-menus";
import { apiRoute } from "@/lib/runtime/api-route";

/** Publish (or replace on LINE: alias, default and linked friends move to the new menu, the old one goes). */
export const POST = apiRoute<{ id: string }>({ role: "operator" }, async ({ params, db, channelId, line, audit }) => {
  const { row, warnings } = await publishRichMenu(db, { channelId, id: params.id, line });
  await audit("richMenu.published", row.id, { name: row.name, lineRichMenuId: row.lineRichMenuId, version: row.version, warnings });
  return { richMenu: await richMenuJson(db, { channelId, row, line }), warnings };
});
