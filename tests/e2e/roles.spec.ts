import { expect, test } from "@playwright/test";
import { browserAs, createMember, pushBody } from "./members";
import { visit } from "./visit";

test.describe("roles", () => {
  test("a viewer sees no way to send or manage, and the API refuses them", async ({ request, browser, baseURL }) => {
    const viewer = await createMember(request, "viewer");
    const ctx = await browserAs(browser, viewer, baseURL);
    const page = await ctx.newPage();
    await visit(page, "/events");

    const nav = page.getByRole("complementary", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "Events" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Settings" })).toBeVisible();
    // Viewers may read the send history, not compose.
    await expect(nav.getByRole("link", { name: "Messages" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "New message" })).toHaveCount(0);

    await page.keyboard.press("Control+k");
    const palette = page.getByRole("combobox", { name: "Command palette" });
    const results = page.getByRole("listbox", { name: "Command palette" });
    await palette.fill("invite");
    await expect(results.getByRole("option", { name: "Invite a member" })).toHaveCount(0);
    await palette.fill("members");
    await expect(results.getByRole("option", { name: "Settings: Members" })).toHaveCount(0);
    await palette.fill("sessions");
    await expect(results.getByRole("option", { name: "Settings: Sessions" })).toBeVisible();
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: `Account menu for ${viewer.name}` }).click();
    await expect(page.getByRole("menu")).toContainText("Viewer");

    const push = await viewer.api.post("/api/messages/push", { data: pushBody() });
    expect(push.status()).toBe(403);
    expect((await push.json()).code).toBe("forbidden");
    expect((await viewer.api.get("/api/events?limit=1")).status()).toBe(200);
    expect((await viewer.api.get("/api/audit")).status()).toBe(403);
    expect((await viewer.api.post("/api/api-keys", { data: { name: "mine", role: "admin" } })).status()).toBe(403);

    await ctx.close();
    await viewer.api.dispose();
  });

  test("an admin sees every settings page and the admin shortcuts", async ({ page }) => {
    await visit(page, "/settings");
    const tabs = page.getByRole("navigation", { name: "Settings pages" });
    await expect(tabs.getByRole("link")).toHaveText(["Channel", "Relay", "Channels", "Members", "API keys", "Audit log", "Account", "Sessions"]);
    await page.keyboard.press("Control+k");
    await page.getByRole("combobox", { name: "Command palette" }).fill("invite");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/settings\/members\?invite=1$/);
    await expect(page.getByRole("dialog", { name: "Invite a member" })).toBeVisible();
  });
});
