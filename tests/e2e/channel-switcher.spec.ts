import { expect, test, type Locator, type Page } from "@playwright/test";
import { addSecondChannel, firstChannel, memberId, type ConsoleChannel } from "./channels";
import { press, tabTo } from "./keyboard";
import { browserAs, createMember } from "./members";
import { visit } from "./visit";
import { postWebhook, textEvent, uniqueText } from "./webhook";

// The header's channel switcher with two channels in the console: it lists the member's channels with
// their roles, and switching loads the matching page of the other channel (a full page load: nothing
// read for one channel may show on another).

let first: ConsoleChannel;
let second: ConsoleChannel;

test.beforeAll(async ({ request }) => {
  second = await addSecondChannel(request);
  first = await firstChannel(request);
});

const switcher = (page: Page) => page.getByRole("button", { name: /Switch channel$/ });

test.describe("channel switcher", () => {
  test("lists the admin's channels with basic id and role; choosing one opens the same page there", async ({ page }) => {
    await visit(page, `/channels/${first.key}/settings/members`);
    await expect(page).toHaveTitle(`Members · ${first.name} · OA Console`);
    await expect(switcher(page)).toHaveAccessibleName(`${first.name} Switch channel`);
    await switcher(page).click();
    const menu = page.getByRole("menu", { name: "Channels" });
    const items = menu.getByRole("menuitemradio");
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText(first.name);
    await expect(items.nth(0)).toHaveAttribute("aria-checked", "true");
    await expect(items.nth(1)).toContainText(second.name);
    await expect(items.nth(1)).toContainText(`${second.basicId} · Your role: Admin`);
    await expect(menu.getByRole("menuitem", { name: "Manage channels" })).toBeVisible();

    await items.nth(1).click();
    await page.waitForURL(`**/channels/${second.key}/settings/members`);
    await page.locator("html[data-ready]").waitFor({ state: "attached" });
    await expect(page).toHaveTitle(`Members · ${second.name} · OA Console`);
    await expect(switcher(page)).toHaveAccessibleName(`${second.name} Switch channel`);
    await expect(page.getByText(`Roles on ${second.name}.`)).toBeVisible();
  });

  test("from one event, switching opens the other channel's event list (an id belongs to one channel)", async ({ page, request }) => {
    const text = `switch ${uniqueText("kana")}`;
    await postWebhook(request, [textEvent(text)]);
    const { items } = await (await request.get(`/api/events?q=${encodeURIComponent(text)}`)).json();
    await visit(page, `/channels/${first.key}/events/${items[0].id}`);
    await switcher(page).click();
    await page.getByRole("menuitemradio").filter({ hasText: second.name }).click();
    await page.waitForURL(new RegExp(`/channels/${second.key}/events$`));
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  });

  test("a member with no access to a channel does not see it in the switcher", async ({ browser, request, baseURL }) => {
    const member = await createMember(request, "viewer");
    const id = await memberId(request, member.email);
    const onSecond = { headers: { "x-oa-channel": second.key } };
    expect((await request.patch(`/api/members/${id}`, { data: { role: "operator" }, ...onSecond })).status()).toBe(200);

    const context = await browserAs(browser, member, baseURL);
    const page = await context.newPage();
    await visit(page, `/channels/${first.key}/events`);
    await switcher(page).click();
    const items = page.getByRole("menu", { name: "Channels" }).getByRole("menuitemradio");
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toContainText("Your role: Viewer");
    await expect(items.nth(1)).toContainText("Your role: Operator");
    // Only console admins manage channels.
    await expect(page.getByRole("menuitem", { name: "Manage channels" })).toHaveCount(0);

    expect((await request.patch(`/api/members/${id}`, { data: { role: "none" }, ...onSecond })).status()).toBe(200);
    await visit(page, `/channels/${first.key}/events`);
    // One channel left: its name, and no menu to open.
    await expect(page.getByTestId("channel-current")).toContainText(first.name);
    await expect(switcher(page)).toHaveCount(0);
    expect((await page.goto(`/channels/${second.key}/events`))?.status()).toBe(404);
    await context.close();
    await member.api.dispose();
  });

  test("works from the keyboard: open, move, type ahead, Escape returns focus, Enter switches", async ({ page }) => {
    await visit(page, `/channels/${first.key}/contacts`);
    const button = switcher(page);
    // The header's first stop comes right after the sidebar's last control (its collapse button): from
    // there, not the top of the page, so the walk is short on a busy machine.
    await page.getByRole("button", { name: "Collapse sidebar" }).focus();
    await tabTo(page, button, { max: 3 });
    // Inside the menu focus shows as the item's highlight (Radix's data-highlighted), not a ring: the keys
    // are pressed as they are, and each step checks the item that is focused is the highlighted one.
    const key = page.keyboard;
    const focusedAndHighlighted = async (item: Locator) => {
      await expect(item).toBeFocused();
      await expect(item).toHaveAttribute("data-highlighted", "");
    };
    await key.press("Enter");
    const menu = page.getByRole("menu", { name: "Channels" });
    await expect(menu).toBeVisible();
    const current = menu.getByRole("menuitemradio").filter({ hasText: first.name });
    const other = menu.getByRole("menuitemradio").filter({ hasText: second.name });
    const manage = menu.getByRole("menuitem", { name: "Manage channels" });
    // Opened from the keyboard: the first item has focus at once.
    await focusedAndHighlighted(current);
    await key.press("ArrowDown");
    await focusedAndHighlighted(other);
    await key.press("End");
    await focusedAndHighlighted(manage);
    await key.press("Home");
    await focusedAndHighlighted(current);
    await press(page, "Escape");
    await expect(menu).toBeHidden();
    await expect(button).toBeFocused();

    await key.press("ArrowDown");
    await expect(menu).toBeVisible();
    await key.type(second.name.slice(0, 3));
    await focusedAndHighlighted(other);
    await key.press("Enter");
    await page.waitForURL(new RegExp(`/channels/${second.key}/contacts$`));
  });

  test("the command palette switches channels too, and offers console admins the channels settings", async ({ page }) => {
    await visit(page, `/channels/${first.key}/deliveries`);
    await page.keyboard.press("Control+k");
    const input = page.getByRole("combobox", { name: "Command palette" });
    await input.fill("channel");
    await expect(page.getByRole("option", { name: "Settings: Channels" })).toBeVisible();
    // The channel the page is on is not offered.
    await expect(page.getByRole("option", { name: `Switch to ${first.name}` })).toHaveCount(0);
    await input.fill(second.name);
    await expect(page.getByRole("option", { name: `Switch to ${second.name}` })).toBeVisible();
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/channels/${second.key}/deliveries$`));
  });

  test("at tablet width the switcher is the channel's picture, named for screen readers", async ({ page }) => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await visit(page, `/channels/${first.key}/events`);
    const button = switcher(page);
    await expect(button).toHaveAccessibleName(`${first.name} Switch channel`);
    // The name is there for screen readers only (a 1px box), so the bar keeps room for the page's crumbs.
    expect(await button.getByText(first.name).evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    const box = await button.boundingBox();
    expect(box!.width).toBeLessThan(64);
    await button.click();
    const menu = page.getByRole("menu", { name: "Channels" });
    await expect(menu).toBeInViewport({ ratio: 1 });
  });
});
