import { queryOptions } from "@tanstack/react-query";
import type { RichMenuArea, RichMenuBody } from "@/lib/rich-menus/rich-menu-schema";
import { ApiError, browserFetch, channelHeaders, getJson, sendJson, type ApiFetch } from "./api-client";

// Rich menus: the list (with tabbed menus and the default), one menu, and the requests that create,
// change, check, publish, set default and delete them. The bodies are the shared schema's types
// (lib/rich-menus/rich-menu-schema.ts); the server checks them again and answers 400 naming each field.

export type RichMenuStatus = "draft" | "published" | "changed";

/** A menu as the API answers it (RichMenuJson in the contract). */
export interface RichMenu {
  id: string;
  name: string;
  chatBarText: string;
  selected: boolean;
  size: { width: number; height: number };
  areas: RichMenuArea[];
  hasImage: boolean;
  /** "/api/rich-menus/<id>/image?v=<version>", or null before an image is uploaded. */
  imageUrl: string | null;
  tabbedMenuId: string | null;
  tabIndex: number | null;
  aliasId: string | null;
  /** null: never published. */
  lineRichMenuId: string | null;
  origin: "console" | "line";
  version: number;
  publishedVersion: number | null;
  status: RichMenuStatus;
  isDefault: boolean;
  linkedCount: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  author: { kind: string; label: string } | null;
}

export interface TabbedMenu {
  id: string;
  name: string;
  richMenuIds: string[];
}

export interface RichMenuList {
  richMenus: RichMenu[];
  tabbedMenus: TabbedMenu[];
  default: { richMenuId: string | null; lineRichMenuId: string | null };
  count: number;
  limit: number;
  /** Why LINE could not say which menu is its default (null when it answered): the default badges may be missing. */
  lineError?: string | null;
}

/** POST /api/rich-menus and PATCH's body: the shared schema plus where the menu sits. */
export type RichMenuSaveBody = RichMenuBody & { aliasId?: string | null; tabbedMenuId?: string | null; tabIndex?: number | null };
export type RichMenuPatchBody = RichMenuSaveBody & { version: number };

export interface TabbedMenuBody {
  name: string;
  tabs: { body: RichMenuBody; aliasId: string }[];
}

export interface RichMenuValidation {
  ok: boolean;
  issues: { path: (string | number)[] | string; message: string; key?: string }[];
  /** LINE's validate endpoint's answer (asked only when our schema passes). */
  line: { ok: boolean; message?: string; details?: { property?: string; message: string }[] };
}

export type LinkRunStatus = "running" | "done" | "failed" | "cancelled";
export type LinkTarget = { kind: "friends"; userIds: string[] } | { kind: "segment"; segmentId: string };

export interface LinkRun {
  id: string;
  action: "link" | "unlink";
  richMenuId: string | null;
  target: { kind: "friends" | "segment"; segmentId?: string; segmentName?: string };
  status: LinkRunStatus;
  total: number;
  done: number;
  failed: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export const richMenuKeys = {
  all: ["richMenus"] as const,
  list: () => ["richMenus", "list"] as const,
  detail: (id: string) => ["richMenus", "detail", id] as const,
  linkRuns: (richMenuId: string | null) => ["richMenus", "linkRuns", richMenuId] as const,
  linkRun: (id: string) => ["richMenus", "linkRun", id] as const,
  taps: (id: string, params: Record<string, string>) => ["richMenus", "taps", id, params] as const,
  contact: (userId: string) => ["richMenus", "contact", userId] as const,
};

const menuPath = (id: string) => `/api/rich-menus/${encodeURIComponent(id)}`;

export function richMenuListQuery(api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: richMenuKeys.list(),
    queryFn: ({ signal }) => getJson<RichMenuList>(api, "/api/rich-menus", signal),
  });
}

export function richMenuQuery(id: string, api: ApiFetch = browserFetch) {
  return queryOptions({
    queryKey: richMenuKeys.detail(id),
    queryFn: ({ signal }) => getJson<{ richMenu: RichMenu }>(api, menuPath(id), signal),
    // Editing starts from this version: never swap it under the operator's edits.
    staleTime: Infinity,
  });
}

export const createRichMenu = (body: RichMenuSaveBody) => sendJson<{ richMenu: RichMenu }>("POST", "/api/rich-menus", body);
export const updateRichMenu = (id: string, body: RichMenuPatchBody) => sendJson<{ richMenu: RichMenu }>("PATCH", menuPath(id), body);
export const deleteRichMenu = (id: string, force = false) => sendJson<null>("DELETE", force ? `${menuPath(id)}?force=1` : menuPath(id));
export const createTabbedMenu = (body: TabbedMenuBody) => sendJson<{ tabbedMenu: TabbedMenu; richMenus: RichMenu[] }>("POST", "/api/rich-menus/tabbed", body);
export const validateRichMenu = (body: RichMenuBody) => sendJson<RichMenuValidation>("POST", "/api/rich-menus/validate", body);
/** What a publish could not move on LINE once the new menu was live (the old menu kept for it). */
export type PublishWarning = "default_not_moved" | "linked_friends_not_moved";
export const publishRichMenu = (id: string) => sendJson<{ richMenu: RichMenu; warnings?: PublishWarning[] }>("POST", `${menuPath(id)}/publish`);
export const publishTabbedMenu = (tabbedMenuId: string) =>
  sendJson<{ richMenus?: RichMenu[]; warnings?: PublishWarning[] }>("POST", `/api/rich-menus/tabbed/${encodeURIComponent(tabbedMenuId)}/publish`);
export const setDefaultRichMenu = (id: string) => sendJson<unknown>("POST", `${menuPath(id)}/default`);
export const clearDefaultRichMenu = () => sendJson<unknown>("DELETE", "/api/rich-menus/default");
export const importRichMenus = () => sendJson<{ imported: number }>("POST", "/api/rich-menus/import");
export const linkRichMenu = (id: string, target: LinkTarget) => sendJson<{ run: LinkRun }>("POST", `${menuPath(id)}/links`, { target });
export const unlinkRichMenus = (target: LinkTarget) => sendJson<{ run: LinkRun }>("POST", "/api/rich-menus/unlinks", { target });

/** Uploads the image as the raw body (the server reads its pixel size from the header). */
export async function uploadRichMenuImage(id: string, file: Blob): Promise<{ richMenu?: RichMenu }> {
  const res = await fetch(`${menuPath(id)}/image`, {
    method: "PUT",
    headers: { accept: "application/json", "content-type": file.type, ...channelHeaders() },
    body: file,
  });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (json ?? {}) as { code?: string; message?: string };
    throw new ApiError(res.status, e.code ?? "http_error", e.message ?? `HTTP ${res.status}`);
  }
  return (json ?? {}) as { richMenu?: RichMenu };
}

/** Someone saved this menu first (409 rich_menu_changed). */
export const isRichMenuConflict = (err: unknown) => err instanceof ApiError && err.status === 409 && err.code === "rich_menu_changed";
/** Deleting the default needs a second yes (409 rich_menu_is_default). */
export const isRichMenuDefaultRefusal = (err: unknown) => err instanceof ApiError && err.status === 409 && err.code === "rich_menu_is_default";
