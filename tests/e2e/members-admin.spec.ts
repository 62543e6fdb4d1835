import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "../../playwright.config";
import { firstChannel } from "./channels";
import { createMember } from "./members";
import { visit } from "./visit";

test.describe("members", () => {
  test("an admin changes a member's role and disables them, confirming each; the audit log shows both", async ({ page, request }) => {
    const member = await createMember(request, "viewer");
    const channel = await firstChannel(request);
    await visit(page, "/settings/members");
    const row = page.locator(`[data-member="${member.email}"]`);
    await expect(row).toContainText(member.name);
    await expect(row).toContainText("Active");

    await row.getByRole("combobox", { name: `Role of ${member.name}` }).selectOption("operator");
    const confirm = page.getByRole("alertdialog");
    // A role other than admin is the channel's: the dialog names it.
    await expect(confirm).toContainText(`Make ${member.name} Operator on ${channel.name}?`);
    await confirm.getByRole("button", { name: "Change role" }).click();
    await expect(confirm).toBeHidden();
    await expect(row.getByRole("combobox", { name: `Role of ${member.name}` })).toHaveValue("operator");

    await row.getByRole("button", { name: "Disable" }).click();
    await expect(confirm).toContainText("signed out everywhere");
    await confirm.getByRole("button", { name: "Disable" }).click();
    await expect(row).toContainText("Disabled");
    // Disabling ended their session at once.
    expect((await member.api.get("/api/me")).status()).toBe(401);

    await row.getByRole("button", { name: "Enable" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Enable" }).click();
    await expect(row).toContainText("Active");

    await visit(page, `/settings/audit`);
    const changed = page.locator('[data-audit-action="member.role_changed"]').filter({ hasText: member.email }).first();
    await expect(changed).toContainText("Role changed");
    await changed.getByRole("button", { name: "Show details" }).click();
    const details = page.getByRole("region", { name: "Details of member.role_changed" }).first();
    await expect(details).toContainText('"from": "viewer"');
    await expect(details).toContainText('"to": "operator"');
    await expect(page.locator('[data-audit-action="member.disabled"]').filter({ hasText: member.email })).toHaveCount(1);
    await member.api.dispose();
  });

  test("an admin takes a member's access to this channel away (No access); console admins show as admins of every channel", async ({ page, request }) => {
    const member = await createMember(request, "operator");
    const channel = await firstChannel(request);
    await visit(page, "/settings/members");
    await expect(page.getByText(`Roles on ${channel.name}.`)).toBeVisible();
    const mine = page.locator(`[data-member="${E2E_ADMIN.email}"]`);
    await expect(mine.getByRole("combobox")).toHaveValue("admin");
    await expect(mine.getByRole("combobox")).toHaveAccessibleDescription("Console admin · every channel");

    const row = page.locator(`[data-member="${member.email}"]`);
    const select = row.getByRole("combobox", { name: `Role of ${member.name}` });
    await expect(select.getByRole("option")).toHaveText(["Viewer", "Operator", "Admin", "No access"]);
    await select.selectOption("none");
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText(`Remove ${member.name}’s access to ${channel.name}?`);
    await expect(confirm).toContainText("Their roles on other channels stay as they are.");
    await confirm.getByRole("button", { name: "Remove access" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText(`${member.name} no longer has access to ${channel.name}`, { exact: true })).toBeVisible();
    await expect(select).toHaveValue("none");
    // Their only channel is gone: the API has none to answer for.
    const refused = await member.api.get("/api/events?limit=1");
    expect(refused.status()).toBe(403);
    expect((await refused.json()).code).toBe("no_channel");

    // Back as a viewer: this channel again.
    await select.selectOption("viewer");
    await expect(confirm).toContainText(`Make ${member.name} Viewer on ${channel.name}?`);
    await confirm.getByRole("button", { name: "Change role" }).click();
    await expect(select).toHaveValue("viewer");
    expect((await member.api.get("/api/events?limit=1")).status()).toBe(200);
    await member.api.dispose();
  });

  test("the audit log filters by actor and date, in the operator's time zone", async ({ page }) => {
    await visit(page, "/settings/audit");
    await expect(page.getByText("Times in Asia/Taipei")).toBeVisible();
    const first = page.locator("[data-audit-action]").first();
    await expect(first).toBeVisible();
    // A day long past: nothing.
    await page.getByLabel("To", { exact: true }).fill("2020-01-31");
    await expect(page.getByText("No entries match these filters")).toBeVisible();
    expect(new URL(page.url()).searchParams.get("to")).toBe("2020-01-31T15:59:59.999Z");
    await page.getByRole("button", { name: "Clear filters" }).first().click();
    await expect(first).toBeVisible();
  });
});
