import { expect, test } from "@playwright/test";
import { browserAs, createMember, pushBody, SIGNED_OUT } from "./members";
import { visit } from "./visit";

test.describe("invitations", () => {
  test("an admin invites by email and role; the invitee sees who it is for, joins and is signed in; the link is then spent", async ({
    page,
    browser,
    baseURL,
  }) => {
    const email = `ops-${Date.now()}@example.com`;
    await visit(page, "/settings/members");
    await page.getByRole("button", { name: "Invite member" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite a member" });
    await dialog.getByLabel("Email address").fill(email);
    await dialog.getByRole("radio", { name: /Operator/ }).check();
    await dialog.getByRole("button", { name: "Create invitation" }).click();

    // The link is shown once, with its expiry and a copy button.
    const link = await dialog.getByTestId("invitation-link").inputValue();
    expect(link).toMatch(new RegExp(`^${baseURL}/invite/[A-Za-z0-9_-]{40,}$`));
    await expect(dialog).toContainText(email);
    await expect(dialog.getByRole("button", { name: "Copy" })).toBeVisible();
    await expect(dialog).toContainText("shown only once");
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(page.locator(`[data-invitation="${email}"]`)).toContainText("Pending");

    // The invitee, in their own browser: the page says who the invitation is for.
    const invitee = await browser.newContext({ baseURL, storageState: SIGNED_OUT, locale: "en-US", timezoneId: "Asia/Taipei" });
    const p = await invitee.newPage();
    await visit(p, new URL(link).pathname);
    await expect(p.getByTestId("invitation-email")).toHaveText(email);
    await expect(p.getByText("Operator", { exact: true })).toBeVisible();
    await p.getByLabel("Your name").fill("Ops Person");
    await p.getByLabel("Password", { exact: true }).fill("harbour-lights-2026");
    await p.getByLabel("Confirm password", { exact: true }).fill("harbour-lights-2026");
    await p.getByRole("button", { name: "Create account and sign in" }).click();
    await expect(p).toHaveURL(/\/channels\/default$/);
    await expect(p.getByRole("button", { name: "Account menu for Ops Person" })).toBeVisible();
    expect(await (await p.request.get("/api/me")).json()).toMatchObject({ email, role: "operator", name: "Ops Person" });
    await invitee.close();

    // The invitation now reads accepted, and the link is spent.
    await page.reload();
    await expect(page.locator(`[data-invitation="${email}"]`)).toContainText("Accepted");
    const again = await browser.newContext({ baseURL, storageState: SIGNED_OUT });
    const p2 = await again.newPage();
    await p2.goto(new URL(link).pathname);
    await expect(p2.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();
    await again.close();
  });

  test("an operator reaches events and may send, but members are hidden and refused; the send is audited as theirs", async ({ browser, baseURL, request }) => {
    const operator = await createMember(request, "operator", { name: "Ops Two" });
    const ctx = await browserAs(browser, operator, baseURL);
    const p = await ctx.newPage();
    await visit(p, "/events");
    await expect(p.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
    const nav = p.getByRole("complementary", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "Messages" })).toBeVisible();
    const push = await p.request.post("/api/messages/push", { data: pushBody("from the operator") });
    expect(push.status(), await push.text()).toBe(202);
    const sendId = (await push.json()).id as string;

    await visit(p, "/settings");
    await expect(p).toHaveURL(/\/settings\/account$/);
    const tabs = p.getByRole("navigation", { name: "Settings pages" });
    await expect(tabs.getByRole("link")).toHaveText(["Relay", "Account", "Sessions"]);
    const direct = await p.goto("/settings/members");
    expect(direct?.status()).toBe(403);
    await expect(p.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    expect((await p.request.get("/api/members")).status()).toBe(403);
    expect((await p.request.post("/api/invitations", { data: { email: "x@example.com", role: "admin" } })).status()).toBe(403);
    await ctx.close();
    await operator.api.dispose();

    await expect
      .poll(async () => {
        const { items } = await (await request.get("/api/audit?action=message.sent&limit=200")).json();
        return items.find((e: { target: string }) => e.target === sendId)?.actorLabel;
      })
      .toBe(`Ops Two <${operator.email}>`);
  });

  test("a bad invitation link reveals nothing but that it is not valid", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT });
    for (const token of ["x", "A".repeat(43), "../../etc/passwd"]) {
      const res = await api.get(`/api/invitations/lookup?token=${encodeURIComponent(token)}`);
      expect(res.status()).toBe(404);
      expect(Object.keys(await res.json()).sort()).toEqual(["code", "message"]);
    }
    expect((await api.get("/api/invitations/lookup")).status()).toBe(404);
    await api.dispose();
  });

  test("an admin revokes a pending invitation, and its link stops working", async ({ page, request, browser, baseURL }) => {
    const email = `revoke-${Date.now()}@example.com`;
    const { link } = await (await request.post("/api/invitations", { data: { email, role: "viewer" } })).json();
    await visit(page, "/settings/members");
    const row = page.locator(`[data-invitation="${email}"]`);
    await row.getByRole("button", { name: "Revoke" }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText(email);
    await confirm.getByRole("button", { name: "Revoke" }).click();
    await expect(row).toContainText("Revoked");
    await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);

    const ctx = await browser.newContext({ baseURL, storageState: SIGNED_OUT });
    const p = await ctx.newPage();
    await p.goto(new URL(link).pathname);
    await expect(p.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();
    await ctx.close();
  });
});
