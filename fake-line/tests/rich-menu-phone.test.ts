import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FriendsJson } from "./helpers/control-types";
import { png, postbackAction, publishedMenu, SMALL } from "./helpers/rich-menus";
import { startTestFake, type TestFake } from "./helpers/start-fake";
import { startReceiver, type Receiver } from "./helpers/webhook-receiver";

type Shown = {
  richMenu: { richMenuId: string; name: string; chatBarText: string; areas: unknown[] } | null;
  source: "user" | "default" | "switched" | "none";
  imageUrl: string | null;
};
type Tap = { action: { type: string }; event?: Record<string, unknown>; switchedTo?: string; status?: string; uri?: string };
type Links = { links: Record<string, string>; operations: Record<string, number>; switched: Record<string, string>; default: string | null };

describe("the phone simulator's rich menu", () => {
  let t: TestFake;
  let hook: Receiver;
  let friends: string[];
  let main: string;
  beforeAll(async () => {
    hook = await startReceiver();
    t = await startTestFake({ friends: 40, webhookUrl: hook.url });
    friends = (await t.control.get<FriendsJson>("/__fake/friends?status=following&limit=30")).users.map((u) => u.userId);
    main = await publishedMenu(
      t,
      [
        { type: "postback", data: "action=menu", displayText: "Show the menu" },
        { type: "message", text: "Opening hours?" },
        { type: "uri", uri: "https://cafe.example/map" },
        { type: "datetimepicker", data: "action=book", mode: "datetime" },
        { type: "richmenuswitch", richMenuAliasId: "tab-b", data: "tab=b" },
      ],
      "main",
    );
  });
  afterAll(async () => {
    await t.close();
    await hook.close();
  });

  const shown = (userId: string) => t.control.get<Shown>(`/__fake/friends/${userId}/richmenu`);
  const tap = (userId: string, areaIndex: number, extra: object = {}) => t.control.post<Tap>(`/__fake/friends/${userId}/richmenu/tap`, { areaIndex, ...extra });

  it("shows nothing, then the default, then a friend's own menu, with its image", async () => {
    const u = friends[0] ?? "";
    expect(await shown(u)).toEqual({ richMenu: null, source: "none", imageUrl: null });
    await t.api.setDefaultRichMenu(main);
    const viaDefault = await shown(u);
    expect(viaDefault).toMatchObject({ source: "default", richMenu: { richMenuId: main, name: "main", chatBarText: "Menu" } });
    const image = await fetch(viaDefault.imageUrl ?? "");
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await image.arrayBuffer()).equals(png(SMALL.width, SMALL.height))).toBe(true);
    const own = await publishedMenu(t, [postbackAction("own")], "own");
    await t.api.linkRichMenuIdToUser(u, own);
    expect(await shown(u)).toMatchObject({ source: "user", richMenu: { richMenuId: own } });
    await t.api.unlinkRichMenuIdFromUser(u);
    expect((await shown(u)).source).toBe("default");
  });

  it("a postback area sends a postback event (its display text is not an event) to the webhook", async () => {
    const u = friends[1] ?? "";
    const before = hook.requests.length;
    const res = await tap(u, 0);
    expect(res.event).toMatchObject({ type: "postback", source: { type: "user", userId: u }, postback: { data: "action=menu" } });
    const [delivered] = await hook.waitFor(before + 1);
    const events = hook.requests.slice(before).flatMap((r) => r.body.events);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "postback", postback: { data: "action=menu" } });
    expect(delivered).toBeDefined();
  });

  it("a message area makes the friend send its text; a uri area sends nothing", async () => {
    const u = friends[2] ?? "";
    expect((await tap(u, 1)).event).toMatchObject({ type: "message", message: { type: "text", text: "Opening hours?" } });
    const uri = await tap(u, 2);
    expect(uri).toEqual({ action: { type: "uri", uri: "https://cafe.example/map" }, uri: "https://cafe.example/map" });
  });

  it("a date/time picker sends a postback with the picked value", async () => {
    const u = friends[3] ?? "";
    const picked = await tap(u, 3, { params: { datetime: "2026-12-24T19:30" } });
    expect(picked.event).toMatchObject({ type: "postback", postback: { data: "action=book", params: { datetime: "2026-12-24T19:30" } } });
    const byDefault = await tap(u, 3);
    expect((byDefault.event?.postback as { params: { datetime: string } }).params.datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  });

  it("a switch area shows the alias's menu on the phone without linking, with LINE's statuses", async () => {
    const u = friends[4] ?? "";
    const missing = await tap(u, 4);
    expect(missing.event).toMatchObject({ postback: { data: "tab=b", params: { newRichMenuAliasId: "tab-b", status: "RICHMENU_ALIAS_ID_NOTFOUND" } } });
    expect(missing.switchedTo).toBeUndefined();

    const tabB = await publishedMenu(t, [{ type: "richmenuswitch", richMenuAliasId: "tab-a", data: "tab=a" } as never], "tab b");
    await t.api.createRichMenuAlias({ richMenuAliasId: "tab-b", richMenuId: tabB });
    await t.api.createRichMenuAlias({ richMenuAliasId: "tab-a", richMenuId: main });
    const ok = await tap(u, 4);
    expect(ok).toMatchObject({ status: "SUCCESS", switchedTo: tabB, event: { postback: { params: { newRichMenuAliasId: "tab-b", status: "SUCCESS" } } } });
    expect(await shown(u)).toMatchObject({ source: "switched", richMenu: { richMenuId: tabB } });
    // Not a link: LINE's API still says the user has none.
    expect((await t.control.get<Links>("/__fake/richmenus/links")).links[u]).toBeUndefined();
    // Back through tab B's own switch.
    expect(await tap(u, 0)).toMatchObject({ status: "SUCCESS", switchedTo: main });

    // An alias whose menu was deleted: RICHMENU_NOTFOUND, and the phone keeps its menu.
    await tap(u, 4);
    const gone = await publishedMenu(t, [postbackAction("gone")], "gone");
    await t.api.updateRichMenuAlias("tab-a", { richMenuId: gone });
    await t.api.deleteRichMenu(gone);
    expect(await tap(u, 0)).toMatchObject({ status: "RICHMENU_NOTFOUND", event: { postback: { params: { status: "RICHMENU_NOTFOUND" } } } });
    expect((await shown(u)).richMenu?.richMenuId).toBe(tabB);
  });

  it("linking, unlinking or changing the default replaces a switched menu", async () => {
    const u = friends[5] ?? "";
    const other = friends[6] ?? "";
    await tap(u, 4);
    await tap(other, 4);
    expect((await shown(u)).source).toBe("switched");
    await t.api.linkRichMenuIdToUser(u, main);
    expect(await shown(u)).toMatchObject({ source: "user", richMenu: { richMenuId: main } });
    const next = await publishedMenu(t, [postbackAction("next")], "next default");
    await t.api.setDefaultRichMenu(next);
    expect(await shown(other)).toMatchObject({ source: "default", richMenu: { richMenuId: next } });
    // u has a link of their own: the default does not change what they see.
    expect((await shown(u)).richMenu?.richMenuId).toBe(main);
  });

  it("refuses taps with no menu on the phone, on a missing area, or from a friend who blocked the account", async () => {
    await t.api.cancelDefaultRichMenu();
    const u = friends[7] ?? "";
    expect((await t.control.raw("POST", `/__fake/friends/${u}/richmenu/tap`, { areaIndex: 0 })).status).toBe(400);
    await t.api.linkRichMenuIdToUser(u, main);
    expect((await t.control.raw("POST", `/__fake/friends/${u}/richmenu/tap`, { areaIndex: 9 })).status).toBe(400);
    await t.control.post(`/__fake/friends/${u}/block`);
    expect((await t.control.raw("POST", `/__fake/friends/${u}/richmenu/tap`, { areaIndex: 0 })).status).toBe(400);
    expect((await t.control.raw("GET", `/__fake/friends/Udeadbeef/richmenu`)).status).toBe(404);
  });

  it("lists links with how many times each friend was linked", async () => {
    const ids = friends.slice(10, 14);
    await t.api.linkRichMenuIdToUsers({ richMenuId: main, userIds: ids });
    await t.api.linkRichMenuIdToUsers({ richMenuId: main, userIds: ids.slice(0, 2) });
    const links = await t.control.get<Links>("/__fake/richmenus/links");
    expect(ids.map((id) => links.links[id])).toEqual([main, main, main, main]);
    expect(ids.map((id) => links.operations[id])).toEqual([2, 2, 1, 1]);
  });

  it("counts phone views and taps in the insight endpoints once 20 friends tapped", async () => {
    await t.control.patch("/__fake/config", { richMenuInsight: true });
    const stats = await publishedMenu(t, [postbackAction("left"), postbackAction("right")], "stats");
    await t.api.linkRichMenuIdToUsers({ richMenuId: stats, userIds: friends.slice(8, 30) });
    for (const u of friends.slice(8, 30)) {
      await shown(u);
      await shown(u); // the phone asking again within one chat opening is not another impression
      await tap(u, 0);
    }
    await tap(friends[8] ?? "", 1);
    const today = new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10).replaceAll("-", "");
    const summary = await t.insight.getRichMenuInsightSummary(stats, today, today);
    expect(summary).toMatchObject({
      richMenuId: stats,
      impression: { metrics: { count: 22, uniqueUsers: 22 } },
      clicks: [{ metrics: { count: 22, uniqueUsers: 22 } }, { metrics: { count: 1, uniqueUsers: 1 } }],
    });
    const daily = await t.insight.getRichMenuInsightDaily(stats, today, today);
    expect(daily.clicks?.[0]?.metrics).toEqual([{ date: today, count: 22, uniqueUsers: 22 }]);
  });
});
