import type { RichMenuRow } from "@/db/queries/rich-menus";
import type { RichMenuArea } from "./rich-menu-schema";

/** What the page knows beside the row: LINE's default menu, and how many friends the console linked. */
export interface RichMenuContext {
  defaultLineRichMenuId: string | null;
  linkedCount: number;
}

export type RichMenuStatus = "draft" | "published" | "changed";

/** A menu as the API answers it (the contract's RichMenuJson). */
export function serializeRichMenu(m: RichMenuRow, ctx: RichMenuContext) {
  return {
    id: m.id,
    name: m.name,
    chatBarText: m.chatBarText,
    selected: m.selected,
    size: { width: m.width, height: m.height },
    areas: m.areas as RichMenuArea[],
    hasImage: m.hasImage,
    imageUrl: m.hasImage ? `/api/rich-menus/${m.id}/image?v=${m.version}` : null,
    tabbedMenuId: m.tabbedMenuId,
    tabIndex: m.tabIndex,
    aliasId: m.aliasId,
    lineRichMenuId: m.lineRichMenuId,
    origin: m.origin,
    version: m.version,
    publishedVersion: m.publishedVersion,
    status: richMenuStatus(m),
    isDefault: m.lineRichMenuId !== null && m.lineRichMenuId === ctx.defaultLineRichMenuId,
    linkedCount: ctx.linkedCount,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    publishedAt: m.publishedAt?.toISOString() ?? null,
    author: { kind: m.authorKind, label: m.authorLabel },
  };
}

export function richMenuStatus(m: Pick<RichMenuRow, "lineRichMenuId" | "version" | "publishedVersion">): RichMenuStatus {
  if (!m.lineRichMenuId || m.publishedVersion === null) return "draft";
  return m.version > m.publishedVersion ? "changed" : "published";
}
