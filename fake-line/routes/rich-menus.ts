// Rich menu endpoints of messaging-api.yml: create, validate, image upload/download (api-data paths),
// get, list, delete, the default menu, per-user link/unlink and bulk link/unlink. Aliases and batch:
// rich-menu-aliases.ts; statistics: rich-menu-insight.ts. Paths with fixed segments are listed before
// the ones with a parameter in the same place (`list` before `:richMenuId`, `all` before `:userId`).
import { ID_PATTERNS } from "../core/ids";
import { richMenuJson, type StoredRichMenu } from "../domain/rich-menus";
import { readImageSize } from "../media/image-size";
import type { Platform } from "../platform";
import { fail, json, lineError, type HttpReply } from "../http/reply";
import { jsonObject, type Route, type RouteContext } from "../http/route";
import { Checker } from "../validation/checker";
import { checkRichMenu } from "../validation/rich-menu";

const RICH_MENU_LIMIT = 1000;
const IMAGE_MAX_BYTES = 1024 * 1024;
const BULK_MAX = 500;

export const RICH_MENU_MESSAGES = {
  notFound: "richmenu not found",
  noImage: "must upload richmenu image before applying it to user",
  imageUploaded: "An image has already been uploaded to the richmenu",
  userHasNone: "the user has no richmenu",
  noDefault: "no default richmenu",
} as const;

export const richMenuRoutes: Route[] = [
  {
    method: "POST",
    path: "/v2/bot/richmenu",
    rateClass: "richMenu",
    jsonBody: true,
    handle(ctx) {
      const checked = checkRichMenu(jsonObject(ctx));
      if ("error" in checked) return checked.error;
      const menus = ctx.platform.richMenus;
      if (menus.menus.size >= RICH_MENU_LIMIT) return lineError(400, `The maximum number of rich menus (${RICH_MENU_LIMIT}) has been reached`);
      return json(200, { richMenuId: menus.create(checked.menu, ctx.platform.clock.now()).richMenuId });
    },
  },
  {
    method: "POST",
    path: "/v2/bot/richmenu/validate",
    rateClass: "default",
    jsonBody: true,
    handle(ctx) {
      const checked = checkRichMenu(jsonObject(ctx));
      return "error" in checked ? checked.error : json(200, {});
    },
  },
  {
    method: "GET",
    path: "/v2/bot/richmenu/list",
    rateClass: "default",
    handle: (ctx) => json(200, { richmenus: [...ctx.platform.richMenus.menus.values()].map(richMenuJson) }),
  },
  {
    method: "GET",
    path: "/v2/bot/richmenu/:richMenuId",
    rateClass: "default",
    handle: (ctx) => json(200, richMenuJson(requireMenu(ctx.platform, ctx.params.richMenuId))),
  },
  {
    method: "DELETE",
    path: "/v2/bot/richmenu/:richMenuId",
    rateClass: "richMenu",
    handle(ctx) {
      const menu = requireMenu(ctx.platform, ctx.params.richMenuId);
      ctx.platform.richMenus.delete(menu.richMenuId);
      return json(200, {});
    },
  },
  {
    method: "POST",
    path: "/v2/bot/richmenu/:richMenuId/content",
    rateClass: "default",
    handle: (ctx) => uploadImage(ctx),
  },
  {
    method: "GET",
    path: "/v2/bot/richmenu/:richMenuId/content",
    rateClass: "default",
    handle(ctx) {
      const menu = requireMenu(ctx.platform, ctx.params.richMenuId);
      if (!menu.image) return lineError(404, "Not found");
      return { status: 200, bytes: menu.image.bytes, contentType: menu.image.contentType };
    },
  },
  {
    method: "POST",
    path: "/v2/bot/user/all/richmenu/:richMenuId",
    rateClass: "default",
    handle(ctx) {
      const menu = requireApplicable(ctx.platform, ctx.params.richMenuId);
      ctx.platform.richMenus.setDefault(menu.richMenuId);
      return json(200, {});
    },
  },
  {
    method: "GET",
    path: "/v2/bot/user/all/richmenu",
    rateClass: "default",
    handle(ctx) {
      const id = ctx.platform.richMenus.defaultId;
      return id ? json(200, { richMenuId: id }) : lineError(404, RICH_MENU_MESSAGES.noDefault);
    },
  },
  {
    method: "DELETE",
    path: "/v2/bot/user/all/richmenu",
    rateClass: "default",
    handle(ctx) {
      ctx.platform.richMenus.setDefault(null);
      return json(200, {});
    },
  },
  {
    method: "GET",
    path: "/v2/bot/user/:userId/richmenu",
    rateClass: "default",
    handle(ctx) {
      const userId = requireUserId(ctx);
      const id = ctx.platform.richMenus.links.get(userId);
      return id ? json(200, { richMenuId: id }) : lineError(404, RICH_MENU_MESSAGES.userHasNone);
    },
  },
  {
    method: "DELETE",
    path: "/v2/bot/user/:userId/richmenu",
    rateClass: "default",
    handle(ctx) {
      ctx.platform.richMenus.unlink(requireUserId(ctx));
      return json(200, {});
    },
  },
  {
    method: "POST",
    path: "/v2/bot/user/:userId/richmenu/:richMenuId",
    rateClass: "default",
    handle(ctx) {
      const userId = requireUserId(ctx);
      const menu = requireApplicable(ctx.platform, ctx.params.richMenuId);
      ctx.platform.richMenus.link(userId, menu.richMenuId);
      return json(200, {});
    },
  },
  {
    method: "POST",
    path: "/v2/bot/richmenu/bulk/link",
    rateClass: "default",
    jsonBody: true,
    handle(ctx) {
      const body = jsonObject(ctx);
      const c = new Checker();
      const richMenuId = c.str(body, "richMenuId", "", { required: true });
      const userIds = checkUserIds(c, body);
      const invalid = c.result();
      if (invalid) return invalid;
      const menu = ctx.platform.richMenus.get(richMenuId ?? "");
      if (!menu) return lineError(400, RICH_MENU_MESSAGES.notFound);
      if (!menu.image) return lineError(400, RICH_MENU_MESSAGES.noImage);
      // LINE applies it in the background; the fake applies it before answering 202.
      for (const userId of new Set(userIds)) ctx.platform.richMenus.link(userId, menu.richMenuId);
      return json(202, {});
    },
  },
  {
    method: "POST",
    path: "/v2/bot/richmenu/bulk/unlink",
    rateClass: "default",
    jsonBody: true,
    handle(ctx) {
      const c = new Checker();
      const userIds = checkUserIds(c, jsonObject(ctx));
      const invalid = c.result();
      if (invalid) return invalid;
      for (const userId of new Set(userIds)) ctx.platform.richMenus.unlink(userId);
      return json(202, {});
    },
  },
];

