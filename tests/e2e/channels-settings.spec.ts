import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { fakeGet } from "./fake-line";
import { visit } from "./visit";

// Settings → Channels against the fake LINE platform, whose second channel (playwright.config.ts starts
// the fake with more than one) this spec adds with its ID and secret, archives and deletes.

interface FakeChannel {
  channelId: string;
  channelSecret: string;
  basicId: string;
  displayName: string;
}

let fake: FakeChannel;

test.beforeAll(async ({ request }) => {
  fake = (await fakeGet<{ channels: FakeChannel[] }>(request, "/__fake/channels")).channels[1]!;
  await removeChannel(request, fake.channelId);
});

// A retry starts without what the failed attempt added.
test.afterAll(async ({ request }) => {
  await removeChannel(request, fake.channelId);
});

test.describe("Settings › Channels", () => {
  test("adds a channel from its ID and secret (LINE's refusal of a wrong secret on its field), renames, archives, restores and deletes it by its name", async ({
    page,
    baseURL,
  }) => {
    // The console names the channel after its bot and keys it by the basic ID.
    const key = fake.basicId.replace(/^@/, "").toLowerCase();
    const webhookUrl = `${baseURL}/api/line/webhook/${key}`;
    await visit(page, "/channels/default/settings/channels");
    await expect(page.locator('li[data-channel="default"]')).toContainText("From the server’s environment");

    await page.getByRole("button", { name: "Add channel" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a channel" });
    await expect(dialog.getByLabel("Channel ID")).toBeFocused();
    await expect(dialog).toContainText("issues short-lived tokens itself");

    // Checked with the route's schema as a field is left, before anything is sent.
    await dialog.getByLabel("Channel ID").fill("20-01");
    await dialog.getByLabel("Channel ID").press("Tab");
    await expect(dialog.locator("#channel-line-id-error")).toHaveText("Type the channel ID from LINE Developers Console: digits only.");
    await dialog.getByLabel("Channel ID").fill(fake.channelId);
    await expect(dialog.locator("#channel-line-id-error")).toBeHidden();

    // A well-formed secret that is not this channel's: LINE refuses it, on the secret's field.
    const secret = dialog.getByLabel("Channel secret", { exact: true });
    await expect(secret).toHaveAttribute("type", "password");
    await secret.fill("0123456789abcdef0123456789abcdef");
    await dialog.getByRole("button", { name: "Show channel secret" }).click();
    await expect(secret).toHaveAttribute("type", "text");
    await dialog.getByRole("button", { name: "Add channel" }).click();
    await expect(dialog.locator("#channel-secret-error")).toHaveText("LINE did not accept this channel ID and secret together");
    await expect(secret).toHaveAttribute("aria-invalid", "true");
    await expect(secret).toBeFocused();

    await secret.fill(fake.channelSecret);
    await expect(dialog.locator("#channel-secret-error")).toBeHidden();
    await dialog.getByRole("button", { name: "Add channel" }).click();
    const added = dialog.getByTestId("channel-added");
    await expect(added).toContainText(`“${fake.displayName}” is added.`);
    await expect(added).toBeFocused();
    await expect(added.getByTestId("channel-webhook-url")).toHaveText(webhookUrl);
    await expect(dialog.getByRole("link", { name: "Open channel" })).toHaveAttribute("href", `/channels/${key}`);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();

    const item = page.locator(`li[data-channel="${key}"]`);
    await expect(item.getByRole("heading")).toHaveText(fake.displayName);
    await expect(item).toContainText("Active");
    await expect(item).toContainText(fake.channelId);
    await expect(item).toContainText("Issued by the console (short-lived)");
    await expect(item.getByTestId("channel-webhook-url")).toHaveText(webhookUrl);
    await expect(item.getByRole("button", { name: "Copy webhook URL" })).toBeVisible();

    // Open is a full page load of the other channel, whose pages answer with its own bot.
    await item.getByRole("link", { name: "Open" }).click();
    await page.waitForURL(new RegExp(`/channels/${key}$`));
    await visit(page, "/channels/default/settings/channels");

    // Renaming is the console's name only; Escape first, which gives focus back to the button.
    const renamed = `${fake.displayName} (e2e)`;
    await item.getByRole("button", { name: "Rename" }).click();
    const rename = page.getByRole("dialog", { name: "Rename channel" });
    await expect(rename.getByLabel("Name")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(rename).toBeHidden();
    await expect(item.getByRole("button", { name: "Rename" })).toBeFocused();
    await page.keyboard.press("Enter");
    await rename.getByLabel("Name").fill(renamed);
    await rename.getByRole("button", { name: "Save" }).click();
    await expect(rename).toBeHidden();
    await expect(item.getByRole("heading")).toHaveText(renamed);

    await item.getByRole("button", { name: "Archive" }).click();
    const archive = page.getByRole("alertdialog");
    await expect(archive).toContainText("stops taking in this channel’s webhook events");
    await expect(archive).toContainText("you can restore it at any time");
    await archive.getByRole("button", { name: "Archive" }).click();
    await expect(archive).toBeHidden();
    await expect(item).toContainText("Archived");
    await item.getByRole("button", { name: "Restore" }).click();
    await expect(item).toContainText("Active");
    await expect(item.getByRole("button", { name: "Archive" })).toBeVisible();

    // Deleting asks for the name, and the server compares it.
    await item.getByRole("button", { name: "Delete" }).click();
    const remove = page.getByRole("alertdialog", { name: `Delete “${renamed}”?` });
    const confirmName = remove.getByLabel("To confirm, type the channel’s name");
    await expect(confirmName).toBeFocused();
    await confirmName.fill("Not its name");
    await remove.getByRole("button", { name: "Delete channel" }).click();
    await expect(remove.locator("#channel-confirm-name-error")).toHaveText("Is not the channel's name");
    await expect(item).toBeVisible();
    await confirmName.fill(renamed);
    await remove.getByRole("button", { name: "Delete channel" }).click();
    await expect(remove).toBeHidden();
    await expect(item).toBeHidden();
    await expect(page.locator('li[data-channel="default"]')).toBeVisible();
  });

  test("the first channel can be archived but not deleted; the add dialog gives focus back when closed", async ({ page }) => {
    await visit(page, "/channels/default/settings/channels");
    const first = page.locator('li[data-channel="default"]');
    await expect(first).toContainText("Current");
    await expect(first).toContainText("it can be archived, not deleted");
    await expect(first.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await expect(first.getByRole("link", { name: "Open" })).toHaveCount(0);

    const add = page.getByRole("button", { name: "Add channel" });
    await add.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Add a channel" });
    await expect(dialog.getByLabel("Channel ID")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(add).toBeFocused();
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`the page and the add dialog in ${scheme}: no serious or critical axe violation`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await visit(page, "/channels/default/settings/channels");
      const found = await audit(page);
      await page.getByRole("button", { name: "Add channel" }).click();
      const dialog = page.getByRole("dialog", { name: "Add a channel" });
      await dialog.getByLabel("Channel ID").fill("20-01");
      await dialog.getByLabel("Channel ID").press("Tab");
      await expect(dialog.locator("#channel-line-id-error")).toBeVisible();
      found.push(...(await audit(page)));
      expect(found, found.join("\n")).toEqual([]);
    });
  }
});

async function audit(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.nodes.length}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
}

async function removeChannel(request: APIRequestContext, lineChannelId: string) {
  const res = await request.get("/api/channels");
  expect(res.status(), await res.text()).toBe(200);
  const { items } = (await res.json()) as { items: { key: string; name: string; lineChannelId: string }[] };
  for (const c of items.filter((i) => i.lineChannelId === lineChannelId)) {
    expect((await request.delete(`/api/channels/${c.key}`, { data: { confirmName: c.name } })).status()).toBe(204);
  }
}
