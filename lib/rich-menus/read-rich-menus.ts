import type { Db } from "@/db/client";
import { getRichMenu, getRichMenuImage, linkedCounts, listRichMenus, listTabbedMenus, type RichMenuRow } from "@/db/queries/rich-menus";
import type { ChannelLine } from "@/lib/line/insight";
import { notFound } from "@/lib/platform/http/errors";
import { lineDefaultRichMenuId, richMenuClients } from "./line-rich-menus";
import { RICH_MENU_LIMIT } from "./rich-menu-schema";
import { serializeRichMenu, type RichMenuContext } from "./serialize-rich-menu";

/** Every menu of the channel, its tabbed menus, and which one LINE shows by default. */
export async function readRichMenus(db: Db, params: { channelId: number; line: ChannelLine }) {
  const { channelId } = params;
  const [rows, tabbed, counts, lineDefault] = await Promise.all([
    listRichMenus(db, { channelId }),
    listTabbedMenus(db, { channelId }),
    linkedCounts(db, { channelId }),
    // LINE down or unreachable: the drafts are still listed, the default unknown (and said so).
    defaultOrError(params.line),
  ]);
  const defaultLine = lineDefault.id;
  const richMenus = rows.map((m) => serializeRichMenu(m, { defaultLineRichMenuId: defaultLine, linkedCount: counts.get(m.id) ?? 0 }));
  const defaultMenu = defaultLine ? rows.find((m) => m.lineRichMenuId === defaultLine) : undefined;
  return {
    richMenus,
    tabbedMenus: tabbed.map((t) => ({
      id: t.id,
      name: t.name,
      richMenuIds: rows
        .filter((m) => m.tabbedMenuId === t.id)
        .sort((a, b) => (a.tabIndex ?? 0) - (b.tabIndex ?? 0))
        .map((m) => m.id),
    })),
    default: { richMenuId: defaultMenu?.id ?? null, lineRichMenuId: defaultLine },
    count: rows.length,
    limit: RICH_MENU_LIMIT,
    /** Why LINE could not be asked for its default menu (null when it answered). */
    lineError: lineDefault.error,
  };
}

export async function readRichMenu(db: Db, params: { channelId: number; id: string; line: ChannelLine }) {
  const row = await getRichMenu(db, params);
  if (!row) throw notFound("Rich menu");
  return { richMenu: serializeRichMenu(row, await richMenuContext(db, { ...params, id: row.id })) };
}

/** What serializeRichMenu needs beside the row. */
export async function richMenuContext(db: Db, params: { channelId: number; id: string; line: ChannelLine }): Promise<RichMenuContext> {
  // Asked after a write too: LINE down or not configured must not turn a saved change into an error.
  const [counts, defaultLine] = await Promise.all([linkedCounts(db, params), defaultOrError(params.line)]);
  return { defaultLineRichMenuId: defaultLine.id, linkedCount: counts.get(params.id) ?? 0 };
}

/** The image as stored, for the editor and the phone preview (cached by its version in the URL). */
export async function richMenuImageResponse(db: Db, params: { channelId: number; id: string }): Promise<Response> {
  const row = await getRichMenuImage(db, params);
  if (!row) throw notFound("Rich menu");
  if (!row.image || !row.imageType) throw notFound("Rich menu image");
  return new Response(new Uint8Array(row.image), {
    headers: { "content-type": row.imageType, "content-length": String(row.image.length), "cache-control": "private, max-age=31536000, immutable" },
  });
}

/** LINE's default menu, or why LINE could not say (down, unreachable, no access token): never thrown. */
async function defaultOrError(line: ChannelLine): Promise<{ id: string | null; error: string | null }> {
  try {
    return { id: await lineDefaultRichMenuId((await richMenuClients(line, line.channelId)).api), error: null };
  } catch (err) {
    return { id: null, error: (err as Error).message };
  }
}

/** One menu as the API answers it, after a change. */
export async function richMenuJson(db: Db, params: { channelId: number; row: RichMenuRow; line: ChannelLine }) {
  return serializeRichMenu(params.row, await richMenuContext(db, { channelId: params.channelId, id: params.row.id, line: params.line }));
}
