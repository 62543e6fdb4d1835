import type { Db } from "@/db/client";
import {
  aliasTaken,
  getRichMenu,
  getTabbedMenu,
  insertRichMenus,
  insertTabbedMenu,
  listRichMenus,
  updateRichMenuIfCurrent,
  type NewRichMenu,
  type RichMenuEditOutcome,
  type RichMenuRow,
} from "@/db/queries/rich-menus";
import type { Actor } from "@/lib/auth/require-actor";
import { ulid } from "@/lib/platform/ids";
import { HttpError, notFound } from "@/lib/platform/http/errors";
import { authorLabel } from "@/lib/sends/author";
import type { CreateRichMenuBody, CreateTabbedMenuBody, UpdateRichMenuBody } from "./rich-menu-requests";
import { checkRichMenuImage } from "./rich-menu-image";
import { RICH_MENU_LIMIT, type RichMenuBody } from "./rich-menu-schema";

// Drafts in our database: created, edited (naming the version edited: 409 rich_menu_changed when someone
// else changed it meanwhile) and given an image. Nothing here calls LINE: publishing does.

export async function createRichMenu(db: Db, params: { channelId: number; actor: Actor; body: CreateRichMenuBody }) {
  const { channelId, body } = params;
  await assertRoom(db, channelId, 1);
  if (body.aliasId) await assertAliasFree(db, { channelId, aliasId: body.aliasId });
  if (body.tabbedMenuId && !(await getTabbedMenu(db, { channelId, id: body.tabbedMenuId }))) {
    throw invalid("tabbedMenuId", "no such tabbed menu", "richMenus.validation.tabbedMenuNotFound");
  }
  const [menu] = await insertUnique(db, [
    {
      ...rowOf(body, channelId, params.actor),
      aliasId: body.aliasId ?? null,
      tabbedMenuId: body.tabbedMenuId ?? null,
      tabIndex: body.tabbedMenuId ? (body.tabIndex ?? null) : null,
    },
  ]);
  return menu!;
}

/** A tabbed menu and its 2–4 tabs in one transaction (each tab's alias set; LINE learns them at publish). */
export async function createTabbedMenu(db: Db, params: { channelId: number; actor: Actor | RichMenuAuthor; body: CreateTabbedMenuBody }) {
  const { channelId, body } = params;
  await assertRoom(db, channelId, body.tabs.length);
  for (const [i, tab] of body.tabs.entries()) await assertAliasFree(db, { channelId, aliasId: tab.aliasId, property: `tabs[${i}].aliasId` });
  return db.transaction(async (tx) => {
    const tabbedMenu = await insertTabbedMenu(tx, { id: ulid(), channelId, name: body.name });
    const richMenus = await insertUnique(
      tx,
      body.tabs.map((tab, i) => ({ ...rowOf(tab.body, channelId, params.actor), aliasId: tab.aliasId, tabbedMenuId: tabbedMenu.id, tabIndex: i })),
    );
    return { tabbedMenu, richMenus };
  });
}

export async function editRichMenu(db: Db, params: { channelId: number; id: string; body: UpdateRichMenuBody }) {
  const { channelId, id, body } = params;
  const current = await getRichMenu(db, { channelId, id });
  if (!current) throw notFound("Rich menu");
  if (body.aliasId) await assertAliasFree(db, { channelId, aliasId: body.aliasId, exceptId: id });
  // A new size makes the image wrong: it goes, and a new one must be uploaded before publishing.
  const resized = body.size.width !== current.width || body.size.height !== current.height;
  const set: Partial<NewRichMenu> = {
    name: body.name,
    chatBarText: body.chatBarText,
    selected: body.selected,
    width: body.size.width,
    height: body.size.height,
    areas: body.areas,
    ...(body.aliasId !== undefined ? { aliasId: body.aliasId ?? null } : {}),
    ...(resized ? { image: null, imageType: null } : {}),
  };
  try {
    return rowOfOutcome(await updateRichMenuIfCurrent(db, { channelId, id, version: body.version, set }));
  } catch (err) {
    throw aliasConflict(err) ?? err;
  }
}

/** The image, checked (type, size in bytes and in pixels); a changed image is a change to publish. */
export async function setRichMenuImage(db: Db, params: { channelId: number; id: string; bytes: Uint8Array; contentType: string | null }) {
  const current = await getRichMenu(db, params);
  if (!current) throw notFound("Rich menu");
  const imageType = checkRichMenuImage(params.bytes, params.contentType, { width: current.width, height: current.height });
  return rowOfOutcome(await updateRichMenuIfCurrent(db, { channelId: params.channelId, id: params.id, set: { image: params.bytes, imageType } }));
}

export function rowOfOutcome(outcome: RichMenuEditOutcome): RichMenuRow {
  if (outcome.ok) return outcome.row;
  if (outcome.reason === "not_found") throw notFound("Rich menu");
  throw new HttpError(409, "rich_menu_changed", "Someone changed this rich menu meanwhile: reload it and change it again");
}

/** Who made a menu as stored beside it; demo mode's menus are the system's. */
export interface RichMenuAuthor {
  authorKind: "user" | "apiKey" | "system";
  authorId: string;
  authorLabel: string;
}

function rowOf(body: RichMenuBody, channelId: number, actor: Actor | RichMenuAuthor): NewRichMenu {
  const author = "authorKind" in actor ? actor : { authorKind: actor.kind, authorId: actor.id, authorLabel: authorLabel(actor) };
  return {
    id: ulid(),
    channelId,
    name: body.name,
    chatBarText: body.chatBarText,
    selected: body.selected,
    width: body.size.width,
    height: body.size.height,
    areas: body.areas,
    origin: "console",
    ...author,
  };
}

async function insertUnique(db: Db, rows: NewRichMenu[]) {
  try {
    return await insertRichMenus(db, rows);
  } catch (err) {
    throw aliasConflict(err) ?? err;
  }
}

async function assertRoom(db: Db, channelId: number, adding: number) {
  const count = (await listRichMenus(db, { channelId })).length;
  if (count + adding > RICH_MENU_LIMIT) {
    throw new HttpError(409, "rich_menu_limit", `A channel may have at most ${RICH_MENU_LIMIT} rich menus (LINE's limit); delete some first`);
  }
}

async function assertAliasFree(db: Db, params: { channelId: number; aliasId: string; exceptId?: string; property?: string }) {
  if (await aliasTaken(db, params)) throw aliasTakenError(params.aliasId, params.property);
}

function aliasTakenError(aliasId: string, property = "aliasId") {
  return new HttpError(409, "rich_menu_alias_taken", `${property}: the alias "${aliasId}" is already used by another rich menu of this channel`, [
    { property, message: "is already used by another rich menu", key: "richMenus.validation.aliasTaken" },
  ]);
}

// Two requests racing for one alias: the unique index decides, and the loser hears why.
function aliasConflict(err: unknown): HttpError | null {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = e.code ?? e.cause?.code;
  const constraint = e.constraint ?? e.cause?.constraint ?? "";
  return code === "23505" && constraint.includes("alias") ? aliasTakenError("") : null;
}

function invalid(property: string, message: string, key: string) {
  return new HttpError(400, "invalid_request", `${property}: ${message}`, [{ property, message, key }]);
}
