import { expect, test } from "@playwright/test";
import { postWebhook, textEvent, uniqueText } from "./webhook";
import { visit } from "./visit";

test.describe("deliveries", () => {
  test("shows a delivery refused for a bad signature, with the reason", async ({ page, request }) => {
    const text = `forged ${uniqueText("kana")}`;
    const res = await postWebhook(request, [textEvent(text)], { signature: Buffer.from("not the right signature").toString("base64") });
    expect(res.status()).toBe(401);

    await visit(page, "/deliveries");
    await page.getByRole("radio", { name: "Rejected" }).click();
    await expect(page).toHaveURL(/view=rejected/);
    const row = page.getByRole("row").filter({ hasText: "Signature does not match" }).first();
    await expect(row).toBeVisible();
    await expect(row).toContainText("401");
    await expect(row).toContainText("Invalid");

    await row.click();
    await expect(page.getByRole("heading", { name: "Delivery" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Refused because" })).toContainText("Signature does not match");
    await expect(page.getByRole("region", { name: "Raw body" })).toContainText(text);
    await expect(page.getByText("Refused deliveries store no events.")).toBeVisible();
  });

  test("acknowledges LINE without compressing the answer, accepted or refused", async ({ request }) => {
    // A gzip stream for a two-byte body costs the server more than the delivery's own work.
    const accepted = await postWebhook(request, [textEvent(uniqueText("kana"))], { headers: { "accept-encoding": "gzip, deflate" } });
    expect(accepted.status()).toBe(200);
    expect(accepted.headers()["content-encoding"]).toBeUndefined();
    // Unsigned rather than mis-signed: the test beside this one looks for its own mis-signed delivery.
    const refused = await postWebhook(request, [textEvent(uniqueText("kana"))], { signature: null, headers: { "accept-encoding": "gzip, deflate" } });
    expect(refused.status()).toBe(401);
    expect(refused.headers()["content-encoding"]).toBeUndefined();
    expect(await refused.json()).toEqual({ message: "Missing x-line-signature header" });
  });

  test("the command palette jumps to rejected deliveries from anywhere", async ({ page }) => {
    await visit(page, "/");
    await page.keyboard.press("Control+k");
    const palette = page.getByRole("combobox", { name: "Command palette" });
    await expect(palette).toBeFocused();
    await palette.fill("rejected");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/deliveries\?view=rejected/);
    await expect(page.getByRole("radio", { name: "Rejected" })).toHaveAttribute("aria-checked", "true");
  });
});
