import { test, type Page } from "@playwright/test";
import { postWebhook, textEvent, userId } from "./webhook";
import { visit } from "./visit";

// Screenshots of the timeline, an event, the overview, friends and chats for a person to look at
// (SCREENSHOTS=1): every language, both themes and both target sizes between them. Written to
// .tmp/screenshots/ (git-ignored).
test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to take screenshots");
test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

const variants = [
  { locale: "en", scheme: "light", width: 1440, height: 900 },
  { locale: "zh-TW", scheme: "dark", width: 820, height: 1180 },
  { locale: "ja", scheme: "light", width: 820, height: 1180 },
  { locale: "th", scheme: "dark", width: 1440, height: 900 },
] as const;

const texts = ["請問今天有營業嗎？週末的預約還有位子嗎", "明日の予約を18時に変更したいです。よろしくお願いします🙏", "สั่งกาแฟลาเต้เย็นสองแก้ว ไม่หวานครับ", "Is the spring sale still on this weekend?"];

let eventId = "";
test.beforeAll(async ({ request }) => {
  const sender = userId();
  await postWebhook(request, texts.map((t, i) => textEvent(t, { user: i % 2 ? userId() : sender })));
  const { items } = await (await request.get(`/api/events?q=${encodeURIComponent(texts[1]!)}`)).json();
  eventId = items[0].id;
});

for (const v of variants) {
  test(`timeline, overview, friends (${v.locale}, ${v.scheme}, ${v.width})`, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "oa_locale", value: v.locale, url: baseURL! }]);
    await page.emulateMedia({ colorScheme: v.scheme });
    await page.setViewportSize({ width: v.width, height: v.height });
    const shot = (name: string) => page.screenshot({ path: `.tmp/screenshots/${name}-${v.locale}-${v.scheme}-${v.width}.png` });

    await visit(page, "/events");
    await page.getByRole("article").first().waitFor();
    await shot("timeline");

    await visit(page, `/events?q=${encodeURIComponent("予約")}`);
    await page.getByRole("article").first().waitFor();
    await shot("timeline-search");

    await visit(page, `/events/${eventId}`);
    await settle(page);
    await shot("event-detail");

    for (const path of ["/", "/contacts", "/chats", "/deliveries"]) {
      await visit(page, path);
      await settle(page);
      await shot(path === "/" ? "overview" : path.slice(1));
    }
  });
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle").catch(() => {});
  await page.waitForTimeout(400);
}
