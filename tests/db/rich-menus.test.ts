import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/audit/route";
import * as defaultRoute from "@/app/api/rich-menus/[id]/default/route";
import * as imageRoute from "@/app/api/rich-menus/[id]/image/route";
import * as menuRoute from "@/app/api/rich-menus/[id]/route";
import * as clearDefaultRoute from "@/app/api/rich-menus/default/route";
import * as importRoute from "@/app/api/rich-menus/import/route";
import * as menusRoute from "@/app/api/rich-menus/route";
import * as tabbedPublishRoute from "@/app/api/rich-menus/tabbed/[tabbedMenuId]/publish/route";
import * as tabbedRoute from "@/app/api/rich-menus/tabbed/route";
import * as validateRoute from "@/app/api/rich-menus/validate/route";
import { getRuntime } from "@/lib/runtime/runtime";
import { flatPng } from "@/lib/rich-menus/flat-png";
import { createMenu, menuBody, message, patchMenu, png, postback, publish, publishedMenu, putImage, SIZE } from "../helpers/rich-menus";
import { startScheduleWorld, type ScheduleWorld } from "../helpers/schedules";

// Rich menus through the API: drafts with versions, images checked as LINE checks them, publishing and
// replacing on LINE (alias, default and linked friends moved, the old menu deleted), tabbed menus,
// the default, import — every write for operators and audited.

let w: ScheduleWorld;
beforeAll(async () => {
  w = await startScheduleWorld();
});
afterAll(async () => w.cleanup());

const api = async () => (await (await getRuntime()).line((await getRuntime()).firstChannelId)).api;
const audit = async (action: string) =>
  (await w.admin.call(auditRoute.GET, "GET", `/api/audit?action=${action}`)).json.items as Array<{ target: string; details: Record<string, unknown> }>;
const list = async () => (await w.viewer.call(menusRoute.GET, "GET", "/api/rich-menus")).json;

