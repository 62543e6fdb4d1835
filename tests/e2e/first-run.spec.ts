import { expect, test } from "@playwright/test";
import { visit } from "./visit";

// Runs against a second console with an empty database (the "first-run" project): the first visitor
// creates the admin. One test, in order, because there is only one first run.
test.describe("first run", () => {
  test("the first visitor creates the admin, is signed in, and the set-up screen is gone for good", async ({ page, request }) => {
    expect(await (await request.get("/api/setup")).json()).toEqual({ needsSetup: true });

    await page.goto("/events");
    await expect(page).toHaveURL(/\/setup$/);
    await page.locator("html[data-ready]").waitFor({ state: "attached" });
    await expect(page.getByRole("heading", { name: "Set up OA Console" })).toBeVisible();

    await page.getByLabel("Your name").fill("Mei Lin");
    await page.getByLabel("Email").fill("mei@example.com");
    const password = page.getByLabel("Password", { exact: true });
    await password.fill("aaaaaaaaaaaaaaaa");
    await page.getByLabel("Confirm password", { exact: true }).fill("something else");
    await page.getByRole("button", { name: "Create admin account" }).click();
    await expect(page.getByText("Too repetitive: use at least 5 different characters.")).toBeVisible();
    await expect(page.getByText("The two passwords do not match.")).toBeVisible();
    await expect(password).toHaveAttribute("aria-invalid", "true");

    // The strength hint follows what is typed.
    await password.fill("sunflowerbed");
    await expect(page.getByText("Fair", { exact: true }).or(page.getByText("Weak", { exact: true }))).toBeVisible();
    await password.fill("night-market-lanterns-88");
    await expect(page.getByText("Very strong", { exact: true })).toBeVisible();
    await page.getByLabel("Confirm password", { exact: true }).fill("night-market-lanterns-88");
    await page.getByRole("button", { name: "Create admin account" }).click();

    // Home is the first channel's overview.
    await expect(page).toHaveURL(/\/channels\/default$/);
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await page.getByRole("button", { name: "Account menu for Mei Lin" }).click();
    await expect(page.getByRole("menu")).toContainText("Admin");
    await page.keyboard.press("Escape");

    // Set-up is closed: the API refuses, the page sends people to sign in.
    expect(await (await request.get("/api/setup")).json()).toEqual({ needsSetup: false });
    const second = await request.post("/api/setup", { data: { name: "Mallory", email: "mallory@example.com", password: "another-long-password" } });
    expect(second.status()).toBe(409);
    const fresh = await page
      .context()
      .browser()!
      .newContext({ baseURL: new URL(page.url()).origin });
    const visitor = await fresh.newPage();
    await visitor.goto("/setup");
    await expect(visitor).toHaveURL(/\/sign-in$/);
    await fresh.close();

    // The only admin cannot stop being one: the server refuses, and the console says why.
    await visit(page, "/settings/members");
    await page.getByRole("combobox", { name: "Role of Mei Lin" }).selectOption("viewer");
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText("You will lose access to the admin settings at once.");
    await confirm.getByRole("button", { name: "Change role" }).click();
    await expect(confirm.getByRole("alert")).toHaveText("This is the only active admin. Make someone else admin first.");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("combobox", { name: "Role of Mei Lin" })).toHaveValue("admin");

    // The audit log starts with the set-up.
    await visit(page, "/settings/audit");
    await expect(page.locator('[data-audit-action="setup.admin_created"]')).toContainText("mei@example.com");
  });
});
