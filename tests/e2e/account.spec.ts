import { expect, test } from "@playwright/test";
import { browserAs, createMember, SIGNED_OUT } from "./members";
import { visit } from "./visit";

test.describe("account", () => {
  test("the user menu shows who is signed in; the language chosen there follows the member to another device", async ({ request, browser, baseURL }) => {
    const member = await createMember(request, "operator", { name: "Somchai Jaidee" });
    const ctx = await browserAs(browser, member, baseURL);
    const page = await ctx.newPage();
    await visit(page, "/events");
    await page.getByRole("button", { name: "Account menu for Somchai Jaidee" }).click();
    const menu = page.getByRole("menu", { name: "Account" });
    await expect(menu).toContainText("Somchai Jaidee");
    await expect(menu).toContainText(member.email);
    await expect(menu).toContainText("Operator");
    await menu.getByRole("menuitemradio", { name: "日本語" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("イベント");
    expect((await ctx.cookies()).find((c) => c.name === "oa_locale")?.value).toBe("ja");

    // Another device: the same session, no language cookie, a Thai browser. The account's choice wins.
    const other = await browser.newContext({
      baseURL,
      locale: "th-TH",
      storageState: { cookies: (await ctx.cookies()).filter((c) => c.name !== "oa_locale"), origins: [] },
    });
    const p2 = await other.newPage();
    await visit(p2, "/events");
    await expect(p2.getByRole("heading", { level: 1 })).toHaveText("イベント");
    await expect(p2.locator("html")).toHaveAttribute("lang", "ja");
    await other.close();
    await ctx.close();
    await member.api.dispose();
  });

  test("a saved time zone wins over the browser's", async ({ request, browser, baseURL }) => {
    const member = await createMember(request, "viewer");
    const ctx = await browserAs(browser, member, baseURL);
    const page = await ctx.newPage();
    await visit(page, "/settings/account");
    await expect(page.getByLabel("Time zone")).toHaveValue("");
    await expect(page.getByText(/Times appear like this: .* GMT\+8/)).toBeVisible();
    await page.getByLabel("Time zone").selectOption("Asia/Bangkok");
    await expect(page.getByText(/Times appear like this: .* GMT\+7/)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Bangkok");
    await expect(page.getByText(/Times appear like this: .* GMT\+7/)).toBeVisible();
    await ctx.close();
    await member.api.dispose();
  });

  test("sign out ends the session on the server and returns to sign-in", async ({ request, browser, baseURL }) => {
    const member = await createMember(request, "viewer");
    const ctx = await browserAs(browser, member, baseURL);
    const page = await ctx.newPage();
    await visit(page, "/");
    const cookie = (await ctx.cookies()).find((c) => c.name.endsWith("oa.session"))!;
    await page.getByRole("button", { name: `Account menu for ${member.name}` }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);

    // The old cookie, replayed, is worth nothing: the session is gone from the server.
    const replay = await browser.newContext({ baseURL, storageState: { cookies: [cookie], origins: [] } });
    expect((await replay.request.get("/api/me")).status()).toBe(401);
    await replay.close();
    await ctx.close();
    await member.api.dispose();
  });

  test("sessions lists each device, marks this one, and ends another", async ({ request, browser, baseURL, playwright }) => {
    const member = await createMember(request, "operator");
    // A second device: signing in again through the API, as a phone would.
    const phone = await playwright.request.newContext({
      baseURL,
      storageState: SIGNED_OUT,
      userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    });
    expect((await phone.post("/api/auth/sign-in/email", { data: { email: member.email, password: member.password } })).status()).toBe(200);
    expect((await phone.get("/api/me")).status()).toBe(200);

    const ctx = await browserAs(browser, member, baseURL);
    const page = await ctx.newPage();
    await visit(page, "/settings/sessions");
    // The browser uses the session accepting the invitation started; the phone has its own.
    const rows = page.locator("[data-session]");
    await expect(rows).toHaveCount(2);
    await expect(page.locator("[data-current]")).toHaveCount(1);
    const iphone = rows.filter({ hasText: "Safari on iOS" });
    await expect(iphone).toBeVisible();
    await iphone.getByRole("button", { name: "Sign out" }).click();
    await expect(rows).toHaveCount(1);
    expect((await phone.get("/api/me")).status()).toBe(401);
    // This device is still signed in.
    expect((await page.request.get("/api/me")).status()).toBe(200);
    await phone.dispose();
    await ctx.close();
    await member.api.dispose();
  });
});
