import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";

// The screenshot specs' variants: every language, both themes and both target sizes (laptop, tablet)
// between them. Screenshots go to .tmp/screenshots/ (git-ignored), for a person to look at.
export const SCREENSHOT_VARIANTS = [
  { locale: "en", scheme: "light", width: 1440, height: 900 },
  { locale: "zh-TW", scheme: "dark", width: 820, height: 1180 },
  { locale: "ja", scheme: "light", width: 820, height: 1180 },
  { locale: "th", scheme: "dark", width: 1440, height: 900 },
] as const;

// Thai and Japanese at the other size, for screens where the longest lines and the tightest width meet
// (Thai has no spaces to break at; Japanese fills a wide line differently).
export const SWAPPED_VARIANTS = [
  { locale: "th", scheme: "dark", width: 820, height: 1180 },
  { locale: "ja", scheme: "light", width: 1440, height: 900 },
] as const;

// The other theme for each of zh-TW, ja and th, for screens new enough to want every language in both.
export const THEME_SWAPPED_VARIANTS = [
  { locale: "zh-TW", scheme: "light", width: 1440, height: 900 },
  { locale: "ja", scheme: "dark", width: 1440, height: 900 },
  { locale: "th", scheme: "light", width: 820, height: 1180 },
] as const;

export type ScreenshotVariant = (typeof SCREENSHOT_VARIANTS)[number] | (typeof SWAPPED_VARIANTS)[number] | (typeof THEME_SWAPPED_VARIANTS)[number];

/**
 * Put the page in the variant's language, theme and size; answers `shot(name, fullPage?)`. With AXE=1
 * each shot also runs axe-core (WCAG 2.1 A and AA) on the same state and writes its violations beside
 * the PNG as JSON.
 */
export async function applyVariant(page: Page, context: BrowserContext, baseURL: string, v: ScreenshotVariant) {
  await context.addCookies([{ name: "oa_locale", value: v.locale, url: baseURL }]);
  await page.emulateMedia({ colorScheme: v.scheme });
  await page.setViewportSize({ width: v.width, height: v.height });
  return async (name: string, fullPage = true) => {
    const file = `.tmp/screenshots/${name}-${v.locale}-${v.scheme}-${v.width}`;
    await page.screenshot({ path: `${file}.png`, fullPage });
    if (process.env.AXE) await audit(page, `${file}.axe.json`);
  };
}

// The violations with the elements they name; a contrast failure in the `subtle-foreground` colour is
// marked `known` (its palette is being fixed separately), so new problems stand out.
async function audit(page: Page, path: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const subtle = await page.evaluate(() => {
    const probe = document.body.appendChild(document.createElement("span"));
    probe.style.color = "var(--subtle-foreground)";
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  });
  const report = [];
  for (const violation of violations) {
    const nodes = [];
    for (const node of violation.nodes) {
      const selector = node.target.map(String).join(" ");
      const known =
        violation.id === "color-contrast" &&
        (await page
          .locator(selector)
          .first()
          .evaluate((el, c) => getComputedStyle(el).color === c, subtle)
          .catch(() => false));
      nodes.push({ target: selector, html: node.html.slice(0, 200), summary: node.failureSummary?.split("\n").slice(1, 2).join("").trim(), known });
    }
    report.push({ id: violation.id, impact: violation.impact, help: violation.help, nodes });
  }
  fs.writeFileSync(path, JSON.stringify(report, null, 2));
}
