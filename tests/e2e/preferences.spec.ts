import { expect, test } from "@playwright/test";
import { browserAs, createMember, SIGNED_OUT } from "./members";
import { visit } from "./visit";

test.describe("language, theme and time zone", () => {
  // The language is saved on the account, so this uses a member of its own: the shared admin's
  // language would change under every test running beside it.
  test("switching the language re-renders the console in it and remembers the choice", async ({ request, browser, baseURL }) => {
    const member = await createMember(request, "viewer");
    const ctx = await browserAs(browser, member, baseURL);
    const page = await ctx.newPage();
    await visit(page, "/events");
    await page.getByRole("button", { name: `Account menu for ${member.name}` }).click();
    await page.getByRole("menuitemradio", { name: "ไทย" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("อีเวนต์");
    await expect(page.locator("html")).toHaveAttribute("lang", "th");

    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("อีเวนต์");
    expect((await ctx.cookies()).find((c) => c.name === "oa_locale")?.value).toBe("th");
    await ctx.close();
    await member.api.dispose();
  });

  test("the sign-in page has its own language switch, for people not signed in yet", async ({ browser, baseURL }) => {
    const ctx = await browser.newContext({ baseURL, storageState: SIGNED_OUT, locale: "en-US" });
    const page = await ctx.newPage();
    await visit(page, "/sign-in");
    await page.getByRole("button", { name: "Language" }).click();
    await page.getByRole("menuitemradio", { name: "繁體中文" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("登入");
    await ctx.close();
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
