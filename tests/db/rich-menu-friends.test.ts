import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as friendMenuRoute from "@/app/api/contacts/[userId]/rich-menu/route";
import * as defaultRoute from "@/app/api/rich-menus/[id]/default/route";
import * as tapsRoute from "@/app/api/rich-menus/[id]/taps/route";
import * as clearDefaultRoute from "@/app/api/rich-menus/default/route";
import * as segmentsRoute from "@/app/api/segments/route";
import { createWebhookIntake } from "@/lib/webhook/intake";
import { getRuntime } from "@/lib/runtime/runtime";
import { callbackBody } from "../fixtures/webhook-events";
import { menuBody, message, postback, publishedMenu } from "../helpers/rich-menus";
import { startScheduleWorld, type ScheduleWorld } from "../helpers/schedules";
import { webhookRequest } from "../helpers/webhook";

// A friend's rich menu: which one they see and why (their link, else the default, else none the API
// can see), linking and unlinking one friend; and the heat map counted from the events that taps on the
// fake's phone send, per area, period and segment.

let w: ScheduleWorld;
let menu: { id: string; lineRichMenuId: string };
let other: { id: string; lineRichMenuId: string };
beforeAll(async () => {
  w = await startScheduleWorld();
  menu = await publishedMenu(
    w.operator,
    menuBody([postback("hm-a"), message("hm-hello"), { type: "datetimepicker", data: "hm-date", mode: "date" }, { type: "uri", uri: "https://example.com/" }], {
      name: "Heat",
    }),
  );
  other = await publishedMenu(w.operator, menuBody([postback("vip")], { name: "VIP" }));
});
afterAll(async () => w.cleanup());

const resolve = async (userId: string) => (await w.viewer.call(friendMenuRoute.GET, "GET", `/api/contacts/${userId}/rich-menu`, { params: { userId } })).json;
const phone = async (userId: string) =>
  (await w.control("GET", `/__fake/friends/${userId}/richmenu`)) as { source: string; richMenu: { richMenuId: string } | null };

describe("which menu a friend sees, and why", () => {
  it("none: no link and no default — the manager's menu may be shown, which the API cannot see", async () => {
    const userId = w.friends[0]!;
    expect(await resolve(userId)).toEqual({ source: "none", linkedAt: null, richMenu: null, lineRichMenuId: null, managerMayApply: true });
    expect((await phone(userId)).source).toBe("none");
  });

  it("default: the menu set as default through the API", async () => {
    await w.operator.call(defaultRoute.POST, "POST", `/api/rich-menus/${menu.id}/default`, { params: { id: menu.id } });
    const seen = await resolve(w.friends[0]!);
    expect(seen).toMatchObject({
      source: "default",
      linkedAt: null,
      lineRichMenuId: menu.lineRichMenuId,
      managerMayApply: false,
      richMenu: { id: menu.id, isDefault: true },
    });
    expect(await phone(w.friends[0]!)).toMatchObject({ source: "default", richMenu: { richMenuId: menu.lineRichMenuId } });
  });

  it("user: a per-user link wins over the default; unlinking gives the default back; viewers may not link", async () => {
    const userId = w.friends[1]!;
    const put = (client = w.operator, body: unknown = { richMenuId: other.id }) =>
      client.call(friendMenuRoute.PUT, "PUT", `/api/contacts/${userId}/rich-menu`, { params: { userId }, body });
    expect((await put(w.viewer)).status).toBe(403);
    expect((await put(w.operator, { richMenuId: "nope" })).status).toBe(400);
    const linked = await put();
    expect(linked.json).toMatchObject({ source: "user", lineRichMenuId: other.lineRichMenuId, richMenu: { id: other.id, linkedCount: 1 } });
    // Since when: the console's own record of the link it made.
    expect(Date.now() - Date.parse((linked.json as { linkedAt: string }).linkedAt)).toBeLessThan(60_000);
    expect(await phone(userId)).toMatchObject({ source: "user", richMenu: { richMenuId: other.lineRichMenuId } });
    expect((await resolve(w.friends[0]!)).source).toBe("default");
    const unlinked = await w.operator.call(friendMenuRoute.DELETE, "DELETE", `/api/contacts/${userId}/rich-menu`, { params: { userId } });
    expect(unlinked.json).toMatchObject({ source: "default", richMenu: { id: menu.id } });
    expect((await w.operator.call(friendMenuRoute.DELETE, "DELETE", `/api/contacts/${userId}/rich-menu`, { params: { userId } })).status).toBe(404);
    expect((await w.viewer.call(friendMenuRoute.GET, "GET", "/api/contacts/not-a-user/rich-menu", { params: { userId: "not-a-user" } })).status).toBe(404);
  });
});

