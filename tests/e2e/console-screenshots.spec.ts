import { expect, test, type Page } from "@playwright/test";
import { fakePost, following } from "./fake-line";
import { postWebhook, textEvent, userId } from "./webhook";
import { SCREENSHOT_VARIANTS, applyVariant } from "./screenshot-variants";
import { visit } from "./visit";

// Screenshots of the timeline, an event, the overview, friends and chats for a person to look at
// (SCREENSHOTS=1): every language, both themes and both target sizes between them. Written to
// .tmp/screenshots/ (git-ignored).
test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to take screenshots");
test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);


const texts = ["請問今天有營業嗎？週末的預約還有位子嗎", "明日の予約を18時に変更したいです。よろしくお願いします🙏", "สั่งกาแฟลาเต้เย็นสองแก้ว ไม่หวานครับ", "Is the spring sale still on this weekend?"];

let eventId = "";
let senderName = "";
test.beforeAll(async ({ request }) => {
  // Two of LINE's friends (the console fetches their profiles, so rows show names) and one sender
  // LINE has no profile for (the row shows the id).
  const [a, b] = (await following(request)).slice(7, 9);
  senderName = b!.displayName;
  for (const [i, text] of texts.entries()) {
    if (i === 3) await postWebhook(request, [textEvent(text, { user: userId() })]);
    else await fakePost(request, `/__fake/friends/${(i === 1 ? b : a)!.userId}/messages`, { type: "text", text });
  }
  for (const friend of [a, b]) {
    await expect
      .poll(async () => ((await (await request.get(`/api/contacts/${friend!.userId}`)).json()) as { displayName?: string }).displayName, { timeout: 20_000 })
      .toBe(friend!.displayName);
  }
  let items: Array<{ id: string }> = [];
  await expect
    .poll(async () => (items = (await (await request.get(`/api/events?q=${encodeURIComponent(texts[1]!)}`)).json()).items).length, { timeout: 15_000 })
    .toBe(1);
  eventId = items[0]!.id;
  // Segments whose chips list several tags: the list must read naturally in every language.
  await request.post("/api/segments", { data: { name: "週末常客", filter: { tags: { mode: "any", values: ["vip", "台北店", "常連"] }, excludeTags: ["員工"], lastActive: { withinDays: 30 } } } });
  await request.post("/api/segments", { data: { name: "VIP × 台北店", filter: { statuses: ["friend", "blocked"], tags: { mode: "all", values: ["vip", "台北店"] } } } });
});

for (const v of SCREENSHOT_VARIANTS) {
  test(`timeline, overview, friends (${v.locale}, ${v.scheme}, ${v.width})`, async ({ page, context, baseURL }) => {
    const shot = await applyVariant(page, context, baseURL!, v);

    await visit(page, "/events");
    await page.getByRole("article").first().waitFor();
    await shot("timeline", false);

    await visit(page, `/events?q=${encodeURIComponent("予約")}`);
    await page.getByRole("article").first().waitFor();
    await shot("timeline-search", false);

    // The sender filter: part of a friend's name, the matches, one highlighted; then the list it picks.
    const sender = page.locator("input[aria-autocomplete=list]");
    await visit(page, "/events");
    await page.getByRole("article").first().waitFor();
    await sender.fill([...senderName].slice(0, 1).join(""));
    await page.locator("ul[role=listbox] [role=option]").first().waitFor();
    await sender.press("ArrowDown");
    await shot("timeline-sender-filter", false);
    await sender.press("Enter");
    await page.waitForURL(/userId=/);
    await page.getByRole("article").first().waitFor();
    await settle(page);
    await shot("timeline-sender-filtered", false);

    await visit(page, `/events/${eventId}`);
    await settle(page);
    await shot("event-detail", false);

    for (const path of ["/", "/contacts", "/segments", "/chats", "/deliveries"]) {
      await visit(page, path);
      await settle(page);
      await shot(path === "/" ? "overview" : path.slice(1), false);
    }
  });
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle").catch(() => {});
  await page.waitForTimeout(400);
}
