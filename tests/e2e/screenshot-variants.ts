import type { BrowserContext, Page } from "@playwright/test";

// The screenshot specs' variants: every language, both themes and both target sizes (laptop, tablet)
// between them. Screenshots go to .tmp/screenshots/ (git-ignored), for a person to look at.
export const SCREENSHOT_VARIANTS = [
  { locale: "en", scheme: "light", width: 1440, height: 900 },
  { locale: "zh-TW", scheme: "dark", width: 820, height: 1180 },
  { locale: "ja", scheme: "light", width: 820, height: 1180 },
  { locale: "th", scheme: "dark", width: 1440, height: 900 },
] as const;

export type ScreenshotVariant = (typeof SCREENSHOT_VARIANTS)[number];

/** Put the page in the variant's language, theme and size; answers `shot(name, fullPage?)`. */
export async function applyVariant(page: Page, context: BrowserContext, baseURL: string, v: ScreenshotVariant) {
  await context.addCookies([{ name: "oa_locale", value: v.locale, url: baseURL }]);
  await page.emulateMedia({ colorScheme: v.scheme });
  await page.setViewportSize({ width: v.width, height: v.height });
  return (name: string, fullPage = true) => page.screenshot({ path: `.tmp/screenshots/${name}-${v.locale}-${v.scheme}-${v.width}.png`, fullPage });
}
