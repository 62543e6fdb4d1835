import { expect, test } from "@playwright/test";

test.describe("sign-in throttle", () => {
  // Repeated failures earn growing waits; a real account's owner is not the one being slowed here.
  test.use({ storageState: { cookies: [], origins: [] } });

  test("repeated wrong passwords are slowed with 429 and Retry-After, and the form counts down", async ({ page, request }) => {
    const email = `guess-${Date.now()}@example.com`;
    const attempt = () => request.post("/api/auth/sign-in/email", { data: { email, password: "wrong-password-123" } });

    // Five free failures, then each further one doubles the wait (1 s, 2 s, 4 s…): a guesser that
    // respects Retry-After still makes only a handful of attempts.
    let failures = 0;
    let throttled = null as null | { status: number; retryAfter: number };
    while (failures < 7) {
      const res = await attempt();
      if (res.status() === 429) {
        const retryAfter = Number(res.headers()["retry-after"]);
        throttled ??= { status: 429, retryAfter };
        expect(retryAfter).toBeGreaterThan(0);
        await new Promise((r) => setTimeout(r, retryAfter * 1000 + 100));
        continue;
      }
      expect(res.status()).toBe(401);
      failures++;
    }
    expect(throttled).not.toBeNull();

    // Right after the seventh failure the next attempt must wait about 4 s: the form says so.
    await page.goto("/sign-in");
    await page.locator("html[data-ready]").waitFor({ state: "attached" });
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("wrong-password-123");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Too many attempts." });
    await expect(alert).toContainText("Too many attempts.");
    await expect(alert).toContainText(/Try again in \d+ seconds?\./);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
    // When the wait is over the button comes back.
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled({ timeout: 10_000 });
  });
});