describe("rich menu drafts", () => {
  it("creates a draft (201, nothing on LINE yet), reads and lists it; viewers read, only operators write", async () => {
    const made = await createMenu(w.operator, { ...menuBody([postback("a"), message("hello")], { name: "Main" }), aliasId: "main" });
    expect(made.status).toBe(201);
    expect(made.json.richMenu).toMatchObject({
      name: "Main",
      size: SIZE,
      hasImage: false,
      imageUrl: null,
      aliasId: "main",
      lineRichMenuId: null,
      origin: "console",
      version: 1,
      publishedVersion: null,
      status: "draft",
      isDefault: false,
      linkedCount: 0,
      author: { kind: "user", label: "otto <otto@example.com>" },
    });
    const id = made.json.richMenu.id;
    expect((await w.viewer.call(menuRoute.GET, "GET", `/api/rich-menus/${id}`, { params: { id } })).json.richMenu.id).toBe(id);
    const all = await list();
    expect(all).toMatchObject({ count: 1, limit: 1000, default: { richMenuId: null, lineRichMenuId: null } });
    expect((await createMenu(w.viewer, menuBody([postback("x")]))).status).toBe(403);
    expect((await putImage(w.viewer, id, png())).status).toBe(403);
    expect((await publish(w.viewer, id)).status).toBe(403);
    expect((await (await api()).getRichMenuList()).richmenus).toEqual([]);
    const [entry] = await audit("richMenu.created");
    expect(entry).toMatchObject({ target: id, details: { name: "Main", aliasId: "main" } });
  });

  it("still lists the drafts when LINE cannot say which menu is the default, saying why", async () => {
    await w.control("POST", "/__fake/faults", { path: "/v2/bot/user/all/richmenu", method: "GET", kind: "error", status: 500, count: 1 });
    const res = await list();
    expect(res).toMatchObject({ count: 1, default: { richMenuId: null, lineRichMenuId: null }, lineError: expect.stringMatching(/Internal server error|500/) });
    expect((await list()).lineError).toBeNull();
  });

  it("refuses bad menus with the property and reason, writing nothing", async () => {
    const before = (await list()).count;
    const outside = await createMenu(w.operator, {
      ...menuBody([postback("a")]),
      areas: [{ bounds: { x: 700, y: 0, width: 200, height: 270 }, action: postback("a") }],
    });
    expect([outside.status, outside.json.details[0]]).toEqual([
      400,
      expect.objectContaining({ property: "areas[0].bounds", key: expect.stringContaining("richMenus.validation.outside") }),
    ]);
    const narrow = await createMenu(w.operator, menuBody([postback("a")], { size: { width: 800, height: 600 } }));
    expect(narrow.status).toBe(400);
    const alias = await createMenu(w.operator, { ...menuBody([postback("a")]), aliasId: "Not An Alias" });
    expect([alias.status, alias.json.details[0].property]).toEqual([400, "aliasId"]);
    const taken = await createMenu(w.operator, { ...menuBody([postback("a")]), aliasId: "main" });
    expect([taken.status, taken.json.code]).toEqual([409, "rich_menu_alias_taken"]);
    const chatBar = await createMenu(w.operator, { ...menuBody([postback("a")]), chatBarText: "fifteen chars!!" });
    expect([chatBar.status, chatBar.json.details[0].property]).toEqual([400, "chatBarText"]);
    expect((await list()).count).toBe(before);
  });

  it("checks the image: type (415), 1 MB (413), pixel size equal to the menu's (422); stores and serves it", async () => {
    const id = (await createMenu(w.operator, menuBody([postback("img")]))).json.richMenu.id;
    const gif = await putImage(w.operator, id, new Uint8Array([0x47, 0x49, 0x46, 0x38]), "image/gif");
    expect([gif.status, gif.json.code]).toEqual([415, "rich_menu_image_type"]);
    const big = await putImage(w.operator, id, new Uint8Array(1024 * 1024 + 1), "image/png");
    expect([big.status, big.json.code]).toEqual([413, "rich_menu_image_too_large"]);
    const wrong = await putImage(w.operator, id, flatPng(1200, 405, [0, 0, 0]));
    expect([wrong.status, wrong.json.code, wrong.json.message]).toEqual([422, "rich_menu_image_size", expect.stringContaining("1200×405")]);
    const notPng = await putImage(w.operator, id, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24]));
    expect([notPng.status, notPng.json.code]).toEqual([422, "rich_menu_image_unreadable"]);
    const jpegHeader = new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x0e, 0x03, 0x20, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9]);
    const jpeg = await putImage(w.operator, id, jpegHeader, "image/jpeg");
    expect([jpeg.status, jpeg.json.richMenu?.hasImage]).toEqual([200, true]);
    const ok = await putImage(w.operator, id, png());
    expect(ok.json.richMenu).toMatchObject({ hasImage: true, version: 3, imageUrl: `/api/rich-menus/${id}/image?v=3` });
    const served = await w.viewer.send(imageRoute.GET, "GET", `/api/rich-menus/${id}/image`, { params: { id } });
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png());
  });

  it("edits with the version read: a stale one is refused (409 rich_menu_changed)", async () => {
    const made = (await createMenu(w.operator, menuBody([postback("v")], { name: "Versioned" }))).json.richMenu;
    const first = await patchMenu(w.operator, made.id, { ...menuBody([postback("v2")], { name: "Versioned 2" }), version: 1 });
    expect(first.json.richMenu).toMatchObject({ name: "Versioned 2", version: 2 });
    const stale = await patchMenu(w.admin, made.id, { ...menuBody([postback("v3")], { name: "Versioned 3" }), version: 1 });
    expect([stale.status, stale.json.code]).toEqual([409, "rich_menu_changed"]);
  });

  it("validates ours first, then LINE's validate endpoint", async () => {
    const bad = await w.viewer.call(validateRoute.POST, "POST", "/api/rich-menus/validate", { body: { ...menuBody([postback("a")]), chatBarText: "" } });
    expect(bad.json).toMatchObject({ ok: false, line: null });
    expect(bad.json.issues[0]).toMatchObject({ path: "chatBarText" });
    const good = await w.viewer.call(validateRoute.POST, "POST", "/api/rich-menus/validate", { body: menuBody([postback("a")]) });
    expect(good.json).toEqual({ ok: true, issues: [], line: { ok: true } });
  });
});

