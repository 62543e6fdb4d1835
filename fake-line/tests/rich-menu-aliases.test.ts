import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FriendsJson } from "./helpers/control-types";
import { menuBody, postbackAction, publishedMenu } from "./helpers/rich-menus";
import { httpError, lineFetch, startTestFake, waitFor, type TestFake } from "./helpers/start-fake";

const HOUR = 60 * 60 * 1000;

describe("rich menu aliases", () => {
  let t: TestFake;
  beforeAll(async () => {
    t = await startTestFake({ friends: 20 });
  });
  afterAll(() => t.close());

  it("creates, reads, moves, lists and deletes aliases with LINE's errors", async () => {
    const a = await publishedMenu(t, [postbackAction("a")]);
    const b = await publishedMenu(t, [postbackAction("b")]);
    await t.api.createRichMenuAlias({ richMenuAliasId: "tab-a", richMenuId: a });
    const dup = await httpError(t.api.createRichMenuAlias({ richMenuAliasId: "tab-a", richMenuId: b }));
    expect([dup.status, dup.json.message]).toEqual([400, "conflict richmenu alias id"]);
    const unknown = await httpError(t.api.createRichMenuAlias({ richMenuAliasId: "tab-x", richMenuId: "richmenu-ffffffffffffffffffffffffffffffff" }));
    expect([unknown.status, unknown.json.message]).toEqual([400, "richmenu not found"]);
    const { richMenuId: bare } = await t.api.createRichMenu(menuBody([postbackAction("c")]));
    const noImage = await httpError(t.api.createRichMenuAlias({ richMenuAliasId: "tab-c", richMenuId: bare }));
    expect(noImage.json.message).toBe("must upload richmenu image before applying it to user");
    const badId = await httpError(t.api.createRichMenuAlias({ richMenuAliasId: "Tab A", richMenuId: a }));
    expect(badId.json.details?.[0]).toMatchObject({ property: "richMenuAliasId" });

    await t.api.updateRichMenuAlias("tab-a", { richMenuId: b });
    expect(await t.api.getRichMenuAlias("tab-a")).toEqual({ richMenuAliasId: "tab-a", richMenuId: b });
    expect((await httpError(t.api.updateRichMenuAlias("nope", { richMenuId: b }))).json.message).toBe("richmenu alias not found");
    expect(await t.api.getRichMenuAliasList()).toEqual({ aliases: [{ richMenuAliasId: "tab-a", richMenuId: b }] });
    await t.api.deleteRichMenuAlias("tab-a");
    const gone = await httpError(t.api.getRichMenuAlias("tab-a"));
    expect([gone.status, gone.json.message]).toEqual([404, "richmenu alias not found"]);
    expect((await httpError(t.api.deleteRichMenuAlias("tab-a"))).status).toBe(400);
  });
});

