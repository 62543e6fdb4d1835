import * as menuRoute from "@/app/api/rich-menus/[id]/route";
import * as imageRoute from "@/app/api/rich-menus/[id]/image/route";
import * as publishRoute from "@/app/api/rich-menus/[id]/publish/route";
import * as menusRoute from "@/app/api/rich-menus/route";
import { flatPng } from "@/lib/rich-menus/flat-png";
import type { RouteClient } from "./route-client";

// Rich menus through the console's routes: a body of a given size split into columns, its image, and a
// menu made, given its image and published in one step.

export const SIZE = { width: 800, height: 270 } as const;

export function menuBody(actions: Array<Record<string, unknown>>, o: { name?: string; size?: { width: number; height: number } } = {}) {
  const size = o.size ?? SIZE;
  const w = Math.floor(size.width / actions.length);
  return {
    name: o.name ?? "Menu",
    chatBarText: "Menu",
    selected: false,
    size,
    areas: actions.map((action, i) => ({ bounds: { x: i * w, y: 0, width: w, height: size.height }, action })),
  };
}

export const postback = (data: string) => ({ type: "postback", data, displayText: `tapped ${data}` });
export const message = (text: string) => ({ type: "message", text });

export const png = (size: { width: number; height: number } = SIZE) => flatPng(size.width, size.height, [20, 120, 200]);

export async function createMenu(client: RouteClient, body: Record<string, unknown>) {
  return client.call(menusRoute.POST, "POST", "/api/rich-menus", { body });
}

export async function putImage(client: RouteClient, id: string, bytes: Uint8Array, type = "image/png") {
  return client.call(imageRoute.PUT, "PUT", `/api/rich-menus/${id}/image`, { params: { id }, body: bytes, headers: { "content-type": type } });
}

export async function publish(client: RouteClient, id: string) {
  return client.call(publishRoute.POST, "POST", `/api/rich-menus/${id}/publish`, { params: { id } });
}

export async function patchMenu(client: RouteClient, id: string, body: Record<string, unknown>) {
  return client.call(menuRoute.PATCH, "PATCH", `/api/rich-menus/${id}`, { params: { id }, body });
}

/** A menu created, given its image and published: its JSON. */
export async function publishedMenu(client: RouteClient, body: Record<string, unknown>) {
  const made = await createMenu(client, body);
  if (made.status !== 201) throw new Error(`create answered ${made.status}: ${JSON.stringify(made.json)}`);
  const id = made.json.richMenu.id as string;
  const up = await putImage(client, id, png(body.size as typeof SIZE));
  if (up.status !== 200) throw new Error(`image answered ${up.status}: ${JSON.stringify(up.json)}`);
  const pub = await publish(client, id);
  if (pub.status !== 200) throw new Error(`publish answered ${pub.status}: ${JSON.stringify(pub.json)}`);
  return pub.json.richMenu;
}
