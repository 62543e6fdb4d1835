import { expect, test } from "@playwright/test";
import { postWebhook, textEvent, uniqueText } from "./webhook";
import { visit } from "./visit";

test.describe("event detail", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("shows the raw JSON, and Copy puts exactly that JSON on the clipboard", async ({ page, request }) => {
    const text = `detail ${uniqueText("thai")}`;
    const event = textEvent(text);
    await postWebhook(request, [event]);
    const { items } = await (await request.get(`/api/events?q=${encodeURIComponent(text)}`)).json();
    const id: string = items[0].id;

    await visit(page, `/events/${id}`);
    await expect(page.getByRole("heading", { name: `Event #${id}` })).toBeVisible();
    const raw = page.getByRole("region", { name: "Raw JSON" });
    await expect(raw).toContainText(`"webhookEventId": "${event.webhookEventId}"`);
    await expect(raw).toContainText(text);

    await page.getByRole("button", { name: "Copy JSON" }).click();
    await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
    const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied).toEqual(event);

    await expect(page.getByText("1 event in this delivery")).toBeVisible();
    await page.getByRole("link", { name: "Open", exact: true }).click();
    await expect(page).toHaveURL(/\/deliveries\/[0-9A-Z]{26}$/);
  });

  test("opens from the timeline in a side sheet on a wide screen", async ({ page, request }) => {
    const text = `sheet ${uniqueText("han")}`;
    await postWebhook(request, [textEvent(text)]);
    await visit(page, `/events?q=${encodeURIComponent(text)}`);
    await page.getByRole("article").filter({ hasText: text }).click();

    const sheet = page.getByRole("dialog");
    await expect(sheet).toBeVisible();
    await expect(sheet.getByRole("region", { name: "Raw JSON" })).toContainText(text);
    await page.keyboard.press("Escape");
    await expect(sheet).toBeHidden();
    await expect(page).not.toHaveURL(/event=/);
  });
});