describe("publishing", () => {
  it("refuses a menu without an image (409), then publishes: created on LINE with its image and alias", async () => {
    const made = (await createMenu(w.operator, { ...menuBody([postback("p1"), message("hi")], { name: "Shop" }), aliasId: "shop" })).json.richMenu;
    const noImage = await publish(w.operator, made.id);
    expect([noImage.status, noImage.json.code]).toEqual([409, "rich_menu_no_image"]);
    await putImage(w.operator, made.id, png());
    const res = await publish(w.operator, made.id);
    expect(res.status).toBe(200);
    const menu = res.json.richMenu;
    expect(menu).toMatchObject({ status: "published", publishedVersion: menu.version });
    const onLine = await (await api()).getRichMenu(menu.lineRichMenuId);
    expect(onLine).toMatchObject({ name: "Shop", chatBarText: "Menu", size: SIZE });
    expect(onLine.areas.map((a) => a.action)).toEqual([
      expect.objectContaining({ type: "postback", data: "p1" }),
      expect.objectContaining({ type: "message", text: "hi" }),
    ]);
    expect((await (await api()).getRichMenuAlias("shop")).richMenuId).toBe(menu.lineRichMenuId);
    const [entry] = await audit("richMenu.published");
    expect(entry).toMatchObject({ target: made.id, details: { lineRichMenuId: menu.lineRichMenuId } });
  });

  it("replaces a published menu that changed: new LINE menu, alias, default and linked friends moved, old one deleted", async () => {
    const menu = await publishedMenu(w.operator, { ...menuBody([postback("r1")], { name: "Replace me" }), aliasId: "replace" });
    const old = menu.lineRichMenuId as string;
    const set = await w.operator.call(defaultRoute.POST, "POST", `/api/rich-menus/${menu.id}/default`, { params: { id: menu.id } });
    expect(set.json.richMenu.isDefault).toBe(true);
    // Two friends linked through the console (recorded), one of them checked on LINE after.
    const { linkFriend } = await import("@/lib/rich-menus/friend-rich-menu");
    const { db, firstChannelId, line } = await getRuntime();
    for (const userId of w.friends.slice(0, 2))
      await linkFriend(db, { channelId: firstChannelId, userId, richMenuId: menu.id, line: { channelId: firstChannelId, clients: line } });
    const edited = await patchMenu(w.operator, menu.id, { ...menuBody([postback("r2")], { name: "Replaced" }), aliasId: "replace", version: menu.version });
    expect(edited.json.richMenu).toMatchObject({ status: "changed", lineRichMenuId: old });
    const res = await publish(w.operator, menu.id);
    const now = res.json.richMenu;
    expect(now).toMatchObject({ status: "published", isDefault: true, linkedCount: 2 });
    expect(now.lineRichMenuId).not.toBe(old);
    const a = await api();
    expect((await a.getDefaultRichMenuId()).richMenuId).toBe(now.lineRichMenuId);
    expect((await a.getRichMenuAlias("replace")).richMenuId).toBe(now.lineRichMenuId);
    for (const userId of w.friends.slice(0, 2)) expect((await a.getRichMenuIdOfUser(userId)).richMenuId).toBe(now.lineRichMenuId);
    await expect(a.getRichMenu(old)).rejects.toMatchObject({ status: 404 });
    expect((await a.getRichMenu(now.lineRichMenuId)).name).toBe("Replaced");
  });

  it("a renamed alias moves at the next publish: the new one points at the new menu, the old one is gone", async () => {
    const menu = await publishedMenu(w.operator, { ...menuBody([postback("al")], { name: "Alias rename" }), aliasId: "before-rename" });
    await patchMenu(w.operator, menu.id, { ...menuBody([postback("al")], { name: "Alias rename" }), aliasId: "after-rename", version: menu.version });
    const now = (await publish(w.operator, menu.id)).json.richMenu;
    const a = await api();
    expect((await a.getRichMenuAlias("after-rename")).richMenuId).toBe(now.lineRichMenuId);
    await expect(a.getRichMenuAlias("before-rename")).rejects.toMatchObject({ status: 404 });
  });

  it("deletes: the default only with ?force=1; on LINE too, with its alias", async () => {
    const all = await list();
    const def = all.richMenus.find((m: { isDefault: boolean }) => m.isDefault);
    const refused = await w.operator.call(menuRoute.DELETE, "DELETE", `/api/rich-menus/${def.id}`, { params: { id: def.id } });
    expect([refused.status, refused.json.code]).toEqual([409, "rich_menu_is_default"]);
    const cleared = await w.operator.call(clearDefaultRoute.DELETE, "DELETE", "/api/rich-menus/default");
    expect(cleared.status).toBe(204);
    expect((await list()).default).toEqual({ richMenuId: null, lineRichMenuId: null });
    const gone = await w.operator.call(menuRoute.DELETE, "DELETE", `/api/rich-menus/${def.id}`, { params: { id: def.id } });
    expect(gone.status).toBe(204);
    await expect((await api()).getRichMenu(def.lineRichMenuId)).rejects.toMatchObject({ status: 404 });
    await expect((await api()).getRichMenuAlias("replace")).rejects.toMatchObject({ status: 404 });
    expect((await w.viewer.call(menuRoute.GET, "GET", `/api/rich-menus/${def.id}`, { params: { id: def.id } })).status).toBe(404);
  });

  it("creates a tabbed menu in one request (2–4 tabs, switches to aliases made later) and publishes every tab", async () => {
    const tab = (name: string, other: string) =>
      menuBody([{ type: "richmenuswitch", richMenuAliasId: other, data: `switch-${other}` }, postback(`${name}-buy`)], { name });
    const tooFew = await w.operator.call(tabbedRoute.POST, "POST", "/api/rich-menus/tabbed", {
      body: { name: "Tabs", tabs: [{ body: tab("A", "tab-b"), aliasId: "tab-a" }] },
    });
    expect(tooFew.status).toBe(400);
    const res = await w.operator.call(tabbedRoute.POST, "POST", "/api/rich-menus/tabbed", {
      body: {
        name: "Tabs",
        tabs: [
          { body: tab("A", "tab-b"), aliasId: "tab-a" },
          { body: tab("B", "tab-a"), aliasId: "tab-b" },
        ],
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.richMenus.map((m: { tabIndex: number; aliasId: string }) => [m.tabIndex, m.aliasId])).toEqual([
      [0, "tab-a"],
      [1, "tab-b"],
    ]);
    const tabbedMenuId = res.json.tabbedMenu.id;
    const missing = await w.operator.call(tabbedPublishRoute.POST, "POST", `/api/rich-menus/tabbed/${tabbedMenuId}/publish`, { params: { tabbedMenuId } });
    expect([missing.status, missing.json.code]).toEqual([409, "rich_menu_no_image"]);
    for (const m of res.json.richMenus) await putImage(w.operator, m.id, png());
    const pub = await w.operator.call(tabbedPublishRoute.POST, "POST", `/api/rich-menus/tabbed/${tabbedMenuId}/publish`, { params: { tabbedMenuId } });
    expect(pub.json.richMenus.map((m: { status: string }) => m.status)).toEqual(["published", "published"]);
    const a = await api();
    for (const m of pub.json.richMenus) expect((await a.getRichMenuAlias(m.aliasId)).richMenuId).toBe(m.lineRichMenuId);
    expect((await list()).tabbedMenus).toEqual([{ id: tabbedMenuId, name: "Tabs", richMenuIds: res.json.richMenus.map((m: { id: string }) => m.id) }]);
  });

  it("publishes once when two requests publish the same menu at the same moment", async () => {
    const made = (await createMenu(w.operator, menuBody([postback("twice")], { name: "Published twice at once" }))).json.richMenu;
    await putImage(w.operator, made.id, png());
    const answers = await Promise.all([publish(w.operator, made.id), publish(w.admin, made.id)]);
    for (const a of answers) expect([200, 409]).toContain(a.status);
    expect(answers.filter((a) => a.status === 409).map((a) => a.json.code)).not.toContain("rich_menu_changed");
    expect(answers.some((a) => a.status === 200)).toBe(true);
    const onLine = (await (await api()).getRichMenuList()).richmenus.filter((m) => m.name === "Published twice at once");
    expect(onLine).toHaveLength(1);
  });

  it("answers LINE's rate limit as a 429 naming the limit, leaving the draft unpublished", async () => {
    const made = (await createMenu(w.operator, menuBody([postback("limited")], { name: "Limited" }))).json.richMenu;
    await putImage(w.operator, made.id, png());
    await w.control("POST", "/__fake/faults", { path: "/v2/bot/richmenu", method: "POST", kind: "error", status: 429, count: 1 });
    const res = await publish(w.operator, made.id);
    expect([res.status, res.json.code]).toEqual([429, "line_rate_limited"]);
    expect(res.json.message).toMatch(/100 rich menus to be created an hour/);
    expect(res.headers.get("retry-after")).toBe("60");
    const after = (await w.viewer.call(menuRoute.GET, "GET", `/api/rich-menus/${made.id}`, { params: { id: made.id } })).json.richMenu;
    expect(after).toMatchObject({ status: "draft", lineRichMenuId: null });
    expect((await publish(w.operator, made.id)).json.richMenu.status).toBe("published");
  });

  it("imports the menus on LINE it did not make (origin line, image downloaded), once", async () => {
    const a = await api();
    const { richMenuId } = await a.createRichMenu({
      size: SIZE,
      selected: true,
      name: "Made elsewhere",
      chatBarText: "Elsewhere",
      areas: [{ bounds: { x: 0, y: 0, width: 800, height: 270 }, action: { type: "message", text: "hi" } }],
    });
    const { blob } = await (await getRuntime()).line((await getRuntime()).firstChannelId);
    await blob.setRichMenuImage(richMenuId, new Blob([png() as Uint8Array<ArrayBuffer>], { type: "image/png" }));
    const res = await w.operator.call(importRoute.POST, "POST", "/api/rich-menus/import");
    expect(res.json).toEqual({ imported: 1 });
    const imported = (await list()).richMenus.find((m: { lineRichMenuId: string }) => m.lineRichMenuId === richMenuId);
    expect(imported).toMatchObject({ origin: "line", name: "Made elsewhere", hasImage: true, status: "published", selected: true });
    expect((await w.operator.call(importRoute.POST, "POST", "/api/rich-menus/import")).json).toEqual({ imported: 0 });
  });
});
