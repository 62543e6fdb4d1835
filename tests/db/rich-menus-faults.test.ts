import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as defaultRoute from "@/app/api/rich-menus/[id]/default/route";
import * as imageRoute from "@/app/api/rich-menus/[id]/image/route";
import * as menuRoute from "@/app/api/rich-menus/[id]/route";
import * as tapsRoute from "@/app/api/rich-menus/[id]/taps/route";
import * as importRoute from "@/app/api/rich-menus/import/route";
import * as menusRoute from "@/app/api/rich-menus/route";
import { getRuntime } from "@/lib/runtime/runtime";
import { createMenu, menuBody, patchMenu, postback, publish, publishedMenu, SIZE } from "../helpers/rich-menus";
import { startScheduleWorld, type ScheduleWorld } from "../helpers/schedules";

// Rich menus when LINE fails part-way: a publish whose new menu is live is recorded even if moving the
// linked friends fails after (the old menu kept for them, the answer warning), and LINE being down never
// turns a saved draft into an error.

let w: ScheduleWorld;
beforeAll(async () => {
  w = await startScheduleWorld();
});
afterAll(async () => w.cleanup());

const api = async () => (await (await getRuntime()).line((await getRuntime()).firstChannelId)).api;
const read = async (id: string) => w.viewer.call(menuRoute.GET, "GET", `/api/rich-menus/${id}`, { params: { id } });

describe("publishing when LINE refuses the linked friends' batch", () => {
  it("answers 200 with a warning, records the new LINE menu (alias and default moved), keeps the old one; republishing works", async () => {
    const menu = await publishedMenu(w.operator, { ...menuBody([postback("b1")], { name: "Batch fails" }), aliasId: "batch-fails" });
    const old = menu.lineRichMenuId as string;
    await w.operator.call(defaultRoute.POST, "POST", `/api/rich-menus/${menu.id}/default`, { params: { id: menu.id } });
    const { linkFriend } = await import("@/lib/rich-menus/friend-rich-menu");
    const { db, firstChannelId, line } = await getRuntime();
    const friend = w.friends[0]!;
    await linkFriend(db, { channelId: firstChannelId, userId: friend, richMenuId: menu.id, line: { channelId: firstChannelId, clients: line } });
    const edited = (
      await patchMenu(w.operator, menu.id, { ...menuBody([postback("b2")], { name: "Batch fails" }), aliasId: "batch-fails", version: menu.version })
    ).json.richMenu;

    await w.control("POST", "/__fake/faults", { path: "/v2/bot/richmenu/batch", method: "POST", kind: "error", status: 429, count: 1 });
    const res = await publish(w.operator, menu.id);
    expect(res.status).toBe(200);
    expect(res.json.warnings).toEqual(["linked_friends_not_moved"]);
    const now = res.json.richMenu;
    expect(now).toMatchObject({ status: "published", publishedVersion: edited.version });
    expect(now.lineRichMenuId).not.toBe(old);
    expect((await read(menu.id)).json.richMenu.lineRichMenuId).toBe(now.lineRichMenuId);
    const a = await api();
    expect((await a.getRichMenuAlias("batch-fails")).richMenuId).toBe(now.lineRichMenuId);
    expect((await a.getDefaultRichMenuId()).richMenuId).toBe(now.lineRichMenuId);
    // The friend still sees the old menu, which LINE keeps.
    expect((await a.getRichMenuIdOfUser(friend)).richMenuId).toBe(old);
    expect((await a.getRichMenu(old)).name).toBe("Batch fails");

    const again = await patchMenu(w.operator, menu.id, {
      ...menuBody([postback("b3")], { name: "Batch fails" }),
      aliasId: "batch-fails",
      version: now.version,
    });
    expect(again.status).toBe(200);
    const third = await publish(w.operator, menu.id);
    expect([third.status, third.json.richMenu.status]).toEqual([200, "published"]);
    expect((await a.getRichMenuAlias("batch-fails")).richMenuId).toBe(third.json.richMenu.lineRichMenuId);
  });
});

describe("LINE unreachable", () => {
  it("creates, saves and reads a draft (the default unknown)", async () => {
    await w.control("POST", "/__fake/faults", { path: "/v2/bot/user/all/richmenu", method: "GET", kind: "error", status: 500, count: 3 });
    const made = await createMenu(w.operator, menuBody([postback("down")], { name: "LINE down" }));
    expect(made.status).toBe(201);
    const id = made.json.richMenu.id;
    const saved = await patchMenu(w.operator, id, { ...menuBody([postback("down2")], { name: "LINE down" }), version: 1 });
    expect([saved.status, saved.json.richMenu?.version]).toEqual([200, 2]);
    const got = await read(id);
    expect([got.status, got.json.richMenu?.isDefault]).toEqual([200, false]);
  });
});

