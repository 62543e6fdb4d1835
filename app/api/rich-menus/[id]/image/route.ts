import { setRichMenuImage } from "@/lib/rich-menus/change-rich-menus";
import { richMenuImageResponse, richMenuJson } from "@/lib/rich-menus/read-rich-menus";
import { readImageBody } from "@/lib/rich-menus/rich-menu-image";
import { apiRoute } from "@/lib/runtime/api-route";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId }) => richMenuImageResponse(db, { channelId, id: params.id }));

/** The menu's image as the raw body (image/jpeg or image/png, ≤ 1 MB, exactly the menu's size): 413/415/422 otherwise. */
export const PUT = apiRoute<{ id: string }>({ role: "operator" }, async ({ req, params, db, channelId, line, audit }) => {
  const bytes = await readImageBody(req);
  const row = await setRichMenuImage(db, { channelId, id: params.id, bytes, contentType: req.headers.get("content-type") });
  await audit("richMenu.changed", row.id, { name: row.name, image: { type: row.imageType, bytes: bytes.length }, version: row.version });
  return { richMenu: await richMenuJson(db, { channelId, row, line }) };
});
