import { randomBytes } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { visit } from "./visit";

// The kept primitives (Radix) and the comboboxes, driven as an operator drives them: with the pointer
// where it matters, with the keyboard everywhere, and through an input method's Enter.

test.describe.configure({ timeout: 60_000 });

const lineId = () => `U${randomBytes(16).toString("hex")}`;

/** A keydown for Enter as an input method sends it while composing (Chrome marks it isComposing). */
async function composingEnter(field: Locator) {
  await field.evaluate((el) =>
    el.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", code: "Enter", isComposing: true, bubbles: true, cancelable: true })),
  );
}

/** Opens /segments with a few segments, so the one created last is on the table's last row. */
async function segmentsPage(page: Page): Promise<Locator> {
  let last = "";
  for (let i = 0; i < 3; i++) {
    last = `primitives ${randomBytes(3).toString("hex")}`;
    const created = await page.request.post("/api/segments", { data: { name: last, filter: {} } });
    expect(created.status()).toBe(201);
  }
  await visit(page, "/segments");
  const rows = page.getByRole("row");
  await expect(rows.filter({ hasText: last })).toBeVisible();
  const trigger = rows.last().getByRole("button", { name: /^Actions for / });
  // At the very bottom of the window: a menu that opened downwards, inside the table's box, would be cut off.
  await trigger.evaluate((el) => el.scrollIntoView({ block: "end" }));
  return trigger;
}

