import { setDefaultRichMenu } from "@/lib/rich-menus/manage-rich-menus";
import { richMenuJson } from "@/lib/rich-menus/read-rich-menus";
import { apiRoute } from "@/lib/runtime/api-route";

/** Make it the menu every friend without a per-user link sees. */
export const POST = apiRoute<{ id: string }>({ role: "operator" }, async ({ params, db, channelId, line, audit }) => {
  const row = await setDefaultRichMenu(db, { channelId, id: params.id, line });
  await audit("richMenu.defaultSet", row.id, { name: row.name, lineRichMenuId: row.lineRichMenuId });
  return { richMenu: await richMenuJson(db, { channelId, row, line }) };
});
