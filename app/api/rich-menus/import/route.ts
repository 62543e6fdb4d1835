import { importRichMenus } from "@/lib/rich-menus/import-rich-menus";
import { apiRoute } from "@/lib/runtime/api-route";

/** Bring in the menus on LINE the console did not make (origin "line"). */
export const POST = apiRoute({ role: "operator" }, async ({ db, channelId, actor, line, audit }) => {
  const { imported, richMenus } = await importRichMenus(db, { channelId, actor, line });
  if (imported) await audit("richMenu.imported", null, { richMenus: richMenus.map((m) => ({ id: m.id, lineRichMenuId: m.lineRichMenuId, name: m.name })) });
  return { imported };
});
