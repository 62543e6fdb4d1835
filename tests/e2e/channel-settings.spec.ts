import { expect, test } from "@playwright/test";
import { E2E_LINE } from "../../playwright.config";
import { visit } from "./visit";

test.describe("channel settings", () => {
  test("shows the channel as LINE describes it, with the credentials masked", async ({ page, baseURL }) => {
    const bot = await (await fetch(`${E2E_LINE.apiUrl}/v2/bot/info`, { headers: { authorization: `Bearer ${E2E_LINE.channelAccessToken}` } })).json();
    await visit(page, "/settings");
    await expect(page.getByTestId("bot-name")).toHaveText(bot.displayName);
    await expect(page.getByText(bot.basicId).first()).toBeVisible();
    await expect(page.getByText("Bot (webhooks)")).toBeVisible();
    await expect(page.getByTestId("webhook-url")).toHaveText(`${baseURL}/api/line/webhook`);
    await expect(page.getByText(`ends in …${E2E_LINE.channelAccessToken.slice(-4)}`)).toBeVisible();
    const html = await page.content();
    expect(html).not.toContain(E2E_LINE.channelAccessToken);
    expect(html).not.toContain(E2E_LINE.channelSecret);
  });

  test("sets the webhook URL through LINE's API, tests it, and both land in the audit log", async ({ page, baseURL }) => {
    await visit(page, "/settings");
    await page.getByRole("button", { name: "Set webhook URL in LINE" }).click();
    await expect(page.getByTestId("webhook-current")).toHaveText(`${baseURL}/api/line/webhook`);
    await expect(page.getByText("This console", { exact: true })).toBeVisible();

    // LINE (the fake) now calls this console's webhook: signed with the channel secret, answered 200.
    await page.getByRole("button", { name: "Send test webhook" }).click();
    const result = page.getByRole("status").filter({ hasText: "LINE reached the webhook" });
    await expect(result).toBeVisible({ timeout: 10_000 });
    await expect(result).toContainText("200");

    await visit(page, "/settings/audit");
    await page.getByRole("combobox", { name: "Action" }).selectOption({ label: "Webhook URL set" });
    await expect(page).toHaveURL(/action=settings\.webhook_endpoint_set/);
    const row = page.locator('[data-audit-action="settings.webhook_endpoint_set"]').first();
    await expect(row).toContainText(`${baseURL}/api/line/webhook`);
    await expect(row).toContainText("e2e-admin@example.com");
    await expect(page.locator("[data-audit-action]").filter({ hasNotText: "Webhook URL set" })).toHaveCount(0);

    await page.getByRole("combobox", { name: "Action" }).selectOption({ label: "Webhook tested" });
    const tested = page.locator('[data-audit-action="settings.webhook_tested"]').first();
    await tested.getByRole("button", { name: "Show details" }).click();
    await expect(page.getByRole("region", { name: "Details of settings.webhook_tested" }).first()).toContainText('"success": true');
  });
});
