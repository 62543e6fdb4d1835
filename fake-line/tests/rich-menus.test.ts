import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FriendsJson } from "./helpers/control-types";
import { jpeg, menuBody, png, postbackAction, publishedMenu, uploadImage } from "./helpers/rich-menus";
import { httpError, lineFetch, startTestFake, type TestFake } from "./helpers/start-fake";

const HOUR = 60 * 60 * 1000;

describe("rich menus on the fake LINE", () => {
  let t: TestFake;
  let friends: string[];
  beforeAll(async () => {
    t = await startTestFake({ friends: 60 });
    friends = (await t.control.get<FriendsJson>("/__fake/friends?status=following&limit=40")).users.map((u) => u.userId);
  });
  afterAll(() => t.close());

  it("creates a menu with a LINE-style id and returns it from get and list exactly as sent", async () => {
    const body = menuBody([postbackAction("a=1"), { type: "message", text: "Hours" }, { type: "uri", uri: "https://cafe.example/" }]);
    const { richMenuId } = await t.api.createRichMenu(body);
    expect(richMenuId).toMatch(/^richmenu-[0-9a-f]{32}$/);
    expect(await t.api.getRichMenu(richMenuId)).toEqual({ richMenuId, ...body });
    expect((await t.api.getRichMenuList()).richmenus.map((m) => m.richMenuId)).toContain(richMenuId);
    await expect(t.api.validateRichMenuObject(body)).resolves.toEqual({});
    const missing = await httpError(t.api.getRichMenu("richmenu-00000000000000000000000000000000"));
    expect([missing.status, missing.json.message]).toEqual([404, "richmenu not found"]);
  });

  it("refuses menus that break LINE's rules, naming each property", async () => {
    const bad = {
      size: { width: 1000, height: 900 },
      selected: false,
      name: "x".repeat(301),
      chatBarText: "fifteen chars!!",
      areas: [
        { bounds: { x: 900, y: 0, width: 200, height: 100 }, action: { type: "postback", data: "d" } },
        { bounds: { x: 0, y: 0, width: 10, height: 10 }, action: { type: "camera", label: "Camera" } },
      ],
    };
    const res = await lineFetch(t.fake, "POST", "/v2/bot/richmenu/validate", { body: JSON.stringify(bad) });
    expect(res.status).toBe(400);
    const properties = (res.json.details as { property: string }[]).map((d) => d.property);
    expect(properties).toEqual(expect.arrayContaining(["size", "name", "chatBarText", "areas[0].bounds", "areas[1].action.type"]));
    const tooMany = menuBody(
      Array.from({ length: 21 }, (_, i) => postbackAction(`n=${i}`)),
      { width: 2500, height: 843 },
    );
    const err = await httpError(t.api.createRichMenu(tooMany));
    expect(err.json.details).toEqual([{ message: "Size must be between 0 and 20", property: "areas" }]);
    const narrow = await httpError(t.api.createRichMenu(menuBody([postbackAction("a")], { width: 700, height: 250 })));
    expect(narrow.json.details?.[0]).toMatchObject({ property: "size.width" });
  });

  it("takes one JPEG or PNG image per menu, of the menu's exact size and at most 1 MB, and serves it back", async () => {
    const { richMenuId } = await t.api.createRichMenu(menuBody([postbackAction("a")]));
    expect((await uploadImage(t, richMenuId, png(800, 270), "image/gif")).status).toBe(415);
    const wrongSize = await uploadImage(t, richMenuId, png(800, 300));
    expect(wrongSize).toEqual({ status: 400, json: { message: "The image size (800x300) does not match the rich menu size (800x270)" } });
    expect((await uploadImage(t, richMenuId, Buffer.alloc(1024 * 1024 + 1, 1), "image/jpeg")).status).toBe(413);
    expect((await uploadImage(t, richMenuId, png(800, 270), "image/jpeg")).status).toBe(400);
    // Nothing stuck: the menu still has no image, so it cannot be shown yet.
    const early = await httpError(t.api.setDefaultRichMenu(richMenuId));
    expect([early.status, early.json.message]).toEqual([400, "must upload richmenu image before applying it to user"]);
    const bytes = jpeg(800, 270);
    expect((await uploadImage(t, richMenuId, bytes, "image/jpeg")).status).toBe(200);
    expect(await uploadImage(t, richMenuId, bytes, "image/jpeg")).toEqual({
      status: 400,
      json: { message: "An image has already been uploaded to the richmenu" },
    });
    const back = await lineFetch(t.fake, "GET", `/v2/bot/richmenu/${richMenuId}/content`);
    expect(back.headers.get("content-type")).toBe("image/jpeg");
    const got = await fetch(`${t.fake.url}/v2/bot/richmenu/${richMenuId}/content`, { headers: { authorization: `Bearer ${t.fake.channelAccessToken}` } });
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("takes the image from the SDK's blob client and serves it back through it", async () => {
    const { richMenuId } = await t.api.createRichMenu(menuBody([postbackAction("sdk")]));
    const bytes = png(800, 270);
    await t.blob.setRichMenuImage(richMenuId, new Blob([new Uint8Array(bytes)], { type: "image/png" }));
    const res = await t.blob.getRichMenuImageWithHttpInfo(richMenuId);
    expect(res.httpResponse.headers.get("content-type")).toBe("image/png");
    const chunks: Buffer[] = [];
    for await (const chunk of res.body) chunks.push(Buffer.from(chunk as Uint8Array));
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it("a bulk link that fails after taking effect can be retried: the friends stay linked, each link counted", async () => {
    const id = await publishedMenu(t, [postbackAction("retry")]);
    const some = friends.slice(32, 36);
    await t.control.post("/__fake/faults", { path: "/v2/bot/richmenu/bulk/link", method: "POST", kind: "error", status: 500, phase: "after", count: 1 });
    expect((await httpError(t.api.linkRichMenuIdToUsers({ richMenuId: id, userIds: some }))).status).toBe(500);
    for (const u of some) expect(await t.api.getRichMenuIdOfUser(u)).toEqual({ richMenuId: id });
    await t.api.linkRichMenuIdToUsers({ richMenuId: id, userIds: some });
    expect(some.map((u) => t.fake.platform.richMenus.linkCounts.get(u))).toEqual([2, 2, 2, 2]);
  });

  it("sets, reads and cancels the default menu with LINE's 404 when there is none", async () => {
    const id = await publishedMenu(t, [postbackAction("d")]);
    const none = await httpError(t.api.getDefaultRichMenuId());
    expect([none.status, none.json.message]).toEqual([404, "no default richmenu"]);
    await t.api.setDefaultRichMenu(id);
    expect(await t.api.getDefaultRichMenuId()).toEqual({ richMenuId: id });
    await t.api.cancelDefaultRichMenu();
    expect((await httpError(t.api.getDefaultRichMenuId())).status).toBe(404);
  });

  it("links and unlinks one friend, counting each link", async () => {
    const id = await publishedMenu(t, [postbackAction("u")]);
    const user = friends[0] ?? "";
    const none = await httpError(t.api.getRichMenuIdOfUser(user));
    expect([none.status, none.json.message]).toEqual([404, "the user has no richmenu"]);
    await t.api.linkRichMenuIdToUser(user, id);
    await t.api.linkRichMenuIdToUser(user, id);
    expect(await t.api.getRichMenuIdOfUser(user)).toEqual({ richMenuId: id });
    expect(t.fake.platform.richMenus.linkCounts.get(user)).toBe(2);
    await t.api.unlinkRichMenuIdFromUser(user);
    expect((await httpError(t.api.getRichMenuIdOfUser(user))).status).toBe(404);
    const unknown = await httpError(t.api.linkRichMenuIdToUser(user, "richmenu-ffffffffffffffffffffffffffffffff"));
    expect([unknown.status, unknown.json.message]).toEqual([404, "richmenu not found"]);
    expect((await httpError(t.api.linkRichMenuIdToUser("not-a-user", id))).status).toBe(400);
  });

  it("bulk links and unlinks up to 500 well-formed user ids, answering 202 and applying them", async () => {
    const id = await publishedMenu(t, [postbackAction("b")]);
    const some = friends.slice(5, 25);
    const res = await t.api.linkRichMenuIdToUsersWithHttpInfo({ richMenuId: id, userIds: some });
    expect(res.httpResponse.status).toBe(202);
    for (const u of some) expect(t.fake.platform.richMenus.links.get(u)).toBe(id);
    // Idempotent: linking again is fine.
    await t.api.linkRichMenuIdToUsers({ richMenuId: id, userIds: some.slice(0, 3) });
    const tooMany = await httpError(t.api.linkRichMenuIdToUsers({ richMenuId: id, userIds: Array.from({ length: 501 }, () => some[0] ?? "") }));
    expect(tooMany.json.details).toEqual([{ message: "Size must be between 1 and 500", property: "userIds" }]);
    const malformed = await httpError(t.api.linkRichMenuIdToUsers({ richMenuId: id, userIds: ["Uxyz"] }));
    expect(malformed.json.details).toEqual([{ message: "Invalid user ID", property: "userIds[0]" }]);
    const unknown = await httpError(t.api.linkRichMenuIdToUsers({ richMenuId: "richmenu-ffffffffffffffffffffffffffffffff", userIds: some }));
    expect([unknown.status, unknown.json.message]).toEqual([400, "richmenu not found"]);
    expect((await t.api.unlinkRichMenuIdFromUsersWithHttpInfo({ userIds: some.slice(0, 10) })).httpResponse.status).toBe(202);
    expect(some.filter((u) => t.fake.platform.richMenus.links.has(u))).toEqual(some.slice(10));
  });

  it("deleting a menu drops its links and the default but keeps aliases pointing at it", async () => {
    const id = await publishedMenu(t, [postbackAction("x")]);
    const user = friends[30] ?? "";
    await t.api.linkRichMenuIdToUser(user, id);
    await t.api.setDefaultRichMenu(id);
    await t.api.createRichMenuAlias({ richMenuAliasId: "doomed", richMenuId: id });
    await t.api.deleteRichMenu(id);
    expect((await httpError(t.api.getRichMenuIdOfUser(user))).status).toBe(404);
    expect((await httpError(t.api.getDefaultRichMenuId())).status).toBe(404);
    expect(await t.api.getRichMenuAlias("doomed")).toEqual({ richMenuAliasId: "doomed", richMenuId: id });
    expect((await httpError(t.api.deleteRichMenu(id))).status).toBe(404);
  });

  it("limits creating and deleting menus to 100 an hour each", async () => {
    await t.control.post("/__fake/clock/advance", { ms: HOUR });
    for (let i = 0; i < 100; i++) await t.api.createRichMenu(menuBody([postbackAction(`r${i}`)]));
    const err = await httpError(t.api.createRichMenu(menuBody([postbackAction("over")])));
    expect([err.status, err.json.message]).toEqual([429, "The API rate limit has been exceeded. Try again later."]);
    await t.control.post("/__fake/clock/advance", { ms: HOUR });
    await expect(t.api.createRichMenu(menuBody([postbackAction("again")]))).resolves.toHaveProperty("richMenuId");
  });

  it("refuses the 1,001st menu of a channel", async () => {
    await t.control.patch("/__fake/config", { rateLimiting: false });
    const have = (await t.api.getRichMenuList()).richmenus.length;
    for (let i = have; i < 1000; i++) await t.api.createRichMenu(menuBody([postbackAction(`m${i}`)]));
    const err = await httpError(t.api.createRichMenu(menuBody([postbackAction("one too many")])));
    expect(err.status).toBe(400);
    await t.control.patch("/__fake/config", { rateLimiting: true });
  });

  it("forgets every menu, link, alias and default on reset", async () => {
    await t.control.post("/__fake/reset", {});
    expect(await t.api.getRichMenuList()).toEqual({ richmenus: [] });
    expect(await t.api.getRichMenuAliasList()).toEqual({ aliases: [] });
    expect((await httpError(t.api.getDefaultRichMenuId())).status).toBe(404);
  });
});
