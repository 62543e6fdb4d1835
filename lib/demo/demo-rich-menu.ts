import type { Db } from "@/db/client";
import { everHadRichMenus, listRichMenus, listTabbedMenus } from "@/db/queries/rich-menus";
import type { ChannelLine } from "@/lib/line/insight";
import { recordAudit } from "@/lib/platform/audit";
import { log } from "@/lib/platform/log";
import { createTabbedMenu } from "@/lib/rich-menus/change-rich-menus";
import { flatPng, type Rgb } from "@/lib/rich-menus/flat-png";
import { setDefaultRichMenu } from "@/lib/rich-menus/manage-rich-menus";
import { publishTabbedMenu } from "@/lib/rich-menus/publish-rich-menus";
import { setRichMenuImage } from "@/lib/rich-menus/change-rich-menus";
import { createTabbedMenuBodySchema } from "@/lib/rich-menus/rich-menu-requests";
import type { RichMenuArea } from "@/lib/rich-menus/rich-menu-schema";
import { demoEnabled } from "./fake-control";

// Demo mode shows rich menus from the first minute: a tabbed menu of two tabs (Shop, Info) switching
// to each other through their aliases, drawn in flat colours, published and set as the default — once:
// a channel that ever had a menu in the console is left as its operator left it, except the demo's own
// menu when publishing it failed (LINE down at start-up): that is finished at the next start. Best effort.

const NAME = "Demo: Shop and Info";

const SIZE = { width: 2500, height: 843 };
const TAB_H = 200;
const COL = Math.floor(SIZE.width / 3);
const HALF = SIZE.width / 2;

export async function ensureDemoRichMenu(db: Db, params: { channelId: number; line: ChannelLine }): Promise<void> {
  if (!demoEnabled()) return;
  try {
    const system = { kind: "system" as const, name: "demo mode" };
    if (await everHadRichMenus(db, { channelId: params.channelId })) {
      // Ours, made at an earlier start and never published (publishing failed then): finish it.
      const ours = (await listTabbedMenus(db, { channelId: params.channelId })).find((t) => t.name === NAME);
      if (!ours) return;
      const tabs = await listRichMenus(db, { channelId: params.channelId, tabbedMenuId: ours.id });
      if (tabs.length && tabs.every((m) => m.lineRichMenuId)) return;
      return await publishDemo(db, { ...params, tabbedMenuId: ours.id, tabs });
    }
    const author = { authorKind: "system" as const, authorId: "demo", authorLabel: "demo mode" };
    const { tabbedMenu, richMenus } = await createTabbedMenu(db, {
      channelId: params.channelId,
      actor: author,
      body: createTabbedMenuBodySchema.parse({
        name: NAME,
        tabs: [
          {
            aliasId: "demo-shop",
            body: tab("Shop", 0, [
              { type: "postback", data: "action=coupon", displayText: "Show me today's coupon" },
              { type: "message", text: "Opening hours?" },
              { type: "uri", uri: "https://example.com/shop" },
            ]),
          },
          {
            aliasId: "demo-info",
            body: tab("Info", 1, [
              { type: "datetimepicker", data: "action=reserve", mode: "date" },
              { type: "message", text: "Where are you?" },
              { type: "postback", data: "action=contact", displayText: "Please contact me" },
            ]),
          },
        ],
      }),
    });
    await recordAudit(db, {
      actor: system,
      ip: null,
      channelId: params.channelId,
      action: "richMenu.created",
      target: tabbedMenu.id,
      details: { name: tabbedMenu.name },
    });
    await publishDemo(db, { ...params, tabbedMenuId: tabbedMenu.id, tabs: richMenus });
  } catch (err) {
    log().warn({ scope: "demo", err }, "could not set up the demo's rich menu");
  }
}

// A tab: two tab headers switching to the aliases (the current one too, as LINE's examples do), then three columns.
function tab(name: string, index: number, body: Array<RichMenuArea["action"]>) {
  const switchTo = (alias: string, label: string): RichMenuArea["action"] => ({ type: "richmenuswitch", richMenuAliasId: alias, data: `tab=${label}` });
  return {
    name: `Demo: ${name}`,
    chatBarText: name,
    selected: index === 0,
    size: SIZE,
    areas: [
      { bounds: { x: 0, y: 0, width: HALF, height: TAB_H }, action: switchTo("demo-shop", "shop") },
      { bounds: { x: HALF, y: 0, width: HALF, height: TAB_H }, action: switchTo("demo-info", "info") },
      ...body.map((action, i) => ({ bounds: { x: i * COL, y: TAB_H, width: i === 2 ? SIZE.width - 2 * COL : COL, height: SIZE.height - TAB_H }, action })),
    ],
  };
}

// The active tab's header in the tab's colour, the other grey; three blocks below with white gutters.
function image(index: number, [accent, blocks]: [Rgb, Rgb[]]): Uint8Array {
  const gutter = 12;
  return flatPng(
    SIZE.width,
    SIZE.height,
    [255, 255, 255],
    [
      { x: 0, y: 0, width: HALF, height: TAB_H, color: index === 0 ? accent : [224, 224, 224] },
      { x: HALF, y: 0, width: HALF, height: TAB_H, color: index === 1 ? accent : [224, 224, 224] },
      ...blocks.map((color, i) => ({ x: i * COL + gutter, y: TAB_H + gutter, width: COL - 2 * gutter, height: SIZE.height - TAB_H - 2 * gutter, color })),
    ],
  );
}

/** The demo's tabs given their images (those without), published, and the first one made LINE's default. */
async function publishDemo(db: Db, params: { channelId: number; line: ChannelLine; tabbedMenuId: string; tabs: Array<{ id: string; hasImage: boolean }> }) {
  const palettes: Array<[Rgb, Rgb[]]> = [
    [
      [6, 199, 85],
      [
        [255, 183, 77],
        [129, 212, 250],
        [206, 147, 216],
      ],
    ],
    [
      [33, 150, 243],
      [
        [255, 241, 118],
        [165, 214, 167],
        [239, 154, 154],
      ],
    ],
  ];
  for (const [i, m] of params.tabs.entries()) {
    if (!m.hasImage) await setRichMenuImage(db, { channelId: params.channelId, id: m.id, bytes: image(i, palettes[i]!), contentType: "image/png" });
  }
  const published = (await publishTabbedMenu(db, { channelId: params.channelId, tabbedMenuId: params.tabbedMenuId, line: params.line })).rows;
  await setDefaultRichMenu(db, { channelId: params.channelId, id: published[0]!.id, line: params.line });
  await recordAudit(db, {
    actor: { kind: "system", name: "demo mode" },
    ip: null,
    channelId: params.channelId,
    action: "richMenu.defaultSet",
    target: published[0]!.id,
    details: { name: published[0]!.name },
  });
}
