import type { Page } from "@playwright/test";

/** Open a console page and wait until it is hydrated: clicks and keys before that would be lost. */
export async function visit(page: Page, path: string) {
  await page.goto(path);
  await page.locator("html[data-ready]").waitFor({ state: "attached" });
}