describe("image uploads without a Content-Length", () => {
  it("refuses a chunked 2 MB image with 413 after reading little more than 1 MB of it", async () => {
    const id = (await createMenu(w.operator, menuBody([postback("chunked")], { name: "Chunked" }))).json.richMenu.id;
    const chunk = 64 * 1024;
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 2 * 1024 * 1024) return controller.close();
        pulled += chunk;
        controller.enqueue(new Uint8Array(chunk));
      },
    });
    const res = await w.operator.call(imageRoute.PUT, "PUT", `/api/rich-menus/${id}/image`, {
      params: { id },
      body: stream,
      headers: { "content-type": "image/png" },
    });
    expect([res.status, res.json.code]).toEqual([413, "rich_menu_image_too_large"]);
    expect(pulled).toBeLessThan(1.5 * 1024 * 1024);
    expect((await read(id)).json.richMenu.hasImage).toBe(false);
  });
});

describe("deleting and reading taps", () => {
  it("refuses to delete a menu while it is being published (409 rich_menu_publishing), deletes it after", async () => {
    const menu = await publishedMenu(w.operator, menuBody([postback("del")], { name: "Deleted while publishing" }));
    const { takeRichMenuForPublish, releaseRichMenuPublish } = await import("@/db/queries/rich-menus");
    const { db, firstChannelId } = await getRuntime();
    expect(await takeRichMenuForPublish(db, { channelId: firstChannelId, id: menu.id, leaseMs: 60_000 })).toBe(true);
    const del = () => w.operator.call(menuRoute.DELETE, "DELETE", `/api/rich-menus/${menu.id}`, { params: { id: menu.id } });
    const refused = await del();
    expect([refused.status, refused.json.code]).toEqual([409, "rich_menu_publishing"]);
    expect((await (await api()).getRichMenu(menu.lineRichMenuId)).name).toBe("Deleted while publishing");
    await releaseRichMenuPublish(db, { channelId: firstChannelId, id: menu.id });
    expect((await del()).status).toBe(204);
    await expect((await api()).getRichMenu(menu.lineRichMenuId)).rejects.toMatchObject({ status: 404 });
  });

  it("refuses a taps period longer than 396 days with a 400 saying so", async () => {
    const id = (await createMenu(w.operator, menuBody([postback("taps")], { name: "Taps" }))).json.richMenu.id;
    const taps = (q: string) => w.viewer.call(tapsRoute.GET, "GET", `/api/rich-menus/${id}/taps?${q}`, { params: { id } });
    const long = await taps("from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z");
    expect([long.status, long.json.code, long.json.message]).toEqual([400, "rich_menu_taps_period", expect.stringContaining("396 days")]);
    expect((await taps("from=2000-01-01T00:00:00Z")).status).toBe(400);
    expect((await taps("from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")).status).toBe(200);
  });
});

describe("importing", () => {
  it("two imports at the same moment both answer 200 and import each LINE menu once", async () => {
    const a = await api();
    const before = (await w.viewer.call(menusRoute.GET, "GET", "/api/rich-menus")).json.richMenus.filter(
      (m: { lineRichMenuId: string | null }) => m.lineRichMenuId,
    ).length;
    const made: string[] = [];
    for (const name of ["Elsewhere 1", "Elsewhere 2", "Elsewhere 3"]) {
      const { richMenuId } = await a.createRichMenu({
        size: SIZE,
        selected: false,
        name,
        chatBarText: "Elsewhere",
        areas: [{ bounds: { x: 0, y: 0, width: 800, height: 270 }, action: { type: "message", text: "hi" } }],
      });
      made.push(richMenuId);
    }
    const answers = await Promise.all([
      w.operator.call(importRoute.POST, "POST", "/api/rich-menus/import"),
      w.admin.call(importRoute.POST, "POST", "/api/rich-menus/import"),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const all = (await w.viewer.call(menusRoute.GET, "GET", "/api/rich-menus")).json.richMenus as Array<{ lineRichMenuId: string | null }>;
    for (const id of made) expect(all.filter((m) => m.lineRichMenuId === id)).toHaveLength(1);
    const lineIds = all.flatMap((m) => (m.lineRichMenuId ? [m.lineRichMenuId] : []));
    expect(new Set(lineIds).size).toBe(lineIds.length);
    // Between them the two imports stored every LINE menu the console did not know, once.
    expect(answers.reduce((n, r) => n + r.json.imported, 0)).toBe((await a.getRichMenuList()).richmenus.length - before);
  });
});
