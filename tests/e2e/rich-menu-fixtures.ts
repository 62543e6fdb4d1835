import { expect, type APIRequestContext } from "@playwright/test";
import { encodePng, type Rgb } from "../../fake-line/media/png";

// Rich menus made through the console's API for the targeting tests: a menu of equal columns, each with
// its own action, its image a PNG of its size with one colour a column, published to LINE (the fake).

export const MENU_SIZE = { width: 1200, height: 405 } as const;
const COLOURS: Rgb[] = [
  [6, 199, 85],
  [40, 120, 220],
  [240, 150, 30],
  [200, 60, 120],
];

export type MenuAction =
  | { type: "postback"; data: string; displayText?: string; label?: string }
  | { type: "message"; text: string; label?: string }
  | { type: "uri"; uri: string; label?: string }
  | { type: "richmenuswitch"; richMenuAliasId: string; data: string; label?: string };

export interface MenuJson {
  id: string;
  name: string;
  lineRichMenuId: string | null;
  tabbedMenuId: string | null;
  aliasId: string | null;
}

export function menuBody(name: string, actions: MenuAction[], chatBarText = "Menu") {
  const w = Math.floor(MENU_SIZE.width / actions.length);
  return {
    name,
    chatBarText,
    selected: true,
    size: MENU_SIZE,
    areas: actions.map((action, i) => ({ bounds: { x: i * w, y: 0, width: w, height: MENU_SIZE.height }, action })),
  };
}

/** Columns of colour, a lighter band along the top (so a tab shows which one it is: `shade`). */
export function menuPng(columns: number, shade = 0): Buffer {
  const w = Math.floor(MENU_SIZE.width / columns);
  return encodePng(MENU_SIZE.width, MENU_SIZE.height, (x, y) => {
    const [r, g, b] = COLOURS[Math.min(columns - 1, Math.floor(x / w)) % COLOURS.length]!;
    const band = y < 60 ? 50 + shade * 40 : 0;
    return [r + band, g + band, b + band];
  });
}

type Api = { request: APIRequestContext; headers?: Record<string, string> };

/** Uploads the image and publishes: the menu can then be set default and linked. */
export async function uploadAndPublish({ request, headers }: Api, id: string, columns: number, shade = 0): Promise<MenuJson> {
  const image = await request.put(`/api/rich-menus/${id}/image`, { headers: { ...headers, "content-type": "image/png" }, data: menuPng(columns, shade) });
  expect(image.status(), await image.text()).toBe(200);
  const published = await request.post(`/api/rich-menus/${id}/publish`, { headers });
  expect(published.status(), await published.text()).toBe(200);
  return ((await published.json()) as { richMenu: MenuJson }).richMenu;
}

export async function publishedMenu(api: Api, name: string, actions: MenuAction[]): Promise<MenuJson> {
  const created = await api.request.post("/api/rich-menus", { headers: api.headers, data: menuBody(name, actions) });
  expect(created.status(), await created.text()).toBe(201);
  const { richMenu } = (await created.json()) as { richMenu: MenuJson };
  return uploadAndPublish(api, richMenu.id, actions.length);
}

/** Two tabs switching to each other (created together, then each given its image, then published together). */
export async function publishedTabs(api: Api, name: string, tabs: Array<{ aliasId: string; chatBarText: string; actions: MenuAction[] }>): Promise<MenuJson[]> {
  const created = await api.request.post("/api/rich-menus/tabbed", {
    headers: api.headers,
    data: { name, tabs: tabs.map((t, i) => ({ aliasId: t.aliasId, body: menuBody(`${name} ${i + 1}`, t.actions, t.chatBarText) })) },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { tabbedMenu, richMenus } = (await created.json()) as { tabbedMenu: { id: string }; richMenus: MenuJson[] };
  for (const [i, m] of richMenus.entries()) {
    const image = await api.request.put(`/api/rich-menus/${m.id}/image`, {
      headers: { ...api.headers, "content-type": "image/png" },
      data: menuPng(tabs[i]!.actions.length, i),
    });
    expect(image.status(), await image.text()).toBe(200);
  }
  const published = await api.request.post(`/api/rich-menus/tabbed/${tabbedMenu.id}/publish`, { headers: api.headers });
  expect(published.status(), await published.text()).toBe(200);
  const list = (await (await api.request.get("/api/rich-menus", { headers: api.headers })).json()) as { richMenus: MenuJson[] };
  return richMenus.map((m) => list.richMenus.find((r) => r.id === m.id)!);
}
