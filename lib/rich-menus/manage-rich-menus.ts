import type { Db } from "@/db/client";
import { getRichMenu, releaseRichMenuPublish, softDeleteRichMenu, takeRichMenuForPublish } from "@/db/queries/rich-menus";
import type { ChannelLine } from "@/lib/line/insight";
import { HttpError, notFound, zodDetails } from "@/lib/platform/http/errors";
import { askRichMenuLine, lineDefaultRichMenuId, lineRichMenuRequest, richMenuClients } from "./line-rich-menus";
import { richMenuBodySchema } from "./rich-menu-schema";

// LINE's default menu, deleting a menu (here and on LINE), and validation (ours, then LINE's).

export async function setDefaultRichMenu(db: Db, params: { channelId: number; id: string; line: ChannelLine }) {
  const menu = await getRichMenu(db, params);
  if (!menu) throw notFound("Rich menu");
  if (!menu.lineRichMenuId) throw notPublished();
  const lineId = menu.lineRichMenuId;
  const { api } = await richMenuClients(params.line, params.channelId);
  await askRichMenuLine(() => api.setDefaultRichMenu(lineId));
  return menu;
}

/** No default set through the API any more: friends without a link see the manager's menu, if any. */
export async function clearDefaultRichMenu(params: { line: ChannelLine }) {
  const { api } = await richMenuClients(params.line, params.line.channelId);
  const previous = await lineDefaultRichMenuId(api);
  if (previous) await askRichMenuLine(() => api.cancelDefaultRichMenu());
  return { previous };
}

/**
 * Delete a menu: on LINE (its alias, then the menu — LINE unlinks its friends), then here with the links
 * the console recorded. The default menu only when `force` (friends then see the manager's menu, if any).
 */
export async function deleteRichMenu(db: Db, params: { channelId: number; id: string; force: boolean; line: ChannelLine }) {
  if (!(await getRichMenu(db, params))) throw notFound("Rich menu");
  // Under the publish lease: a publish under way would otherwise make a new LINE menu and point the
  // alias at it after the deletion, leaving it on LINE with nothing here to see or delete it.
  if (!(await takeRichMenuForPublish(db, { channelId: params.channelId, id: params.id, leaseMs: DELETE_LEASE_MS }))) {
    throw new HttpError(409, "rich_menu_publishing", "This rich menu is being published: wait a moment, then delete it");
  }
  try {
    return await deleteTaken(db, params);
  } finally {
    await releaseRichMenuPublish(db, { channelId: params.channelId, id: params.id });
  }
}

/** Longer than a deletion can take (a few LINE calls, each timing out at 30 s). */
const DELETE_LEASE_MS = 3 * 60_000;

async function deleteTaken(db: Db, params: { channelId: number; id: string; force: boolean; line: ChannelLine }) {
  // Read again under the lease: a publish that ended meanwhile changed the LINE menu.
  const menu = await getRichMenu(db, params);
  if (!menu) throw notFound("Rich menu");
  const lineId = menu.lineRichMenuId;
  if (lineId) {
    const { api } = await richMenuClients(params.line, params.channelId);
    if (!params.force && (await lineDefaultRichMenuId(api)) === lineId) {
      throw new HttpError(409, "rich_menu_is_default", "This is the default rich menu: clear the default first, or delete with ?force=1");
    }
    // Every alias pointing at it (its own, and one it had before a rename): LINE keeps them otherwise.
    const { aliases } = await askRichMenuLine(() => api.getRichMenuAliasList());
    for (const a of aliases.filter((x) => x.richMenuId === lineId)) await askRichMenuLine(() => api.deleteRichMenuAlias(a.richMenuAliasId), "delete");
    await askRichMenuLine(async () => {
      try {
        return await api.deleteRichMenu(lineId);
      } catch (err) {
        // Already gone on LINE (deleted elsewhere): nothing left to delete there.
        if ((err as { status?: number }).status === 404) return null;
        throw err;
      }
    }, "delete");
  }
  await softDeleteRichMenu(db, params);
  return menu;
}

/** Our schema first (every problem, keyed for the editor); LINE's validate endpoint when ours passes. */
export async function validateRichMenu(params: { body: unknown; line: ChannelLine }) {
  const parsed = richMenuBodySchema.safeParse(params.body);
  if (!parsed.success) {
    return { ok: false, issues: zodDetails(parsed.error).map((d) => ({ path: d.property, message: d.message, key: d.key ?? null })), line: null };
  }
  const { api } = await richMenuClients(params.line, params.line.channelId);
  const m = parsed.data;
  try {
    await askRichMenuLine(() => api.validateRichMenuObject(lineRichMenuRequest({ ...m, width: m.size.width, height: m.size.height })));
    return { ok: true, issues: [], line: { ok: true } };
  } catch (err) {
    if (err instanceof HttpError && err.status === 400) return { ok: false, issues: [], line: { ok: false, message: err.message, details: err.details ?? [] } };
    throw err;
  }
}

function notPublished() {
  return new HttpError(409, "rich_menu_not_published", "Publish this rich menu first: LINE knows only published menus");
}
