import { expect, test } from "@playwright/test";
import { addSecondChannel, firstChannel } from "./channels";
import { pushBody, SIGNED_OUT } from "./members";
import { visit } from "./visit";

test.describe("API keys", () => {
  test("a key created in settings works as Bearer with its role, and stops working once revoked", async ({ page, playwright, baseURL }) => {
    const name = `Order system ${Date.now()}`;
    await visit(page, "/settings/api-keys");
    await expect(page.getByText("Authorization", { exact: true }).first()).toBeVisible();
    await page.getByRole("button", { name: "Create API key" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Create an API key" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("radio", { name: /Operator/ }).check();
    await dialog.getByRole("button", { name: "Create key" }).click();
    const key = await dialog.getByTestId("api-key-secret").inputValue();
    expect(key).toMatch(/^oak_[0-9A-Za-z]{32}$/);
    await expect(dialog).toContainText("shown only once");
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(dialog).toBeHidden();

    // Listed by prefix only; the key itself is nowhere on the page any more.
    const row = page.locator(`[data-api-key="${name}"]`);
    await expect(row).toContainText(key.slice(0, 10));
    await expect(row).toContainText("Operator");
    expect(await page.content()).not.toContain(key);

    // No cookies: only the key speaks.
    const api = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
    expect((await api.get("/api/events?limit=1")).status()).toBe(200);
    expect((await api.post("/api/messages/push", { data: pushBody("sent with a key") })).status()).toBe(202);
    expect((await api.get("/api/members")).status()).toBe(403);
    await page.reload();
    await expect(row).not.toContainText("Never");

    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText("cannot be undone");
    await confirm.getByRole("button", { name: "Revoke" }).click();
    await expect(row).toContainText("Revoked");

    const refused = await api.get("/api/events?limit=1");
    expect(refused.status()).toBe(401);
    expect((await refused.json()).code).toBe("unauthenticated");
    await api.dispose();
  });

  test("a monitoring system's key (metrics role) reads /api/metrics and nothing of the account", async ({ page, playwright, baseURL }) => {
    const name = `Prometheus ${Date.now()}`;
    await visit(page, "/settings/api-keys");
    await page.getByRole("button", { name: "Create API key" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Create an API key" });
    await dialog.getByLabel("Name").fill(name);
    // Members get three roles; a key has a fourth, saying what it is for.
    await expect(dialog.getByRole("radio")).toHaveCount(4);
    await expect(dialog).toContainText("reads /api/metrics (Prometheus) and nothing else");
    await dialog.getByRole("radio", { name: /Metrics/ }).check();
    await dialog.getByRole("button", { name: "Create key" }).click();
    const key = await dialog.getByTestId("api-key-secret").inputValue();
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(page.locator(`[data-api-key="${name}"]`)).toContainText("Metrics");

    const api = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
    const scraped = await api.get("/api/metrics");
    expect(scraped.status()).toBe(200);
    expect(scraped.headers()["content-type"]).toContain("text/plain");
    expect(await scraped.text()).toContain("# TYPE oa_webhook_deliveries_total counter");
    expect((await api.get("/api/events?limit=1")).status()).toBe(403);
    expect((await api.get("/api/overview")).status()).toBe(403);
    await api.dispose();
  });

  test("a key is made for the channels ticked (the page's channel to begin with) and works on those", async ({ page, playwright, baseURL, request }) => {
    const second = await addSecondChannel(request);
    const first = await firstChannel(request);
    const name = `Two shops ${Date.now()}`;
    await visit(page, `/channels/${first.key}/settings/api-keys`);
    await page.getByRole("button", { name: "Create API key" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Create an API key" });
    await dialog.getByLabel("Name").fill(name);
    const channels = dialog.getByRole("group", { name: "Channels" });
    const firstBox = channels.locator(`[data-channel="${first.key}"]`).getByRole("checkbox");
    const secondBox = channels.locator(`[data-channel="${second.key}"]`).getByRole("checkbox");
    await expect(firstBox).toBeChecked();
    await expect(secondBox).not.toBeChecked();

    // Nothing ticked: said at the list, and nothing is created.
    await firstBox.uncheck();
    await dialog.getByRole("button", { name: "Create key" }).click();
    await expect(channels).toHaveAccessibleDescription(/Choose at least one channel\./);
    await expect(firstBox).toBeFocused();

    await firstBox.check();
    await secondBox.check();
    await dialog.getByRole("button", { name: "Create key" }).click();
    const key = await dialog.getByTestId("api-key-secret").inputValue();
    await dialog.getByRole("button", { name: "Done" }).click();
    const row = page.locator(`[data-api-key="${name}"]`);
    await expect(row.getByTestId("api-key-channels").getByRole("listitem")).toHaveText([first.name, second.name]);

    const api = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
    expect((await api.get("/api/events?limit=1", { headers: { "x-oa-channel": first.key } })).status()).toBe(200);
    expect((await api.get("/api/events?limit=1", { headers: { "x-oa-channel": second.key } })).status()).toBe(200);
    await api.dispose();
  });

  test("a key made on another channel's page, as it comes, is that channel's alone", async ({ page, playwright, baseURL, request }) => {
    const second = await addSecondChannel(request);
    const first = await firstChannel(request);
    const name = `Harbour only ${Date.now()}`;
    await visit(page, `/channels/${second.key}/settings/api-keys`);
    await page.getByRole("button", { name: "Create API key" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Create an API key" });
    const channels = dialog.getByRole("group", { name: "Channels" });
    const firstBox = channels.locator(`[data-channel="${first.key}"]`).getByRole("checkbox");
    const secondBox = channels.locator(`[data-channel="${second.key}"]`).getByRole("checkbox");
    await dialog.getByLabel("Name").fill(name);
    await expect(secondBox).toBeChecked();
    await expect(firstBox).not.toBeChecked();
    await dialog.getByRole("button", { name: "Create key" }).click();
    const keyB = await dialog.getByTestId("api-key-secret").inputValue();
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(page.locator(`[data-api-key="${name}"]`).getByTestId("api-key-channels")).toHaveText(second.name);
    const apiB = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT, extraHTTPHeaders: { authorization: `Bearer ${keyB}` } });
    expect((await apiB.get("/api/events?limit=1", { headers: { "x-oa-channel": second.key } })).status()).toBe(200);
    expect((await apiB.get("/api/events?limit=1", { headers: { "x-oa-channel": first.key } })).status()).toBe(404);
    await apiB.dispose();
  });
});
