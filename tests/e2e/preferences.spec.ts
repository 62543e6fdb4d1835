import { expect, test } from "@playwright/test";
import { visit } from "./visit";

test.describe("language, theme and time zone", () => {
  test("switching the language re-renders the console in it and remembers the choice", async ({ page }) => {
    await visit(page, "/events");
    await page.getByRole("button", { name: "Language" }).click();
    await page.getByRole("menuitemradio", { name: "ไทย" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("อีเวนต์");
    await expect(page.locator("html")).toHaveAttribute("lang", "th");

    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("อีเวนต์");
    expect((await page.context().cookies()).find((c) => c.name === "oa_locale")?.value).toBe("th");
  });

  test("stores the browser's time zone so server-rendered times match it", async ({ page }) => {
    await visit(page, "/");
    await expect.poll(async () => (await page.context().cookies()).find((c) => c.name === "oa_tz")?.value).toBe("Asia/Taipei");
  });

  test("the theme menu switches to dark and back", async ({ page }) => {
    await visit(page, "/");
    await page.getByRole("button", { name: "Theme" }).click();
    await page.getByRole("menuitemradio", { name: "Dark" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.getByRole("button", { name: "Theme" }).click();
    await page.getByRole("menuitemradio", { name: "Light" }).click();
    await expect(page.locator("html")).not.toHaveClass(/dark/);
  });
});