describe("rich menu batch control", () => {
  let t: TestFake;
  let friends: string[];
  beforeAll(async () => {
    t = await startTestFake({ friends: 40, richMenuBatchMs: 150 });
    friends = (await t.control.get<FriendsJson>("/__fake/friends?status=following&limit=30")).users.map((u) => u.userId);
  });
  afterAll(() => t.close());

  async function batch(body: object) {
    const res = await lineFetch(t.fake, "POST", "/v2/bot/richmenu/batch", { body: JSON.stringify(body) });
    return { status: res.status, json: res.json, requestId: res.headers.get("x-line-request-id") ?? "" };
  }

  it("moves every friend linked to one menu to another, ongoing for a while then succeeded", async () => {
    const oldMenu = await publishedMenu(t, [postbackAction("old")]);
    const newMenu = await publishedMenu(t, [postbackAction("new")]);
    const other = await publishedMenu(t, [postbackAction("other")]);
    await t.api.linkRichMenuIdToUsers({ richMenuId: oldMenu, userIds: friends.slice(0, 10) });
    await t.api.linkRichMenuIdToUser(friends[20] ?? "", other);
    const res = await batch({ operations: [{ type: "link", from: oldMenu, to: newMenu }], resumeRequestKey: "move-1" });
    expect(res.status).toBe(202);
    const first = await t.api.getRichMenuBatchProgress(res.requestId);
    expect(first.phase).toBe("ongoing");
    expect(first.completedTime).toBeUndefined();
    const done = await waitFor(async () => {
      const p = await t.api.getRichMenuBatchProgress(res.requestId);
      return p.phase !== "ongoing" ? p : undefined;
    });
    expect(done.phase).toBe("succeeded");
    expect(done.completedTime).toBeDefined();
    for (const u of friends.slice(0, 10)) expect(await t.api.getRichMenuIdOfUser(u)).toEqual({ richMenuId: newMenu });
    expect(await t.api.getRichMenuIdOfUser(friends[20] ?? "")).toEqual({ richMenuId: other });
    // A succeeded request's key cannot be used again.
    expect((await batch({ operations: [{ type: "unlinkAll" }], resumeRequestKey: "move-1" })).status).toBe(409);
  });

  it("fails when an operation's menu does not exist, still applying the others; a failed request can be resumed with its key", async () => {
    await t.control.post("/__fake/clock/advance", { ms: HOUR });
    const a = await publishedMenu(t, [postbackAction("a")]);
    await t.api.linkRichMenuIdToUsers({ richMenuId: a, userIds: friends.slice(25, 28) });
    const missing = "richmenu-ffffffffffffffffffffffffffffffff";
    const res = await batch({
      operations: [
        { type: "unlink", from: missing },
        { type: "unlink", from: a },
      ],
      resumeRequestKey: "retry-me",
    });
    expect(res.status).toBe(202);
    await t.control.post("/__fake/clock/advance", { ms: 200 });
    expect(await t.api.getRichMenuBatchProgress(res.requestId)).toMatchObject({ phase: "failed" });
    expect((await httpError(t.api.getRichMenuIdOfUser(friends[25] ?? ""))).status).toBe(404);
    expect((await batch({ operations: [{ type: "unlinkAll" }], resumeRequestKey: "retry-me" })).status).toBe(202);
    const validate = await lineFetch(t.fake, "POST", "/v2/bot/richmenu/validate/batch", {
      body: JSON.stringify({ operations: [{ type: "link", from: a, to: missing }] }),
    });
    expect(validate.json).toEqual({ message: "The request body has 1 error(s)", details: [{ message: "richmenu not found", property: "operations[0].to" }] });
    const bad = await lineFetch(t.fake, "POST", "/v2/bot/richmenu/validate/batch", { body: JSON.stringify({ operations: [{ type: "swap" }] }) });
    expect(bad.status).toBe(400);
    await expect(t.api.validateRichMenuBatchRequest({ operations: [{ type: "unlinkAll" }] })).resolves.toEqual({});
    expect((await httpError(t.api.getRichMenuBatchProgress("00000000-0000-0000-0000-000000000000"))).status).toBe(404);
  });

  it("allows three batch requests an hour", async () => {
    await t.control.post("/__fake/clock/advance", { ms: HOUR });
    for (let i = 0; i < 3; i++) expect((await batch({ operations: [{ type: "unlinkAll" }] })).status).toBe(202);
    expect((await batch({ operations: [{ type: "unlinkAll" }] })).status).toBe(429);
  });
});

describe("rich menu statistics", () => {
  it("answer 403 unless the account has them", async () => {
    const t = await startTestFake({ friends: 10 });
    const id = await publishedMenu(t, [postbackAction("s")]);
    const err = await httpError(t.insight.getRichMenuInsightSummary(id, "20261201", "20261205"));
    expect([err.status, err.json.message]).toEqual([403, "Access to this API is not available for your account"]);
    await t.control.patch("/__fake/config", { richMenuInsight: true });
    // Below 20 friends who tapped, only the id.
    expect(await t.insight.getRichMenuInsightSummary(id, "20261201", "20261205")).toEqual({ richMenuId: id });
    expect((await httpError(t.insight.getRichMenuInsightDaily(id, "20260101", "20260501"))).status).toBe(400);
    await t.close();
  });
});
