// Screenshots of every console page for visual review: light and dark, laptop and tablet, in chosen
// locales. Usage: npx tsx scripts/screenshots.ts [--url http://localhost:3300] [--out .tmp/screenshots]
//   [--locales zh-TW,th] [--pages /,/events] [--themes light,dark] [--sizes laptop,tablet]
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3300" },
    out: { type: "string", default: ".tmp/screenshots" },
    locales: { type: "string", default: "en,zh-TW,ja,th" },
    pages: { type: "string" },
    themes: { type: "string", default: "light,dark" },
    sizes: { type: "string", default: "laptop,tablet" },
    full: { type: "boolean", default: false },
    extras: { type: "boolean", default: false },
  },
});

const sizes = { laptop: { width: 1440, height: 900 }, tablet: { width: 820, height: 1180 }, phone: { width: 390, height: 844 } };

async function main() {
  const base = values.url!;
  const pages = values.pages ? values.pages.split(",") : await defaultPages(base);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  fs.mkdirSync(values.out!, { recursive: true });
  for (const locale of values.locales!.split(",")) {
    for (const theme of values.themes!.split(",")) {
      for (const size of values.sizes!.split(",") as Array<keyof typeof sizes>) {
        const context = await browser.newContext({ viewport: sizes[size], colorScheme: theme as "light" | "dark", locale, timezoneId: "Asia/Taipei" });
        const host = new URL(base).hostname;
        await context.addCookies([
          { name: "oa_locale", value: locale, domain: host, path: "/" },
          { name: "oa_tz", value: "Asia/Taipei", domain: host, path: "/" },
        ]);
        const page = await context.newPage();
        for (const p of pages) {
          await page.goto(new URL(p, base).toString(), { waitUntil: "networkidle" });
          await page.waitForTimeout(400);
          const name = `${slug(p)}-${locale}-${theme}-${size}.png`;
          await page.screenshot({ path: path.join(values.out!, name), fullPage: values.full });
          console.log(name);
        }
        if (values.extras) await extras(page, base, `${locale}-${theme}-${size}`);
        await context.close();
      }
    }
  }
  await browser.close();
}

// States that need an interaction: the command palette, the event sheet, a filtered timeline.
async function extras(page: import("@playwright/test").Page, base: string, suffix: string) {
  const shot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(values.out!, `${name}-${suffix}.png`) });
    console.log(`${name}-${suffix}.png`);
  };
  await page.goto(new URL("/events", base).toString(), { waitUntil: "networkidle" });
  await page.keyboard.press("Control+k");
  await page.keyboard.type("ev");
  await shot("palette");
  await page.keyboard.press("Escape");
  await page.getByRole("article").nth(2).click();
  await shot("sheet");
  await page.keyboard.press("Escape");
  await page.goto(new URL("/events?type=message&sourceType=group&from=2026-01-01T00:00:00.000Z&q=%E6%98%8E%E6%97%A5", base).toString(), {
    waitUntil: "networkidle",
  });
  await shot("events-filtered");
  if ((page.viewportSize()?.width ?? 0) < 768) {
    await page
      .getByRole("button", { name: /menu|メニュー|選單|เมนู/i })
      .first()
      .click();
    await shot("drawer");
  }
}

// The list pages plus the newest event and delivery, so detail pages are covered too.
async function defaultPages(base: string): Promise<string[]> {
  const events = (await (await fetch(new URL("/api/events?limit=1&type=message&messageType=text", base))).json()) as { items: Array<{ id: string }> };
  const deliveries = (await (await fetch(new URL("/api/deliveries?limit=1&rejected=true", base))).json()) as { items: Array<{ id: string }> };
  return [
    "/",
    "/events",
    "/deliveries",
    ...(events.items[0] ? [`/events/${events.items[0].id}`] : []),
    ...(deliveries.items[0] ? [`/deliveries/${deliveries.items[0].id}`] : []),
  ];
}

function slug(p: string) {
  return p === "/" ? "overview" : p.replace(/^\//, "").replace(/[^a-z0-9]+/gi, "-");
}

await main();