test.describe("primitives", () => {
  test("the menu of the segment table's last row opens whole inside the window, and type-ahead focuses the matching item", async ({ page }) => {
    const trigger = await segmentsPage(page);
    await trigger.focus();
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu");
    await expect(menu).toBeVisible();

    const box = (await menu.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    // Not clipped by a scroll box either: the last item is what the pointer would hit there.
    const last = menu.getByRole("menuitem").last();
    expect(
      await last.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
      }),
    ).toBe(true);

    await page.keyboard.press("d");
    await expect(menu.getByRole("menuitem", { name: "Delete" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(trigger).toBeFocused();
  });

  test("a tooltip stays while the pointer moves onto it, stays inside the window, and closes on Escape", async ({ page }) => {
    await visit(page, "/segments");
    const live = page
      .getByRole("banner")
      .getByRole("status")
      .filter({ hasText: /^(Live|Connecting|Offline)$/ });
    await live.hover();
    const tooltip = page.locator('[data-slot="tooltip"]');
    await expect(tooltip).toBeVisible();
    const box = (await tooltip.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);

    // From the trigger to the middle of the tooltip, in small steps, as a hand moves a mouse.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
    await page.waitForTimeout(600);
    await expect(tooltip).toBeVisible();

    await page.keyboard.press("Escape");
    await expect(tooltip).toBeHidden();
  });

  test("the emoji picker takes focus when it opens, closes on Escape and gives focus back to its button", async ({ page }) => {
    await visit(page, "/messages/new?kind=push");
    const button = page.getByRole("button", { name: "LINE emoji" });
    await button.click();
    const picker = page.getByRole("dialog", { name: "LINE emoji" });
    await expect(picker).toBeVisible();
    await expect(picker.getByRole("combobox", { name: "Emoji set" })).toBeFocused();

    await page.keyboard.press("Escape");
    await expect(picker).toBeHidden();
    await expect(button).toBeFocused();

    // A click outside closes it too.
    await button.click();
    await expect(picker).toBeVisible();
    await page.getByRole("heading", { level: 1 }).click();
    await expect(picker).toBeHidden();
  });

  test("the push recipient combobox is driven by arrows and Enter, and an input method's Enter picks nothing", async ({ page }) => {
    const people = [
      { userId: lineId(), displayName: "Kanako Sato", pictureUrl: null },
      { userId: lineId(), displayName: "Kanako Ito", pictureUrl: null },
      { userId: lineId(), displayName: "Kanako Mori", pictureUrl: null },
    ];
    // Search results the widget can be driven through, whatever friends this database holds.
    await page.route(/\/api\/contacts\?q=/, (route) => route.fulfill({ json: { items: people } }));
    await page.route(/\/api\/chats\?q=/, (route) => route.fulfill({ json: { items: [] } }));
    await visit(page, "/messages/new?kind=push");

    const box = page.getByRole("combobox", { name: "Recipient" });
    await box.fill("かなこ");
    const list = page.getByRole("listbox", { name: "Matches" });
    await expect(list.getByRole("option")).toHaveCount(3);
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(box).toHaveAttribute("aria-controls", (await list.getAttribute("id"))!);

    const options = list.getByRole("option");
    const ids = await options.evaluateAll((els) => els.map((el) => el.id));
    await expect(box).toHaveAttribute("aria-activedescendant", ids[0]!);
    await box.press("ArrowDown");
    await expect(box).toHaveAttribute("aria-activedescendant", ids[1]!);
    await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
    await expect(options.nth(0)).toHaveAttribute("aria-selected", "false");
    await box.press("End");
    await expect(box).toHaveAttribute("aria-activedescendant", ids[2]!);
    await box.press("ArrowDown");
    await expect(box).toHaveAttribute("aria-activedescendant", ids[0]!);
    await box.press("Home");
    await box.press("ArrowUp");
    await box.press("ArrowUp");
    await expect(box).toHaveAttribute("aria-activedescendant", ids[1]!);
    // Focus never left the input: the active option is only pointed at.
    await expect(box).toBeFocused();

    // The Enter that commits a word in the input method is not a choice.
    await composingEnter(box);
    await expect(page.getByTestId("push-target")).toHaveCount(0);
    await expect(box).toBeVisible();

    await box.press("Enter");
    await expect(page.getByTestId("push-target")).toContainText(people[1]!.userId);
  });

  test("Escape closes the recipient list, and arrows open it again", async ({ page }) => {
    await visit(page, "/messages/new?kind=push");
    const box = page.getByRole("combobox", { name: "Recipient" });
    const id = lineId();
    await box.fill(id);
    await expect(page.getByRole("option")).toHaveCount(1);
    await box.press("Escape");
    await expect(page.getByRole("listbox")).toHaveCount(0);
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await box.press("ArrowDown");
    await expect(page.getByRole("option")).toHaveCount(1);
    await box.press("Enter");
    await expect(page.getByTestId("push-target")).toContainText(id);
  });

  test("the timeline's sender combobox ignores an input method's Enter", async ({ page }) => {
    await visit(page, "/events");
    const sender = page.getByRole("combobox", { name: "Sender: name or ID" });
    const id = lineId();
    await sender.fill(id);
    await composingEnter(sender);
    await page.waitForTimeout(300);
    expect(page.url()).not.toContain(id);
    await sender.press("Enter");
    await expect(page).toHaveURL(new RegExp(`userId=${id}`));
  });

  test("a LINE error toast stays while the pointer is on it, past its time, and F8 reaches it", async ({ page }) => {
    test.setTimeout(90_000);
    // LINE refuses the upload; the console says so in a toast that lasts 8 s unless someone is reading it.
    await page.route(/\/api\/segments\/[^/]+\/audience$/, (route) =>
      route.fulfill({ status: 502, json: { code: "line_refused", message: "The audience is too small" } }),
    );
    const trigger = await segmentsPage(page);
    await trigger.click();
    await page.getByRole("menuitem", { name: "Upload to LINE as audience" }).click();
    const toast = page.locator('[data-slot="toast"]').filter({ hasText: "The upload could not start" });
    await expect(toast).toBeVisible();
    // LINE's own words are what the operator needs to read.
    await expect(toast).toContainText("The audience is too small");
    await toast.hover();
    await page.waitForTimeout(10_000);
    await expect(toast).toBeVisible();

    // F8 moves focus to the notifications; the toast stays while focus is there too.
    await expect(page.getByRole("region", { name: "Notifications (F8)" })).toHaveCount(1);
    await page.keyboard.press("F8");
    await expect(page.locator('[data-slot="toaster"]')).toBeFocused();
    await page.keyboard.press("Tab");
    expect(await toast.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.mouse.move(0, 0);
    await page.waitForTimeout(9_000);
    await expect(toast).toBeVisible();

    // Once nobody reads it, it goes.
    await page.getByRole("heading", { level: 1 }).click();
    await expect(toast).toBeHidden({ timeout: 12_000 });
  });
});
