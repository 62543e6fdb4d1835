import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { fakePost, following } from "./fake-line";
import { postWebhook, textEvent, userId } from "./webhook";
import { SCREENSHOT_VARIANTS, SWAPPED_VARIANTS, applyVariant } from "./screenshot-variants";
import { visit } from "./visit";

// Screenshots of the timeline, an event, the overview, friends and chats for a person to look at
// (SCREENSHOTS=1): every language, both themes and both target sizes between them. Written to
// .tmp/screenshots/ (git-ignored).
test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to take screenshots");
test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

const texts = [
  "請問今天有營業嗎？週末的預約還有位子嗎",
  "明日の予約を18時に変更したいです。よろしくお願いします🙏",
  "สั่งกาแฟลาเต้เย็นสองแก้ว ไม่หวานครับ",
  "Is the spring sale still on this weekend?",
];

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
  await request.post("/api/segments", {
    data: { name: "週末常客", filter: { tags: { mode: "any", values: ["vip", "台北店", "常連"] }, excludeTags: ["員工"], lastActive: { withinDays: 30 } } },
  });
  await request.post("/api/segments", {
    data: { name: "VIP × 台北店", filter: { statuses: ["friend", "blocked"], tags: { mode: "all", values: ["vip", "台北店"] } } },
  });
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

    // The command palette: part of a friend's name finds them among "Friends, groups and rooms".
    await visit(page, "/");
    await page.keyboard.press("Control+k");
    await page
      .getByRole("dialog")
      .getByRole("combobox")
      .fill([...senderName].slice(0, 2).join(""));
    await page.getByRole("dialog").getByRole("group").getByRole("option").filter({ hasText: senderName }).first().waitFor();
    await settle(page);
    await shot("palette-people", false);
    await page.keyboard.press("Escape");
  });
}

// An answer in each language, and what it looks like with LINE's limits: the composer at the bottom
// of a friend's and a group's conversation, its editors, the push confirmation, and the settings card.
const answers = {
  en: "Thanks! We open at 10:00 on Sundays, see you then.",
  "zh-TW": "謝謝您！週日早上十點開始營業，期待您的光臨。",
  ja: "ありがとうございます！日曜日は10時から営業しています。",
  th: "ขอบคุณค่ะ วันอาทิตย์ร้านเปิดสิบโมงเช้านะคะ",
} as const;

// Also Thai at the tablet's width and Japanese at the laptop's.
const CONVERSATION_VARIANTS = [...SCREENSHOT_VARIANTS, ...SWAPPED_VARIANTS];

for (const [n, v] of CONVERSATION_VARIANTS.entries()) {
  test(`conversation composer (${v.locale}, ${v.scheme}, ${v.width})`, async ({ page, context, baseURL, request }) => {
    const shot = await applyVariant(page, context, baseURL!, v);
    const [friend, late, member] = (await following(request)).slice(11 + n * 3, 14 + n * 3);
    // A fresh message (its reply token is good for a minute), a narrowcast to women (the friend may be a
    // man: it is shown as not known to have reached them), an answer, and one more message.
    await fakePost(request, `/__fake/friends/${friend!.userId}/messages`, { type: "text", text: texts[n % 4] });
    await waitForEvents(request, friend!.userId, 1);
    const narrowcast = await request.post("/api/messages/narrowcast", {
      data: { messages: [{ type: "text", text: "🌸 Spring sale for members" }], filter: { demographic: { type: "gender", oneOf: ["female"] } } },
    });
    const { id } = (await narrowcast.json()) as { id: string };
    await expect.poll(async () => ((await (await request.get(`/api/messages/${id}`)).json()) as { status: string }).status, { timeout: 30_000 }).toBe("sent");
    await visit(page, `/contacts/${friend!.userId}`);
    const composer = page.getByTestId("conversation-composer");
    const field = composer.locator("textarea");
    await field.fill(answers[v.locale]);
    await field.press("Enter");
    await page.locator('[data-testid="conversation-send"][data-via="reply"][data-status="sent"]').waitFor({ timeout: 15_000 });
    await fakePost(request, `/__fake/friends/${friend!.userId}/messages`, { type: "sticker" });
    await waitForEvents(request, friend!.userId, 2);
    await visit(page, `/contacts/${friend!.userId}`);
    await field.fill(answers[v.locale]);
    await settle(page);
    await shot("conversation-composer", false);

    await composer
      .getByRole("button", { name: /./ })
      .filter({ has: page.locator("svg.lucide-sticker") })
      .click();
    await settle(page);
    await shot("conversation-composer-editors", false);

    // A friend whose last message came over 20 minutes ago: the answer would be a push.
    await postWebhook(request, [
      { ...textEvent(texts[(n + 1) % 4]!, { user: late!.userId, at: Date.now() - 25 * 60_000 }), deliveryContext: { isRedelivery: true } },
    ]);
    await waitForEvents(request, late!.userId, 1);
    await visit(page, `/contacts/${late!.userId}`);
    await field.fill(answers[v.locale]);
    await settle(page);
    await shot("conversation-composer-push", false);
    await field.press("Enter");
    await page.getByRole("alertdialog").waitFor();
    await settle(page);
    await shot("conversation-push-confirm", false);
    await page.keyboard.press("Escape");

    // A reply LINE refuses (a token it never issued): failed, and why.
    const stranger = userId();
    await postWebhook(request, [textEvent(texts[3]!, { user: stranger })]);
    await waitForEvents(request, stranger, 1);
    await visit(page, `/contacts/${stranger}`);
    await field.fill(answers[v.locale]);
    await field.press("Enter");
    await page.locator('[data-testid="conversation-send"][data-status="failed"]').waitFor({ timeout: 15_000 });
    await settle(page);
    await shot("conversation-failed", false);

    // A group: the composer under its conversation.
    const joined = await fakePost<{ events: Array<{ source: { groupId: string } }> }>(request, "/__fake/chats", {
      kind: "group",
      name: "週末咖啡會 ☕",
      memberIds: [member!.userId, friend!.userId],
    });
    const groupId = joined.events[0]!.source.groupId;
    await fakePost(request, `/__fake/friends/${member!.userId}/messages`, { type: "text", text: texts[n % 4], chatId: groupId });
    await expect
      .poll(async () => ((await (await request.get(`/api/events?groupId=${groupId}&type=message&limit=1`)).json()) as { items: unknown[] }).items.length, {
        timeout: 15_000,
      })
      .toBe(1);
    await expect.poll(async () => (await request.get(`/api/chats/${groupId}`)).status(), { timeout: 15_000 }).toBe(200);
    await visit(page, `/chats/${groupId}`);
    await field.fill(answers[v.locale]);
    await settle(page);
    await shot("chat-composer", false);

    await visit(page, "/settings");
    await page.getByRole("switch").first().waitFor();
    await page.getByRole("switch").first().scrollIntoViewIfNeeded();
    await settle(page);
    await shot("settings-conversation", false);
  });
}

async function waitForEvents(request: APIRequestContext, userId: string, count: number) {
  await expect
    .poll(async () => ((await (await request.get(`/api/events?userId=${userId}&type=message&limit=10`)).json()) as { items: unknown[] }).items.length, {
      timeout: 15_000,
    })
    .toBeGreaterThanOrEqual(count);
  // Their page exists once the friends projection has read the event.
  await expect.poll(async () => (await request.get(`/api/contacts/${userId}`)).status(), { timeout: 15_000 }).toBe(200);
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle").catch(() => {});
  await page.waitForTimeout(400);
}
