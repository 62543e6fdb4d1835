import { expect, request as playwrightRequest, test, type Browser, type Page } from "@playwright/test";
import { base32Decode, totpCode } from "../helpers/totp";
import { browserAs, createMember, SIGNED_OUT } from "./members";
import { visit } from "./visit";

// A member's own sign-in, as they use it in the browser: changing the password, two-factor sign-in with
// an authenticator app (the codes made here from the key the page shows, as an app would) and a recovery
// code, and an admin's one-time reset link.

test.describe("account security", () => {
  // Each test signs in two to four times in fresh browser contexts, through the sign-in throttle: on a busy
  // machine (CI at load 15) that takes 30–60 s, more than one page's budget.
  test.describe.configure({ timeout: 90_000 });
  test("changing your password signs your other devices out and keeps this one", async ({ request, browser, baseURL }) => {
    const member = await createMember(request, "operator");
    // Another device, signed in on its own.
    const laptop = await playwrightRequest.newContext({ baseURL, storageState: SIGNED_OUT });
    expect((await laptop.post("/api/auth/sign-in/email", { data: { email: member.email, password: member.password } })).status()).toBe(200);
    const ctx = await browserAs(browser, member, baseURL);
    const page = await ctx.newPage();
    await visit(page, "/settings/account");
    const form = page.getByRole("form", { name: "Password" });
    await form.getByLabel("Current password").fill("not-my-password-1");
    await form.getByLabel("New password").fill("a-brand-new-passphrase-7");
    await form.getByLabel("Confirm password").fill("a-brand-new-passphrase-7");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText("That is not your current password.")).toBeVisible();
    await expect(form.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

    await form.getByLabel("Current password").fill(member.password);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Password changed", { exact: true })).toBeVisible();
    await expect(page.getByText("You were signed out on 1 other device.", { exact: true })).toBeVisible();
    expect((await laptop.get("/api/me")).status()).toBe(401);
    // This browser (it shares the session member.api started when the member joined) stays signed in.
    expect((await member.api.get("/api/me")).status()).toBe(200);
    await visit(page, "/settings/sessions");
    await expect(page.locator("[data-session]")).toHaveCount(1);
    await laptop.dispose();

    const fresh = await signInPage(browser, baseURL!);
    await signInWithPassword(fresh, member.email, "a-brand-new-passphrase-7");
    await expect(fresh).toHaveURL(/\/channels\/default$/);
    await fresh.context().close();
    await ctx.close();
    await member.api.dispose();
  });

  test("two-factor sign-in: turned on with the app, then asked for at sign-in; a recovery code works once", async ({ request, browser, baseURL }) => {
    const member = await createMember(request, "viewer");
    const ctx = await browserAs(browser, member, baseURL);
    const page = await ctx.newPage();
    await visit(page, "/settings/account");
    await expect(page.getByTestId("two-factor-state")).toHaveText("Off");
    await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    const dialog = page.getByRole("dialog", { name: "Turn on two-factor sign-in" });
    await dialog.getByLabel("Your password").fill(member.password);
    await dialog.getByRole("button", { name: "Continue" }).click();
    await expect(dialog.getByRole("img", { name: "QR code to add OA Console to your authenticator app" })).toBeVisible();
    const secret = base32Decode((await dialog.getByTestId("two-factor-secret").innerText()).replace(/\s+/g, ""));
    const code = dialog.getByLabel("Type the 6-digit code the app now shows");
    await expect(code).toHaveAttribute("autocomplete", "one-time-code");
    await expect(code).toHaveAttribute("inputmode", "numeric");
    await code.fill(totpCode(secret));
    await dialog.getByRole("button", { name: "Confirm and turn on" }).click();
    const list = dialog.getByRole("list", { name: "Recovery codes" });
    await expect(list.getByRole("listitem")).toHaveCount(10);
    const recoveryCodes = (await list.getByRole("listitem").allInnerTexts()).map((c) => c.trim());
    await expect(dialog.getByRole("button", { name: "Done" })).toBeDisabled();
    await dialog.getByLabel("I have saved my recovery codes").check();
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(page.getByTestId("two-factor-state")).toHaveText("On");
    await expect(page.getByText("You have 10 recovery codes left.")).toBeVisible();

    // Sign in again: the password, then the code, typed from the keyboard alone.
    const phone = await signInPage(browser, baseURL!);
    await signInWithPassword(phone, member.email, member.password);
    await expect(phone.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
    const field = phone.getByLabel("Code from your app");
    await expect(field).toBeFocused();
    await expect(field).toHaveAttribute("autocomplete", "one-time-code");
    await expect(field).toHaveAttribute("inputmode", "numeric");
    await phone.keyboard.type("000000" === totpCode(secret) ? "111111" : "000000");
    await phone.keyboard.press("Enter");
    await expect(phone.locator("#code-step-error")).toHaveText("That code is not right. Type the code your app shows now.");
    await expect(field).toBeFocused();
    await phone.keyboard.type(totpCode(secret));
    await phone.keyboard.press("Enter");
    await expect(phone).toHaveURL(/\/channels\/default$/);
    await phone.context().close();

    // No phone at hand: a recovery code, once.
    const laptop = await signInPage(browser, baseURL!);
    await signInWithPassword(laptop, member.email, member.password);
    await laptop.getByRole("button", { name: "Use a recovery code instead" }).click();
    const recovery = laptop.getByLabel("Recovery code");
    await expect(recovery).toBeFocused();
    await recovery.fill(recoveryCodes[0]!);
    await laptop.getByRole("button", { name: "Verify and sign in" }).click();
    await expect(laptop).toHaveURL(/\/channels\/default$/);
    await laptop.context().close();

    const again = await signInPage(browser, baseURL!);
    await signInWithPassword(again, member.email, member.password);
    await again.getByRole("button", { name: "Use a recovery code instead" }).click();
    await again.getByLabel("Recovery code").fill(recoveryCodes[0]!);
    await again.getByRole("button", { name: "Verify and sign in" }).click();
    await expect(again.locator("#code-step-error")).toHaveText("That recovery code is not right, or it has been used already.");
    await expect(again).toHaveURL(/\/sign-in/);
    await again.context().close();

    await visit(page, "/settings/account");
    await expect(page.getByText("You have 9 recovery codes left.")).toBeVisible();
    await ctx.close();
    await member.api.dispose();
  });

  test("an admin's reset link sets a new password once and signs the member out everywhere", async ({ page, request, browser, baseURL }) => {
    const member = await createMember(request, "operator");
    await visit(page, "/settings/members");
    const row = page.locator(`tr[data-member="${member.email}"]`);
    await row.getByRole("button", { name: `Reset password of ${member.name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Reset password of ${member.name}` });
    await dialog.getByRole("button", { name: "Create link" }).click();
    const link = await dialog.getByTestId("reset-link").inputValue();
    expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{40,}$/);
    await dialog.getByRole("button", { name: "Done" }).click();

    const visitor = await signedOutPage(browser, baseURL!);
    await visitor.goto(link);
    await expect(visitor.getByTestId("reset-email")).toHaveText(member.email);
    await visitor.getByLabel("New password", { exact: true }).fill("short");
    await visitor.getByLabel("Confirm password").fill("short");
    await visitor.getByRole("button", { name: "Save the new password" }).click();
    await expect(visitor.getByText("Use at least 12 characters.")).toBeVisible();
    await visitor.getByLabel("New password", { exact: true }).fill("lanterns-over-the-river-3");
    await visitor.getByLabel("Confirm password").fill("lanterns-over-the-river-3");
    await visitor.getByRole("button", { name: "Save the new password" }).click();
    await expect(visitor).toHaveURL(/\/sign-in\?reset=1$/);
    await expect(visitor.getByRole("status").filter({ hasText: "Your password is changed" })).toHaveText("Your password is changed. Sign in with the new one.");
    expect((await member.api.get("/api/me")).status()).toBe(401);
    await signInWithPassword(visitor, member.email, "lanterns-over-the-river-3");
    await expect(visitor).toHaveURL(/\/channels\/default$/);

    const late = await signedOutPage(browser, baseURL!);
    await late.goto(link);
    await expect(late.getByRole("heading", { name: "This password reset link is not valid" })).toBeVisible();
    await late.context().close();
    await visitor.context().close();

    await visit(page, "/settings/audit?action=member.password_reset");
    await expect(page.locator('[data-audit-action="member.password_reset"]', { hasText: member.email })).toBeVisible();
    await member.api.dispose();
  });
});

async function signedOutPage(browser: Browser, baseURL: string): Promise<Page> {
  const ctx = await browser.newContext({ baseURL, storageState: SIGNED_OUT, locale: "en-US", timezoneId: "Asia/Taipei" });
  return ctx.newPage();
}

async function signInPage(browser: Browser, baseURL: string): Promise<Page> {
  const page = await signedOutPage(browser, baseURL);
  await visit(page, "/sign-in");
  return page;
}

async function signInWithPassword(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
