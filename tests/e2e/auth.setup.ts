import { expect, test as setup } from "@playwright/test";
import { E2E_ADMIN, STORAGE_STATE } from "../../playwright.config";

// Signs the e2e admin in through the real sign-in page and keeps the session for the other tests.
setup("sign in as the e2e admin", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/channels\/default$/);
  await page.context().storageState({ path: STORAGE_STATE });
});