function uploadImage(ctx: RouteContext): HttpReply {
  const menu = requireMenu(ctx.platform, ctx.params.richMenuId);
  const contentType = (headerValue(ctx.headers["content-type"]) ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (contentType !== "image/jpeg" && contentType !== "image/png") return lineError(415, `The content type, ${contentType || "(none)"}, is not supported`);
  if (ctx.rawBody.length > IMAGE_MAX_BYTES) return lineError(413, "Request entity too large");
  if (menu.image) return lineError(400, RICH_MENU_MESSAGES.imageUploaded);
  const size = readImageSize(ctx.rawBody);
  if (!size || `image/${size.kind}` !== contentType) return lineError(400, `The image is not a valid ${contentType === "image/png" ? "PNG" : "JPEG"} file`);
  if (size.width !== menu.size.width || size.height !== menu.size.height) {
    return lineError(400, `The image size (${size.width}x${size.height}) does not match the rich menu size (${menu.size.width}x${menu.size.height})`);
  }
  menu.image = { bytes: Buffer.from(ctx.rawBody), contentType };
  return json(200, {});
}

function checkUserIds(c: Checker, body: Record<string, unknown>): string[] {
  const list = c.arr(body, "userIds", "", { required: true, min: 1, max: BULK_MAX }) ?? [];
  const ids: string[] = [];
  list.forEach((v, i) => {
    if (typeof v !== "string") return c.typeError(`userIds[${i}]`);
    if (!ID_PATTERNS.user.test(v)) c.error(`userIds[${i}]`, "Invalid user ID");
    ids.push(v);
  });
  return ids;
}

export function requireMenu(p: Platform, richMenuId: string | undefined): StoredRichMenu {
  return p.richMenus.get(richMenuId ?? "") ?? fail(lineError(404, RICH_MENU_MESSAGES.notFound));
}

/** A menu that can be shown to users: it exists and has its image. */
function requireApplicable(p: Platform, richMenuId: string | undefined): StoredRichMenu {
  const menu = requireMenu(p, richMenuId);
  if (!menu.image) fail(lineError(400, RICH_MENU_MESSAGES.noImage));
  return menu;
}

function requireUserId(ctx: RouteContext): string {
  const userId = ctx.params.userId ?? "";
  if (!ID_PATTERNS.user.test(userId)) fail(lineError(400, "The value for the 'userId' parameter is invalid"));
  return userId;
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
