import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Press Tab (Shift+Tab with `backward`) until `target` has focus, as someone without a mouse would, and
 * check at every stop that the focused control is on screen and shows that it has focus. Fails when the
 * target is not reached within `max` presses: then it cannot be reached in a sensible number of them.
 */
export async function tabTo(page: Page, target: Locator, { max = 40, backward = false }: { max?: number; backward?: boolean } = {}) {
  const key = backward ? "Shift+Tab" : "Tab";
  // There first, so each stop's check is immediate (and a locator matching two elements fails loudly).
  await expect(target).toBeAttached();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    await expectFocusVisible(page);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${String(target)} was not reached in ${max} presses of ${key}; focus is on ${await focusedElement(page)}`);
}

/** Press `key` and check that focus is still somewhere visible (arrows, Space and Enter can move it too). */
export async function press(page: Page, key: string) {
  await page.keyboard.press(key);
  await expectFocusVisible(page);
}

/**
 * The focused element is in the viewport and has a focus indicator: an outline, or a ring (a box-shadow
 * with a spread, which is what Tailwind's ring utilities draw; shadow-xs and the like have none). A
 * control that draws its ring on a wrapper (a chip input's box, a radio card) counts when the wrapper's
 * ring is tied to focus in its classes (focus-within, has-[:focus-visible]).
 */
async function expectFocusVisible(page: Page) {
  const focused = page.locator(":focus");
  await expect(focused, "something has focus").toHaveCount(1);
  await expect(focused).toBeInViewport();
  const indicator = await page.evaluate(() => {
    const transparent = (color: string) => color === "transparent" || /(?:,|\/)\s*0(?:\.0+)?\s*\)$/.test(color);
    const hasRing = (shadow: string) =>
      shadow !== "none" &&
      shadow.split(/,(?![^(]*\))/).some((one) => {
        const color = /[a-z-]+\([^)]*\)|#[0-9a-f]+|transparent/i.exec(one)?.[0] ?? "";
        const px = one
          .replace(color, "")
          .trim()
          .split(/\s+/)
          .filter((x) => x.endsWith("px"))
          .map(parseFloat);
        return (px[3] ?? 0) > 0 && !transparent(color);
      });
    const shows = (el: Element) => {
      const s = getComputedStyle(el);
      return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && !transparent(s.outlineColor)) || hasRing(s.boxShadow);
    };
    const el = document.activeElement!;
    if (shows(el)) return null;
    let up = el.parentElement;
    for (let i = 0; up && i < 3; i++, up = up.parentElement) {
      if (/focus-within:|:focus-visible\]|has-focus-visible:/.test(up.getAttribute("class") ?? "") && shows(up)) return null;
    }
    return `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 60)}" (class "${el.getAttribute("class") ?? ""}")`;
  });
  expect(indicator, "the focused element shows a focus indicator").toBeNull();
}

async function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 60)}"` : "nothing";
  });
}
