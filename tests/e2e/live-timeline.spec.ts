import { expect, test } from "@playwright/test";
import { postWebhook, textEvent, uniqueText } from "./webhook";
import { visit } from "./visit";

test.describe("live timeline", () => {
  test("shows a webhook posted while the timeline is open, without a reload", async ({ page, request }) => {
    await visit(page, "/events");
    await expect(page.getByRole("status").filter({ hasText: "Streaming live" })).toBeVisible();
    // Anything that reloads the page would lose this.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    const text = `ライブ ${uniqueText("kana")} hello`;
    const res = await postWebhook(request, [textEvent(text)]);
    expect(res.status()).toBe(200);

    const row = page.getByRole("article").filter({ hasText: text });
    await expect(row).toBeVisible({ timeout: 2_000 });
    await expect(row.getByText("Message", { exact: true })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  test("relative times of rows arriving over several seconds read in time order", async ({ page, request }) => {
    await visit(page, "/events");
    await expect(page.getByRole("status").filter({ hasText: "Streaming live" })).toBeVisible();
    // Rows that arrive over a few seconds each used to keep their own clock from when they appeared.
    const tag = uniqueText("han");
    for (let i = 0; i < 6; i++) {
      await postWebhook(request, [textEvent(`burst ${i} ${tag}`)]);
      await page.waitForTimeout(1_200);
    }
    const rows = page.getByRole("article").filter({ hasText: tag });
    await expect(rows).toHaveCount(6);
    await page.waitForTimeout(11_000);
    const ages = await rows.locator("time").evaluateAll((els) => els.map((e) => e.textContent ?? ""));
    const seconds = ages.map((a) =>
      a.startsWith("now") ? 0 : Number(/(\d+) second/.exec(a)?.[1] ?? /(\d+) minute/.exec(a)?.[1] ?? NaN) * (a.includes("minute") ? 60 : 1),
    );
    // Newest first: each row is at least as old as the one above it.
    for (let i = 1; i < seconds.length; i++) expect(seconds[i], ages.join(" | ")).toBeGreaterThanOrEqual(seconds[i - 1]!);
    expect(seconds.at(-1), ages.join(" | ")).toBeGreaterThan(0);
  });

  test("holds new events while paused and shows them on resume", async ({ page, request }) => {
    await visit(page, "/events");
    await expect(page.getByRole("status").filter({ hasText: "Streaming live" })).toBeVisible();
    await page.getByRole("button", { name: "Pause" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Paused" })).toBeVisible();

    const text = `paused ${uniqueText("han")}`;
    await postWebhook(request, [textEvent(text)]);
    // Other tests post in parallel, so the count may include their events too.
    const pill = page.getByRole("button", { name: /^\d+ new — resume$/ });
    await expect(pill).toBeVisible();
    await expect(page.getByRole("article").filter({ hasText: text })).toHaveCount(0);

    await pill.click();
    await expect(page.getByRole("article").filter({ hasText: text })).toBeVisible();
    await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  });
});

test.describe("timeline keyboard", () => {
  test("arrow keys move between rows and Enter opens one", async ({ page, request }) => {
    await postWebhook(request, [textEvent(`keys ${uniqueText("han")}`), textEvent(`keys ${uniqueText("thai")}`)]);
    await page.setViewportSize({ width: 1024, height: 800 });
    await visit(page, "/events");
    // Hold live events (other tests post in parallel) so rows keep their places while we move.
    await expect(page.getByRole("status").filter({ hasText: "Streaming live" })).toBeVisible();
    await page.getByRole("button", { name: "Pause" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Paused" })).toBeVisible();
    const rows = page.getByRole("article").getByRole("link");
    await rows.first().focus();
    await page.keyboard.press("ArrowDown");
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press("k");
    await expect(rows.first()).toBeFocused();
    const href = await rows.first().getAttribute("href");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${href}$`));
  });
});
