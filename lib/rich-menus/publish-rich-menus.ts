import { randomUUID } from "node:crypto";
import type { messagingApi } from "@line/bot-sdk";
import type { Db } from "@/db/client";
import {
  getRichMenu,
  getRichMenuImage,
  getTabbedMenu,
  linkedCounts,
  listRichMenus,
  moveRichMenuLinks,
  releaseRichMenuPublish,
  takeRichMenuForPublish,
  updateRichMenuIfCurrent,
  type RichMenuRow,
} from "@/db/queries/rich-menus";
import type { ChannelLine } from "@/lib/line/insight";
import { HttpError, notFound } from "@/lib/platform/http/errors";
import { log } from "@/lib/platform/log";
import { rowOfOutcome } from "./change-rich-menus";
import { askRichMenuLine, lineDefaultRichMenuId, lineRichMenuRequest, orNone, richMenuClients } from "./line-rich-menus";

// Publishing: LINE's menus are immutable, so a draft becomes a new LINE menu each time it is published
// with changes — created, its image uploaded, its alias pointed at it; when it replaces an older one,
// LINE's default and the friends linked to the old one move to it (one batch request, whose progress is
// followed), then the old one is deleted. A friend never sees no menu in between.

/** How long publishing follows the batch that moves linked friends before it stops waiting. */
const BATCH_WAIT_MS = 60_000;
/** Longer than a publish can take (LINE calls time out at 30 s, the batch is followed for a minute). */
const PUBLISH_LEASE_MS = 5 * 60_000;

export interface PublishOptions {
  /** Between progress polls of a batch (tests shorten it). */
  pollMs?: number;
}

/**
 * What a publish could not finish on LINE after the new menu went live (its alias points at it and the
 * console records it): LINE's default or the linked friends not moved — the old LINE menu is kept then.
 */
export type PublishWarning = "default_not_moved" | "linked_friends_not_moved";

export interface Published {
  row: RichMenuRow;
  warnings: PublishWarning[];
}

export async function publishRichMenu(db: Db, params: { channelId: number; id: string; line: ChannelLine } & PublishOptions): Promise<Published> {
  const menu = await getRichMenu(db, params);
  if (!menu) throw notFound("Rich menu");
  return publishOne(db, { ...params, menu });
}

/** Every tab of a tabbed menu, in tab order (each switches to the others' aliases). */
export async function publishTabbedMenu(db: Db, params: { channelId: number; tabbedMenuId: string; line: ChannelLine } & PublishOptions) {
  if (!(await getTabbedMenu(db, { channelId: params.channelId, id: params.tabbedMenuId }))) throw notFound("Tabbed menu");
  const tabs = await listRichMenus(db, { channelId: params.channelId, tabbedMenuId: params.tabbedMenuId });
  const missing = tabs.filter((t) => !t.hasImage);
  if (missing.length) throw noImage(missing.map((t) => t.name).join(", "));
  const rows: RichMenuRow[] = [];
  const warnings = new Set<PublishWarning>();
  for (const menu of tabs.sort((a, b) => (a.tabIndex ?? 0) - (b.tabIndex ?? 0))) {
    const one = await publishOne(db, { ...params, menu });
    rows.push(one.row);
    for (const w of one.warnings) warnings.add(w);
  }
  return { rows, warnings: [...warnings] };
}

async function publishOne(db: Db, params: { channelId: number; line: ChannelLine; menu: RichMenuRow } & PublishOptions): Promise<Published> {
  const { channelId } = params;
  if (params.menu.lineRichMenuId && params.menu.publishedVersion === params.menu.version) return { row: params.menu, warnings: [] };
  if (!(await takeRichMenuForPublish(db, { channelId, id: params.menu.id, leaseMs: PUBLISH_LEASE_MS }))) {
    throw new HttpError(409, "rich_menu_publishing", "This rich menu is being published by another request: wait a moment and reload it");
  }
  try {
    // Read again under the lease: a publish that ended meanwhile changed what LINE has.
    const menu = await getRichMenu(db, { channelId, id: params.menu.id });
    if (!menu) throw notFound("Rich menu");
    if (menu.lineRichMenuId && menu.publishedVersion === menu.version) return { row: menu, warnings: [] };
    return await publishTaken(db, { ...params, menu });
  } finally {
    await releaseRichMenuPublish(db, { channelId, id: params.menu.id });
  }
}

