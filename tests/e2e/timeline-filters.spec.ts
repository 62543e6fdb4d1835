import { expect, test } from "@playwright/test";
import { followEvent, postWebhook, textEvent, uniqueText, userId } from "./webhook";
import { visit } from "./visit";

test.describe("timeline filters", () => {
  test("search narrows the list, in Chinese, Japanese and Thai", async ({ page, request }) => {
    const han = uniqueText("han");
    const kana = uniqueText("kana");
    const thai = uniqueText("thai");
    const texts = { han: `請問${han}還有位子嗎`, kana: `明日${kana}に行きます`, thai: `สวัสดี${thai}ครับ` };
    await postWebhook(request, [textEvent(texts.han), textEvent(texts.kana), textEvent(texts.thai)]);

    await visit(page, "/events");
    const search = page.getByRole("searchbox", { name: "Search event text" });
    const rows = page.getByRole("article");

    for (const [query, expected] of [
      [han, texts.han],
      [kana, texts.kana],
      [thai, texts.thai],
    ] as const) {
      await search.fill(query);
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText(expected);
      await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(query)}`));
    }

    await search.fill(`${thai}-nothing-like-this`);
    await expect(page.getByText("No events match these filters")).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(search).toHaveValue("");
    await expect(rows.first()).toBeVisible();
  });

  test("type and user filters narrow the list and live in the URL", async ({ page, request }) => {
    const user = userId();
    const text = `filter ${uniqueText("kana")}`;
    await postWebhook(request, [textEvent(text, { user }), followEvent(user)]);

    await visit(page, "/events");
    await page.getByRole("combobox", { name: "Sender: name or ID" }).fill(user);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`userId=${user}`));
    const rows = page.getByRole("article");
    await expect(rows).toHaveCount(2);

    await page.getByRole("combobox", { name: "Event type" }).selectOption("follow");
    await expect(page).toHaveURL(/type=follow/);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("Added the account as a friend");

    // The URL is the view: opening it fresh shows the same list.
    await visit(page, page.url());
    await expect(rows).toHaveCount(1);
    await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Follow");

    await page.getByRole("button", { name: "Remove filter: Type" }).click();
    await expect(rows).toHaveCount(2);
  });
});
