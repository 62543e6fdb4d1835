import { expect, test, type Page } from "@playwright/test";
import { visit } from "./visit";

// What a new operator's walk noticed between pages and languages: the heading jumping sideways from one
// page to the next, search hints cut off, Japanese words broken in the middle.

test.describe("layout", () => {
  test("the page heading stands in the same place on every console page", async ({ page }) => {
    const places = new Map<string, string>();
    for (const path of ["/", "/events", "/deliveries", "/contacts", "/chats", "/segments", "/messages", "/messages/new", "/settings"]) {
      await visit(page, path);
      const box = await page.getByRole("main").getByRole("heading", { level: 1 }).boundingBox();
      places.set(path, `${Math.round(box!.x)},${Math.round(box!.y)}`);
    }
    expect(new Set(places.values()), JSON.stringify(Object.fromEntries(places))).toHaveProperty("size", 1);
  });

  for (const locale of ["en", "zh-TW", "ja", "th"] as const) {
    test(`search placeholders fit their fields in ${locale}, from a laptop to a tablet`, async ({ page, context, baseURL }) => {
      test.setTimeout(120_000);
      await context.addCookies([{ name: "oa_locale", value: locale, url: baseURL! }]);
      for (const width of [1440, 1024, 820]) {
        await page.setViewportSize({ width, height: 900 });
        for (const path of ["/events", "/contacts", "/chats", "/messages", "/segments/new", "/messages/new?kind=push"]) {
          await visit(page, path);
          expect(await cutPlaceholders(page), `${path} at ${width}px`).toEqual([]);
        }
      }
    });
  }

  test("Japanese text does not break before a long-vowel mark or small kana", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "oa_locale", value: "ja", url: baseURL! }]);
    await visit(page, "/chats");
    const heading = page.getByRole("main").getByRole("heading", { level: 1 });
    expect(await heading.evaluate((h) => getComputedStyle(h).lineBreak)).toBe("strict");
    // Five characters a line: breaking anywhere would start the third line with ー.
    await heading.evaluate((h) => {
      h.textContent = "トークルームトークルームトークルーム";
      (h as HTMLElement).style.width = "5em";
    });
    const lines = await heading.evaluate((h) => {
      const range = document.createRange();
      const text = h.firstChild!;
      const rows = new Map<number, string>();
      for (let i = 0; i < text.textContent!.length; i++) {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        rows.set(top, (rows.get(top) ?? "") + text.textContent![i]);
      }
      return [...rows.values()];
    });
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line, lines.join(" / ")).not.toMatch(/^[ーァィゥェォッャュョ]/);
  });
});

// Placeholders wider than the room their field leaves for text (measured with the field's own font).
function cutPlaceholders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ctx = document.createElement("canvas").getContext("2d")!;
    return [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input[placeholder], textarea[placeholder]")]
      .filter((el) => el.offsetParent !== null && el.tagName === "INPUT")
      .flatMap((el) => {
        const cs = getComputedStyle(el);
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        const width = ctx.measureText(el.placeholder).width;
        return width > room + 1 ? [`"${el.placeholder}" needs ${Math.round(width)} px, has ${Math.round(room)}`] : [];
      });
  });
}