async function publishTaken(db: Db, params: { channelId: number; line: ChannelLine; menu: RichMenuRow } & PublishOptions): Promise<Published> {
  const { channelId, menu } = params;
  const image = await getRichMenuImage(db, { channelId, id: menu.id });
  if (!image?.image || !image.imageType) throw noImage(menu.name);
  const { api, blob } = await richMenuClients(params.line, channelId);
  const old = menu.lineRichMenuId;
  const { richMenuId } = await askRichMenuLine(() => api.createRichMenu(lineRichMenuRequest(menu)), "create");
  try {
    await askRichMenuLine(() => blob.setRichMenuImage(richMenuId, new Blob([new Uint8Array(image.image!)], { type: image.imageType! })));
    if (menu.aliasId) await pointAlias(api, menu.aliasId, richMenuId);
  } catch (err) {
    // Nothing points at the new menu yet: take it back so a failed publish leaves no stray menu on LINE.
    await askRichMenuLine(() => api.deleteRichMenu(richMenuId)).catch(() => {});
    throw err;
  }
  // The alias points at the new menu now: recorded at once, so whatever fails after never leaves the
  // console holding a LINE menu that is no longer the live one (and the next publish strands none).
  const row = rowOfOutcome(
    await updateRichMenuIfCurrent(db, {
      channelId,
      id: menu.id,
      bump: false,
      set: { lineRichMenuId: richMenuId, publishedVersion: menu.version, publishedAt: new Date() },
    }),
  );
  if (!old) return { row, warnings: [] };
  // Moving LINE's default and the linked friends is best effort: when one fails the old menu stays on
  // LINE (its friends, or LINE's default, keep seeing it) and the answer says so.
  const warnings: PublishWarning[] = [];
  try {
    if ((await lineDefaultRichMenuId(api)) === old) await askRichMenuLine(() => api.setDefaultRichMenu(richMenuId));
  } catch (err) {
    log().warn({ scope: "rich-menus", old, richMenuId, err }, "default not moved: the old menu is kept on LINE");
    warnings.push("default_not_moved");
  }
  try {
    if ((await linkedCounts(db, { channelId })).get(menu.id)) {
      if (!(await moveLinkedFriends(api, { from: old, to: richMenuId, pollMs: params.pollMs ?? 1_000 }))) throw new Error("batch did not succeed");
      await moveRichMenuLinks(db, { channelId, richMenuId: menu.id, lineRichMenuId: richMenuId });
    }
  } catch (err) {
    log().warn({ scope: "rich-menus", old, richMenuId, err }, "linked friends not moved: the old menu is kept on LINE");
    warnings.push("linked_friends_not_moved");
  }
  // The old menu goes once nothing of ours points at it (an alias the menu no longer has goes with it).
  if (!warnings.length) {
    await dropOldAliases(api, { old, keep: menu.aliasId }).catch((err: unknown) => log().warn({ scope: "rich-menus", old, err }, "old alias not deleted"));
    await orNone(() => api.deleteRichMenu(old)).catch((err: unknown) => log().warn({ scope: "rich-menus", old, err }, "old menu not deleted"));
  }
  return { row, warnings };
}

/** Aliases still pointing at a replaced menu (the menu's alias was renamed since it was published). */
async function dropOldAliases(api: messagingApi.MessagingApiClient, o: { old: string; keep: string | null }) {
  const { aliases } = await askRichMenuLine(() => api.getRichMenuAliasList());
  for (const a of aliases.filter((x) => x.richMenuId === o.old && x.richMenuAliasId !== o.keep)) {
    await orNone(() => api.deleteRichMenuAlias(a.richMenuAliasId));
  }
}

/** An alias on LINE pointing at `richMenuId`: moved if it exists, made if not. */
async function pointAlias(api: messagingApi.MessagingApiClient, aliasId: string, richMenuId: string) {
  const existing = await orNone(() => api.getRichMenuAlias(aliasId));
  if (existing) await askRichMenuLine(() => api.updateRichMenuAlias(aliasId, { richMenuId }));
  else await askRichMenuLine(() => api.createRichMenuAlias({ richMenuAliasId: aliasId, richMenuId }));
}

/**
 * Every friend linked to `from` linked to `to` instead, with LINE's batch endpoint (3 an hour); its
 * progress is asked by the request id LINE answered with. Answers whether it succeeded.
 */
async function moveLinkedFriends(api: messagingApi.MessagingApiClient, o: { from: string; to: string; pollMs: number }): Promise<boolean> {
  const res = await askRichMenuLine(
    () => api.richMenuBatchWithHttpInfo({ operations: [{ type: "link", from: o.from, to: o.to }], resumeRequestKey: randomUUID() }),
    "batch",
  );
  const requestId = res.httpResponse.headers.get("x-line-request-id");
  if (!requestId) return false;
  const until = Date.now() + BATCH_WAIT_MS;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, o.pollMs));
    const progress = await askRichMenuLine(() => api.getRichMenuBatchProgress(requestId));
    if (progress.phase === "succeeded") return true;
    if (progress.phase === "failed") return false;
  }
  return false;
}

function noImage(names: string) {
  return new HttpError(409, "rich_menu_no_image", `Upload an image before publishing (LINE shows no menu without one): ${names}`);
}
