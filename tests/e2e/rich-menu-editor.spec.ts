import { expect, test, type Locator } from "@playwright/test";
import { lineRequests } from "./fake-line";
import { tabTo } from "./keyboard";
import { uniqueText } from "./webhook";
import { visit } from "./visit";

// Issue 25: the rich menu editor. An area drawn with the mouse, resized by a handle, moved and resized
// with the keyboard; actions set; validation as you type; an image generated from the labels; saved,
// checked with LINE and published against the fake; a stale save refused with a Reload; a tabbed menu
// created with its tab bar, switched in the preview and published together.

test.describe.configure({ timeout: 120_000 });

test("a menu drawn, resized and moved with mouse and keyboard, validated, saved, checked with LINE and published", async ({ page, request }) => {
  const name = `Spring menu ${uniqueText("kana")}`;
  await visit(page, "/rich-menus/new");
  await page.getByTestId("layout-select").selectOption("half-2");
  await expect(page.getByTestId("area-canvas").locator("[data-area-index]")).toHaveCount(2);

  // Delete the right half with the keyboard: the space is free to draw in.
  await page.getByTestId("area-1").focus();
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("area-canvas").locator("[data-area-index]")).toHaveCount(1);

  // Draw an area with the mouse on the empty right half (image pixels: 2500 × 843).
  const canvas = page.getByTestId("area-canvas");
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.6, { steps: 5 });
  await page.mouse.up();
  await expect(canvas.locator("[data-area-index]")).toHaveCount(2);
  const fields = page.getByTestId("area-fields-1");
  const x0 = await numberIn(fields, "X");
  const w0 = await numberIn(fields, "Width");
  expect(x0).toBeGreaterThan(1400);
  expect(x0).toBeLessThan(1600);
  expect(w0).toBeGreaterThan(400);
  expect(w0).toBeLessThan(600);

  // Resize it by its bottom-right handle.
  const handle = (await page.getByTestId("area-1").locator('[data-handle="se"]').boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.95, box.y + box.height * 0.9, { steps: 8 });
  await page.mouse.up();
  const w1 = await numberIn(fields, "Width");
  expect(w1).toBeGreaterThan(w0 + 300);
  expect(await numberIn(fields, "X")).toBe(x0);

  // The keyboard: Tab reaches the area (focus shown at every stop), arrows move it 10 px, Shift+arrows
  // resize it, and the live region says where it is.
  await page.getByTestId("add-area").focus();
  await tabTo(page, page.getByTestId("area-1"));
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => numberIn(fields, "X")).toBe(x0 - 20);
  await page.keyboard.press("Shift+ArrowLeft");
  await expect.poll(() => numberIn(fields, "Width")).toBe(w1 - 10);
  await expect(page.getByTestId("area-announcer")).toContainText(`Area 2 selected: x ${x0 - 20}`);
  await expect(page.getByTestId("area-1")).toHaveAttribute("aria-label", /^Area 2: /);

  // Actions, and validation as you type.
  await page.locator("#menu-name").fill(name);
  await page.locator("#menu-chat-bar").fill("");
  await expect(page.locator("#menu-chat-bar-error")).toHaveText("Required");
  await page.locator("#menu-chat-bar").fill("Fifteen letters");
  await expect(page.locator("#menu-chat-bar-error")).toHaveText("At most 14 characters");
  await page.locator("#menu-chat-bar").fill("Open menu");
  await expect(page.locator("#menu-chat-bar-error")).toHaveCount(0);
  await page.locator("#area-0-type").selectOption("message");
  await page.locator("#area-0-text").fill("Show me today's specials");
  await page.locator("#area-1-type").selectOption("uri");
  await page.locator("#area-1-uri").fill("ftp://example.com");
  await expect(page.locator("#area-1-uri-error")).toHaveText("Must start with http://, https://, line:// or tel:");
  await page.locator("#area-1-uri").fill("https://example.com/spring");
  await expect(page.locator("#area-1-uri-error")).toHaveCount(0);
  await page.locator("#area-1-label").fill("Our site");
  await page.locator("#menu-alias").fill("Not An Alias");
  await expect(page.locator("#menu-alias-error")).toHaveText("1–32 lower-case letters, digits, _ or -");
  await page.locator("#menu-alias").fill("");

  // A second area dropped in the middle overlaps: a warning, not an error.
  await page.getByTestId("add-area").click();
  await expect(page.getByTestId("overlap-warning")).toBeVisible();
  await page.getByRole("button", { name: "Remove area 3" }).click();
  await expect(page.getByTestId("overlap-warning")).toHaveCount(0);

  // The preview: the bar opens and closes the menu; a tap says what would happen.
  await page.getByTestId("preview-area-0").click();
  await expect(page.getByTestId("preview-log")).toContainText("Show me today's specials");
  await page.getByTestId("preview-area-1").click();
  await expect(page.getByTestId("preview-log")).toContainText("Opens https://example.com/spring");
  await page.getByTestId("preview-chat-bar").click();
  await expect(page.getByTestId("preview-menu")).toHaveCount(0);
  await page.getByTestId("preview-chat-bar").click();
  await expect(page.getByTestId("preview-menu")).toBeVisible();

  // No designer: an image from the area labels, at the menu's size.
  await page.getByTestId("generate-image").click();
  await expect(canvas.locator("img")).toHaveAttribute("src", /^blob:/);

  await page.getByTestId("save-menu").click();
  await expect(page).toHaveURL(/\/rich-menus\/[0-9A-Za-z]+$/, { timeout: 20_000 });
  await expect(page.getByTestId("menu-status")).toHaveText("Draft");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("area-canvas").locator("img")).toHaveAttribute("src", /\/api\/rich-menus\/.+\/image/);

  await page.getByTestId("check-with-line").click();
  await expect(page.getByTestId("check-result")).toHaveText("LINE accepts this menu.");

  await page.getByTestId("publish-menu").click();
  await expect(page.getByTestId("menu-status")).toHaveText("Published", { timeout: 20_000 });
  const created = (await lineRequests(request, "/v2/bot/richmenu")).filter((r) => JSON.stringify(r.body).includes(name));
  expect(created).toHaveLength(1);
  expect(created[0]!.body.chatBarText).toBe("Open menu");

  // Someone else saves meanwhile: ours is refused, said plainly, with a Reload that shows theirs.
  const id = page.url().split("/").pop()!;
  const { richMenu } = (await (await request.get(`/api/rich-menus/${id}`)).json()) as { richMenu: Record<string, unknown> & { version: number } };
  const theirs = await request.patch(`/api/rich-menus/${id}`, {
    data: {
      name: `${name} (theirs)`,
      chatBarText: richMenu.chatBarText,
      selected: richMenu.selected,
      size: richMenu.size,
      areas: richMenu.areas,
      version: richMenu.version,
    },
  });
  expect(theirs.status()).toBe(200);
  await page.locator("#menu-chat-bar").fill("Ours");
  await page.getByTestId("save-menu").click();
  await expect(page.getByTestId("conflict")).toContainText("Someone else saved this menu");
  await page.getByTestId("conflict").getByRole("button", { name: "Reload" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${name} (theirs)`);
  await expect(page.getByTestId("menu-status")).toHaveText("Unpublished changes");
  await expect(page.getByRole("button", { name: "Publish changes" })).toBeEnabled();

  // In the list: made the default, no longer the default, then deleted after a confirmation.
  await visit(page, "/rich-menus");
  const row = page.getByTestId("rich-menu-row").filter({ hasText: `${name} (theirs)` });
  await row.getByRole("button", { name: /^Set default/ }).click();
  await expect(row.getByTestId("default-badge")).toBeVisible();
  await row.getByRole("button", { name: /^Clear default/ }).click();
  await expect(row.getByTestId("default-badge")).toHaveCount(0);
  await row.getByRole("button", { name: `Delete ${name} (theirs)` }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("It is removed from LINE too");
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(row).toHaveCount(0);
  expect((await request.get(`/api/rich-menus/${id}`)).status()).toBe(404);
});

test("an image LINE would refuse is refused before upload, with the reason", async ({ page }) => {
  await visit(page, "/rich-menus/new");
  const input = page.getByTestId("image-input");
  await input.setInputFiles({ name: "menu.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a") });
  await expect(page.getByTestId("image-problem")).toHaveText("Only JPEG or PNG images can be used.");
  await input.setInputFiles({ name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(1024 * 1024 + 1) });
  await expect(page.getByTestId("image-problem")).toContainText("1,048,577 bytes; LINE accepts at most 1 MB");
});

test("a tabbed menu: tabs with their tab bar set up, switched in the preview, created and published together", async ({ page }) => {
  await visit(page, "/rich-menus");
  await page.getByTestId("new-tabbed-menu").click();
  await page.getByRole("alertdialog").getByRole("radio", { name: "3 tabs" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Start" }).click();
  await expect(page).toHaveURL(/\/rich-menus\/new\?tabs=3$/);
  const tabs = page.getByTestId("menu-tab-row");
  await expect(tabs.getByRole("button")).toHaveCount(3);

  // Tab 1's bar switches to tabs 2 and 3 (its own cell does nothing), then its body area.
  await expect(page.locator("#area-0-type")).toHaveValue("richmenuswitch");
  const alias2 = await page.locator("#area-0-alias").inputValue();
  expect(alias2).toMatch(/^tabs-[0-9a-f]{6}-2$/);
  await page.getByTestId("preview-area-0").click();
  await expect(page.getByTestId("preview-log")).toContainText(`Switched to ${alias2}`);
  // The preview now shows tab 2, whose first cell switches back to tab 1.
  await page.getByTestId("preview-area-0").click();
  await expect(page.getByTestId("preview-log")).toContainText(`Switched to ${alias2.replace(/-2$/, "-1")}`);

  // Tab 2 edited in the same editor; a name for the whole.
  await tabs.getByRole("button", { name: /^Tab 2/ }).click();
  await expect(page.locator("#area-0-alias")).toHaveValue(alias2.replace(/-2$/, "-1"));
  await page.locator("#area-2-label").fill("Coupons");
  for (let i = 0; i < 3; i++) {
    await tabs.getByRole("button").nth(i).click();
    await page.getByTestId("generate-image").click();
    await expect(page.getByTestId("area-canvas").locator("img")).toHaveAttribute("src", /^blob:/);
  }
  await page.getByTestId("save-menu").click();
  await expect(page).toHaveURL(/\/rich-menus\/[0-9A-Za-z]+$/, { timeout: 20_000 });
  const row = page.getByTestId("menu-tab-row");
  await expect(row.getByRole("link")).toHaveCount(3);
  await page.getByTestId("publish-menu").click();
  await expect(page.getByTestId("menu-status")).toHaveText("Published", { timeout: 30_000 });
  await row.getByRole("link").nth(1).click();
  await expect(page.getByTestId("menu-status")).toHaveText("Published");
  await expect(page.locator("#area-2-label")).toHaveValue("Coupons");

  await visit(page, "/rich-menus");
  const group = page.getByTestId("tabbed-group").filter({ hasText: alias2 });
  await expect(group.getByTestId("rich-menu-row")).toHaveCount(3);
  await expect(group.getByTestId("menu-status")).toHaveText(["Published", "Published", "Published"]);
});

async function numberIn(fields: Locator, label: string): Promise<number> {
  return Number(await fields.getByLabel(label, { exact: true }).inputValue());
}
