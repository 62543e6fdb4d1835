import type { Readable } from "node:stream";
import type { Db } from "@/db/client";
import { aliasTaken, insertRichMenuIfNew, knownLineRichMenuIds, type RichMenuRow } from "@/db/queries/rich-menus";
import type { Actor } from "@/lib/auth/require-actor";
import type { ChannelLine } from "@/lib/line/insight";
import { ulid } from "@/lib/platform/ids";
import { authorLabel } from "@/lib/sends/author";
import { askRichMenuLine, richMenuClients } from "./line-rich-menus";
import { RICH_MENU_IMAGE } from "./rich-menu-schema";

/**
 * Menus on LINE that the console did not make (another tool, or before the console): kept as published
 * menus of origin "line", with their image and alias, so they can be seen, set default, linked or
 * replaced by an edited copy.
 */
export async function importRichMenus(db: Db, params: { channelId: number; actor: Actor; line: ChannelLine }) {
  const { channelId } = params;
  const { api, blob } = await richMenuClients(params.line, channelId);
  const [list, aliases, known] = await Promise.all([
    askRichMenuLine(() => api.getRichMenuList()),
    askRichMenuLine(() => api.getRichMenuAliasList()),
    knownLineRichMenuIds(db, { channelId }),
  ]);
  const aliasOf = new Map(aliases.aliases.map((a) => [a.richMenuId, a.richMenuAliasId]));
  // Each menu stored as soon as its image is here (one image in memory at a time); one another import
  // stored meanwhile is skipped, not a unique violation.
  const imported: RichMenuRow[] = [];
  for (const m of list.richmenus.filter((r) => !known.has(r.richMenuId))) {
    // An alias already used by one of our drafts stays with the draft.
    const alias = aliasOf.get(m.richMenuId);
    const aliasId = alias && !(await aliasTaken(db, { channelId, aliasId: alias })) ? alias : null;
    const image = await downloadImage(() => blob.getRichMenuImageWithHttpInfo(m.richMenuId));
    const row = await insertRichMenuIfNew(db, {
      id: ulid(),
      channelId,
      name: m.name,
      chatBarText: m.chatBarText,
      selected: m.selected,
      width: m.size.width ?? 2500,
      height: m.size.height ?? 1686,
      areas: m.areas,
      image: image?.bytes ?? null,
      imageType: image?.type ?? null,
      aliasId,
      lineRichMenuId: m.richMenuId,
      publishedVersion: 1,
      publishedAt: new Date(),
      origin: "line",
      authorKind: params.actor.kind,
      authorId: params.actor.id,
      authorLabel: authorLabel(params.actor),
    });
    if (row) imported.push(row);
  }
  return { imported: imported.length, richMenus: imported };
}

// A menu without an image on LINE answers 404: imported without one.
async function downloadImage(call: () => Promise<{ httpResponse: Response; body: Readable }>) {
  try {
    const res = await askRichMenuLine(call);
    const chunks: Buffer[] = [];
    for await (const chunk of res.body) chunks.push(Buffer.from(chunk as Uint8Array));
    const bytes = new Uint8Array(Buffer.concat(chunks));
    const type = (res.httpResponse.headers.get("content-type") ?? "").split(";")[0]!.trim();
    if (bytes.length > RICH_MENU_IMAGE.maxBytes || !(RICH_MENU_IMAGE.types as readonly string[]).includes(type)) return null;
    return { bytes, type };
  } catch {
    return null;
  }
}