describe("taps per area (the heat map)", () => {
  it("counts taps on the phone from our events, per area, period and segment; uri areas are not counted", async () => {
    const { db, firstChannelId } = await getRuntime();
    const intake = createWebhookIntake({ db, writeConcurrency: 1, channel: async () => ({ secret: w.fake.channelSecret, archived: false }) });
    const deliver = async (event: unknown) => {
      const res = await intake.handle(webhookRequest(callbackBody([event as never]), { secret: w.fake.channelSecret }), firstChannelId);
      expect(res.status).toBe(200);
    };
    const tap = async (userId: string, areaIndex: number) => {
      const res = (await w.control("POST", `/__fake/friends/${userId}/richmenu/tap`, { areaIndex })) as { event?: unknown };
      if (res.event) await deliver(res.event);
    };
    // The segment: the first five friends (the ones the console knows).
    const known = await w.knownFriends(5);
    const segmentId = (await w.operator.call(segmentsRoute.POST, "POST", "/api/segments", { body: { name: "Known five", filter: {} } })).json.id;
    const start = new Date(Date.now() - 1_000).toISOString();
    // friend i taps area 0 (i+1) times; friends 0–2 area 1 once; friend 7 area 2 twice; everyone area 3 (uri).
    const plan: Array<[number, number, number]> = [];
    for (let i = 0; i < 8; i++) plan.push([i, 0, i + 1]);
    for (let i = 0; i < 3; i++) plan.push([i, 1, 1]);
    plan.push([7, 2, 2]);
    for (let i = 0; i < 8; i++) plan.push([i, 3, 1]);
    for (const [i, area, times] of plan) for (let n = 0; n < times; n++) await tap(w.friends[i]!, area);
    // Outside the period: a tap two days ago, and a friend typing something else.
    await deliver({
      type: "postback",
      mode: "active",
      timestamp: Date.now() - 2 * 86_400_000,
      source: { type: "user", userId: w.friends[0] },
      webhookEventId: "01OLDTAP",
      deliveryContext: { isRedelivery: false },
      replyToken: "r",
      postback: { data: "hm-a" },
    });
    await deliver({
      type: "message",
      mode: "active",
      timestamp: Date.now(),
      source: { type: "user", userId: w.friends[0] },
      webhookEventId: "01OTHERTEXT",
      deliveryContext: { isRedelivery: false },
      replyToken: "r2",
      message: { id: "1", type: "text", text: "hello there", quoteToken: "q" },
    });
    await intake.close();
    const end = new Date(Date.now() + 1_000).toISOString();

    const taps = async (query: string) =>
      (await w.viewer.call(tapsRoute.GET, "GET", `/api/rich-menus/${menu.id}/taps?${query}`, { params: { id: menu.id } })).json;
    const all = await taps(`from=${start}&to=${end}`);
    expect(all.areas).toEqual([
      { index: 0, counted: true, taps: 36, friends: 8 },
      { index: 1, counted: true, taps: 3, friends: 3 },
      { index: 2, counted: true, taps: 2, friends: 1 },
      { index: 3, counted: false, taps: 0, friends: 0 },
    ]);
    expect(all).toMatchObject({ total: 41, from: start, to: end, line: { available: false, code: "not_available", reason: expect.stringContaining("403") } });
    const segment = await taps(`from=${start}&to=${end}&segmentId=${segmentId}`);
    expect(known).toEqual(w.friends.slice(0, 5));
    expect(segment.areas.map((a: { taps: number; friends: number }) => [a.taps, a.friends])).toEqual([
      [15, 5],
      [3, 3],
      [0, 0],
      [0, 0],
    ]);
    const longer = await taps(`from=${new Date(Date.now() - 3 * 86_400_000).toISOString()}&to=${end}`);
    expect(longer.areas[0]).toMatchObject({ taps: 37, friends: 8 });
    const bad = await taps(`from=${end}&to=${start}`);
    expect(bad.code).toBe("invalid_request");
  });

  it("shows LINE's statistics beside ours where the account has them", async () => {
    await w.control("PATCH", "/__fake/config", { richMenuInsight: true });
    const res = (await w.viewer.call(tapsRoute.GET, "GET", `/api/rich-menus/${menu.id}/taps`, { params: { id: menu.id } })).json;
    expect(res.line).toMatchObject({ available: true, summary: { richMenuId: menu.lineRichMenuId } });
    await w.operator.call(clearDefaultRoute.DELETE, "DELETE", "/api/rich-menus/default");
  });
});
