import { expect, test, type Locator } from "@playwright/test";
import { STORAGE_STATE } from "../../playwright.config";
import { browserAs, createMember, SIGNED_OUT } from "./members";
import { visit } from "./visit";

// The error a field points at with aria-describedby (one id; a hint may add another).
async function describedError(field: Locator): Promise<Locator> {
  const ids = ((await field.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter((id) => id.endsWith("-error"));
  expect(ids).toHaveLength(1);
  return field.page().locator(`[id="${ids[0]}"]`);
}

test.describe("forms", () => {
  test("inviting with an invalid email focuses the email field and ties the error to it", async ({ page }) => {
    await visit(page, "/settings/members");
    await page.getByRole("button", { name: "Invite member" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite a member" });
    const email = dialog.getByLabel("Email address");
    await email.fill("not-an-email");
    // Focus elsewhere first: the focus must come back to the field because the submit failed.
    await dialog.getByRole("radio", { name: /Viewer/ }).focus();
    await dialog.getByRole("button", { name: "Create invitation" }).click();

    await expect(email).toBeFocused();
    await expect(email).toHaveAttribute("aria-invalid", "true");
    const error = await describedError(email);
    await expect(error).toHaveText("Enter an email address, such as name@example.com.");
    await expect(error).toHaveRole("alert");
    // Fixed as typed (checked again on change once submitted): the error goes.
    await email.fill("someone@example.com");
    await expect(email).not.toHaveAttribute("aria-invalid");
    await expect(dialog.getByRole("alert")).toHaveCount(0);
  });

  test("in Japanese the invite form's error is Japanese", async ({ browser, request, baseURL }) => {
    const admin = await createMember(request, "admin");
    const ctx = await browserAs(browser, admin, baseURL);
    await ctx.addCookies([{ name: "oa_locale", value: "ja", url: baseURL! }]);
    const page = await ctx.newPage();
    await visit(page, "/settings/members");
    await page.getByRole("button", { name: "メンバーを招待" }).click();
    const dialog = page.getByRole("dialog", { name: "メンバーを招待" });
    const email = dialog.getByLabel("メールアドレス");
    await email.fill("not-an-email");
    await dialog.getByRole("button", { name: "招待を作成" }).click();

    await expect(email).toBeFocused();
    await expect(await describedError(email)).toHaveText("name@example.com のようなメールアドレスを入力してください。");
    await ctx.close();
  });

  test("creating an API key with an empty name focuses the name field", async ({ page }) => {
    await visit(page, "/settings/api-keys");
    await page.getByRole("button", { name: "Create API key" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Create an API key" });
    const name = dialog.getByLabel("Name");
    await name.fill("   ");
    await dialog.getByRole("radio", { name: /Operator/ }).check();
    await dialog.getByRole("button", { name: "Create key" }).click();

    await expect(name).toBeFocused();
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(await describedError(name)).toHaveText("This is required.");
    // Nothing was created: the dialog still asks for a name.
    await expect(dialog.getByTestId("api-key-secret")).toHaveCount(0);
  });

  test("a segment saved without a name focuses the name, and its conditions' words are ours, not zod's", async ({ page }) => {
    await visit(page, "/segments/new");
    await page.getByRole("button", { name: "Create segment" }).click();
    const name = page.getByLabel("Name", { exact: true });
    await expect(name).toBeFocused();
    await expect(await describedError(name)).toHaveText("This is required.");

    // No status ticked: the conditions say so in the catalogue's words once a save was tried.
    await name.fill("nameless no more");
    await page.getByRole("checkbox", { name: "Friend", exact: true }).uncheck();
    await page.getByRole("button", { name: "Create segment" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Choose at least one status." })).toBeVisible();
    await expect(page).toHaveURL(/\/segments\/new$/);
  });

  test("a relay destination's timeout out of range focuses the timeout, in seconds as the form asks", async ({ page }) => {
    await visit(page, "/settings/relay");
    await page.getByRole("button", { name: "Add a destination" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Add a destination" });
    await dialog.getByLabel("Name").fill("too patient");
    await dialog.getByLabel("Webhook URL").fill("https://example.com/hook");
    const timeout = dialog.getByLabel("Timeout");
    await timeout.fill("45");
    await dialog.getByRole("button", { name: "Add destination" }).click();

    await expect(timeout).toBeFocused();
    await expect(await describedError(timeout)).toHaveText("Use a number of seconds from 1 to 30.");
    await expect(dialog).toBeVisible();
  });

  test.describe("signed out", () => {
    test.use({ storageState: SIGNED_OUT });

    test("a wrong password is announced, in the operator's language, and nothing is matched on English", async ({ page, playwright, baseURL }) => {
      // A member of its own (made by the admin): failures count towards the throttle of the address they name.
      const admin = await playwright.request.newContext({ baseURL, storageState: STORAGE_STATE });
      const member = await createMember(admin, "viewer");
      await admin.dispose();
      await visit(page, "/sign-in");
      await page.getByLabel("Email").fill(member.email);
      await page.getByLabel("Password").fill(`${member.password}-wrong`);
      await page.getByRole("button", { name: "Sign in" }).click();
      // Filtered: Next's route announcer is an alert too.
      await expect(page.getByRole("alert").filter({ hasText: "That email and password do not match an account." })).toBeVisible();
      await expect(page).toHaveURL(/\/sign-in/);
    });

    test("signing in with empty fields names them and focuses the first", async ({ page }) => {
      await visit(page, "/sign-in");
      await page.getByRole("button", { name: "Sign in" }).click();
      const email = page.getByLabel("Email");
      await expect(email).toBeFocused();
      await expect(await describedError(email)).toHaveText("Enter an email address, such as name@example.com.");
      await expect(await describedError(page.getByLabel("Password"))).toHaveText("This is required.");
    });
  });
});
