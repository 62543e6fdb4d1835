import { expect, test, type Page } from "@playwright/test";
import { SCREENSHOT_VARIANTS, THEME_SWAPPED_VARIANTS, applyVariant, type ScreenshotVariant } from "./screenshot-variants";
import { visit } from "./visit";

// Screenshots of the rich menu list and editor (issue 25), for a person to look at (SCREENSHOTS=1):
// every language in both themes, laptop and tablet widths. AXE=1 audits each.
test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to take screenshots");
test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const VARIANTS: ScreenshotVariant[] = [...SCREENSHOT_VARIANTS, ...THEME_SWAPPED_VARIANTS];
const NAMES = { en: "Spring menu", "zh-TW": "春季選單", ja: "春のメニュー", th: "เมนูฤดูใบไม้ผลิ" } as const;

let menuId = "";
test.beforeAll(async ({ request }) => {
  const areas = [0, 1, 2].map((i) => ({
    bounds: { x: i * 833, y: 0, width: 833, height: 843 },
    action: { type: "postback", label: ["Menu", "Coupons", "Shop"][i], data: `area-${i + 1}` },
  }));
  const made = await request.post("/api/rich-menus", {
    data: { name: "Spring menu", chatBarText: "Menu", selected: true, size: { width: 2500, height: 843 }, areas },
  });
  expect(made.status()).toBe(201);
  menuId = ((await made.json()) as { richMenu: { id: string } }).richMenu.id;
  // A tabbed menu of two, grouped in the list.
  const size = { width: 2500, height: 1686 };
  const tab = (own: number, other: number) => ({
    aliasId: `shots-${Date.now().toString(36)}-${own}`,
    body: {
      name: `Shop — ${own}`,
      chatBarText: "Shop",
      selected: own === 1,
      size,
      areas: [
        {
          bounds: { x: other === 2 ? 1250 : 0, y: 0, width: 1250, height: 280 },
          action: { type: "richmenuswitch", richMenuAliasId: "", data: `tab-${other}` },
        },
        { bounds: { x: 0, y: 280, width: 2500, height: 1406 }, action: { type: "message", text: own === 1 ? "New arrivals" : "Opening hours" } },
      ],
    },
  });
  const tabs = [tab(1, 2), tab(2, 1)];
  tabs[0]!.body.areas[0]!.action.richMenuAliasId = tabs[1]!.aliasId;
  tabs[1]!.body.areas[0]!.action.richMenuAliasId = tabs[0]!.aliasId;
  expect((await request.post("/api/rich-menus/tabbed", { data: { name: "Shop", tabs } })).status()).toBe(201);
});

for (const v of VARIANTS) {
  test(`rich menus (${v.locale}, ${v.scheme}, ${v.width})`, async ({ page, context, baseURL }) => {
    const shot = await applyVariant(page, context, baseURL!, v);

    await visit(page, "/rich-menus");
    await page.getByTestId("rich-menu-row").first().waitFor();
    await settle(page);
    await shot("rich-menu-list");

    await visit(page, `/rich-menus/${menuId}`);
    await page.getByTestId("area-canvas").waitFor();
    await page.getByTestId("area-0").focus();
    await settle(page);
    await shot("rich-menu-editor");

    // A new menu from a layout, its image generated from the labels, an area tapped in the preview.
    await visit(page, "/rich-menus/new");
    await page.locator("#menu-name").fill(NAMES[v.locale]);
    await page.getByTestId("generate-image").click();
    await page.getByTestId("area-canvas").locator("img").waitFor();
    await page.getByTestId("preview-area-1").click();
    await page.locator("#menu-chat-bar").fill("");
    await settle(page);
    await shot("rich-menu-new");

    await visit(page, "/rich-menus/new?tabs=3");
    await page.getByTestId("menu-tab-row").waitFor();
    await page.getByTestId("preview-area-0").click();
    await settle(page);
    await shot("rich-menu-tabbed");
  });
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle", { timeout: 2000 }).catch(() => {});
  await page.evaluate(() => document.fonts.ready);
}
