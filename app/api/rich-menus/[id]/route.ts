import { editRichMenu } from "@/lib/rich-menus/change-rich-menus";
import { deleteRichMenu } from "@/lib/rich-menus/manage-rich-menus";
import { readRichMenu, richMenuJson } from "@/lib/rich-menus/read-rich-menus";
import { deleteRichMenuQuerySchema, updateRichMenuBodySchema } from "@/lib/rich-menus/rich-menu-requests";
import { parseJsonBody, parseSearchParams } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

export const GET = apiRoute<{ id: string }>({ role: "viewer" }, async ({ params, db, channelId, line }) =>
  readRichMenu(db, { channelId, id: params.id, line }),
);

/** Change a draft (or a published menu: it is then "changed" until published again), naming the version changed. */
export const PATCH = apiRoute<{ id: string }>({ role: "operator" }, async ({ req, params, db, channelId, line, audit }) => {
  const body = await parseJsonBody(updateRichMenuBodySchema, req);
  const row = await editRichMenu(db, { channelId, id: params.id, body });
  await audit("richMenu.changed", row.id, { name: row.name, version: row.version });
  return { richMenu: await richMenuJson(db, { channelId, row, line }) };
});

/** Delete it here and on LINE (its alias too); the default menu only with ?force=1. */
export const DELETE = apiRoute<{ id: string }>({ role: "operator" }, async ({ req, params, db, channelId, line, audit }) => {
  const { force } = parseSearchParams(deleteRichMenuQuerySchema, req);
  const row = await deleteRichMenu(db, { channelId, id: params.id, force: force === "1", line });
  await audit("richMenu.deleted", row.id, { name: row.name, lineRichMenuId: row.lineRichMenuId });
  return new Response(null, { status: 204 });
});
