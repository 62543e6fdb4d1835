import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeLine, type FakeLine } from "@/fake-line/server";
import { listRichMenus } from "@/db/queries/rich-menus";
import { ensureDemoRichMenu } from "@/lib/demo/demo-rich-menu";
import { pngSize } from "@/lib/rich-menus/rich-menu-image";
import { getRuntime } from "@/lib/runtime/runtime";
import { useProcessDatabase as processDatabase } from "../helpers/process-db";

// Demo mode shows rich menus from the first minute: a two-tab menu, published and default, made once.

let fake: FakeLine;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  fake = await startFakeLine({ port: 0, friends: 5 });
  cleanup = await processDatabase({
    DEMO_MODE: "true",
    FAKE_LINE_URL: fake.url,
    LINE_CHANNEL_SECRET: fake.channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
  });
});
afterAll(async () => {
  await cleanup();
  await fake.close();
});

const control = async (method: string, path: string, body?: unknown) =>
  (
    await fetch(`${fake.url}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) })
  ).json();

describe("demo mode's rich menu", () => {
  it("publishes a two-tab menu as the default, whose tabs switch on the phone; once (retried at the next start when LINE failed)", async () => {
    const { db, firstChannelId, line } = await getRuntime();
    const channelLine = { channelId: firstChannelId, clients: line };
    // LINE failing at the first start: the drafts are made but not published…
    await control("POST", "/__fake/faults", { path: "/v2/bot/richmenu", method: "POST", kind: "error", status: 500, count: 1 });
    await ensureDemoRichMenu(db, { channelId: firstChannelId, line: channelLine });
    expect((await listRichMenus(db, { channelId: firstChannelId })).map((m) => m.lineRichMenuId)).toEqual([null, null]);
    // …and published at the next.
    await ensureDemoRichMenu(db, { channelId: firstChannelId, line: channelLine });
    const menus = await listRichMenus(db, { channelId: firstChannelId });
    expect(menus.map((m) => [m.name, m.aliasId, m.tabIndex, m.publishedVersion === m.version, m.hasImage])).toEqual([
      ["Demo: Shop", "demo-shop", 0, true, true],
      ["Demo: Info", "demo-info", 1, true, true],
    ]);
    const friends = ((await control("GET", "/__fake/friends?status=following&limit=5")) as { users: Array<{ userId: string }> }).users;
    const userId = friends[0]!.userId;
    const shown = (await control("GET", `/__fake/friends/${userId}/richmenu`)) as { source: string; richMenu: { richMenuId: string } };
    expect(shown).toMatchObject({ source: "default", richMenu: { richMenuId: menus[0]!.lineRichMenuId } });
    const image = new Uint8Array(await (await fetch(`${fake.url}/__fake/richmenus/${menus[0]!.lineRichMenuId}/image`)).arrayBuffer());
    expect(pngSize(image)).toEqual({ width: 2500, height: 843 });
    const tapped = (await control("POST", `/__fake/friends/${userId}/richmenu/tap`, { areaIndex: 1 })) as { switchedTo: string; event: { postback: unknown } };
    expect(tapped.switchedTo).toBe(menus[1]!.lineRichMenuId);
    expect(tapped.event.postback).toEqual({ data: "tab=info", params: { newRichMenuAliasId: "demo-info", status: "SUCCESS" } });
    await ensureDemoRichMenu(db, { channelId: firstChannelId, line: channelLine });
    expect(await listRichMenus(db, { channelId: firstChannelId })).toHaveLength(2);
  });
});
