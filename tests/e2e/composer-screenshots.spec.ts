import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { FAKE_LINE_URL } from "../../playwright.config";
import { fakeConfig } from "./fake-line";
import { SCREENSHOT_VARIANTS, applyVariant } from "./screenshot-variants";
import { visit } from "./visit";

// Screenshots of the composer and the send history for a person to look at (SCREENSHOTS=1): every
// language, both themes and both target sizes between them. Written to .tmp/screenshots/ (git-ignored).
test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to take screenshots");
test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

for (const v of SCREENSHOT_VARIANTS) {
  test(`composer and history (${v.locale}, ${v.scheme}, ${v.width})`, async ({ page, context, baseURL }) => {
    const shot = await applyVariant(page, context, baseURL!, v);

    await visit(page, "/messages/new?kind=push");
    await shot("compose-push-empty");

    await composeRichMessages(page, v.locale);
    await shot("compose-rich");

    // That push was left unsent: a fresh composer offers to continue it.
    await page.getByTestId("save-status").locator("svg.lucide-check").waitFor({ timeout: 15_000 });
    await visit(page, "/messages/new?kind=broadcast");
    await page.getByTestId("working-draft").waitFor();
    await shot("compose-working-draft", false);

    // A broadcast: whom "All friends" reaches, and from what figures.
    await page.getByTestId("broadcast-reach").waitFor();
    await shot("compose-broadcast", false);

    // A push to a malformed id, then to a well-formed id nobody has seen.
    await visit(page, "/messages/new?kind=push");
    const recipient = page.getByRole("combobox", { name: /^(Recipient|收件人|送信先|ผู้รับ)$/ });
    await recipient.fill(`U${"a".repeat(31)}`);
    await page.getByTestId("push-id-problem").waitFor();
    await shot("compose-push-malformed-id", false);
    await recipient.fill(strangerId(v.locale));
    await page.getByRole("option").first().click();
    await page.getByTestId("push-standing").waitFor();
    await page
      .locator("textarea")
      .first()
      .fill({ en: "Your order is ready", "zh-TW": "您的訂單已備妥", ja: "ご注文の準備ができました", th: "คำสั่งซื้อของคุณพร้อมแล้ว" }[v.locale]!);
    await settle(page);
    await shot("compose-push-unknown-id", false);
    await page.getByRole("button", { name: /…$/ }).last().click();
    await page.getByRole("dialog").locator("button:has(svg.lucide-send)").click();
    await page.waitForURL(/\/messages\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    await page.locator('#main [data-testid="send-status"][data-status="sent"]').waitFor({ timeout: 30_000 });
    await page.locator("#main").getByTestId("push-standing").waitFor();
    await settle(page);
    await shot("send-push-unknown-id");

    await visit(page, "/messages/new?kind=narrowcast");
    await page.locator("[data-kind=narrowcast]").waitFor();
    await buildNarrowcast(page);
    await page.waitForTimeout(800);
    await shot("compose-narrowcast");

    const areaButton = page
      .getByTestId("builder-group")
      .first()
      .getByRole("button", { name: /Add condition|新增條件|条件を追加|เพิ่มเงื่อนไข/ })
      .last();
    await areaButton.click();
    await page.getByRole("menuitem").nth(2).click();
    await page.getByTestId("builder-condition").last().getByRole("button").first().click();
    await page.getByRole("dialog").waitFor();
    await shot("area-picker", false);
    // What people type: 台北 for 臺北市, Jakarta for Jabodetabek, kana for a prefecture; each match picked.
    for (const [typed, local, name] of [
      ["台北", "臺北市", "taipei"],
      ["Jakarta", "Jabodetabek", "jakarta"],
      ["とうきょう", "東京都", "tokyo-kana"],
    ] as const) {
      await page.getByRole("dialog").getByRole("textbox").fill(typed);
      await page
        .getByRole("dialog")
        .getByRole("checkbox", { name: new RegExp(`^${local}`) })
        .check();
      await settle(page);
      await shot(`area-search-${name}`, false);
    }
    await page.getByRole("dialog").getByRole("button").last().click();
    await page.getByTestId("builder-condition").last().scrollIntoViewIfNeeded();
    await settle(page);
    await shot("compose-narrowcast-areas", false);

    // The drafts sheet: this narrowcast, autosaved as the working draft once it has a text, beside a named draft.
    await page.request.post("/api/drafts", {
      data: {
        kind: "broadcast",
        title: { en: "Spring sale", "zh-TW": "春季特賣", ja: "春のセール", th: "ลดราคาฤดูใบไม้ผลิ" }[v.locale],
        body: { messages: [{ type: "text", text: "🌸" }] },
      },
    });
    await page.locator("textarea").first().fill(
      {
        en: "Members in Taipei, Tokyo and Jakarta",
        "zh-TW": "台北、東京與雅加達的會員",
        ja: "台北・東京・ジャカルタの会員の皆さまへ",
        th: "สมาชิกในไทเป โตเกียว และจาการ์ตา",
      }[v.locale]!,
    );
    await page.getByTestId("save-status").locator("svg.lucide-check").waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: /^(Drafts|草稿|下書き|ฉบับร่าง)$/ }).click();
    await page.getByRole("dialog").waitFor();
    await page.waitForTimeout(500);
    await shot("drafts", false);
    await page.keyboard.press("Escape");

    // A new Gender condition chooses nothing, and says why it blocks sending.
    await visit(page, "/messages/new?kind=narrowcast");
    await page
      .getByTestId("builder-group")
      .first()
      .getByRole("button", { name: /Add condition|新增條件|条件を追加|เพิ่มเงื่อนไข/ })
      .first()
      .click();
    await page.getByRole("menuitem").nth(0).click();
    await page.getByTestId("condition-problem").waitFor();
    await page.getByTestId("builder-condition").first().scrollIntoViewIfNeeded();
    await settle(page);
    await shot("compose-narrowcast-gender-empty", false);

    await visit(page, "/messages/new?kind=multicast");
    await page.locator("#multicast-ids").fill(["U" + "a".repeat(32), "U123", "C" + "b".repeat(32), "U" + "a".repeat(32)].join("\n"));
    await shot("compose-multicast-errors", false);

    // A multicast to a saved segment: the picker, then the confirmation naming it.
    await page.request.post("/api/segments", {
      data: { name: { en: "Taipei VIPs", "zh-TW": "台北 VIP", ja: "渋谷店の VIP", th: "ลูกค้า VIP สาขาสยาม" }[v.locale], filter: { statuses: ["friend"] } },
    });
    await visit(page, "/messages/new?kind=multicast");
    await page.locator('[role=tab][data-value="segment"]').click();
    await page.getByRole("button", { name: /…$/ }).last().click();
    await page.getByTestId("segment-option").first().waitFor();
    await shot("compose-multicast-segment-empty", false);
    await page.getByTestId("segment-option").first().getByRole("radio").check();
    await page.getByTestId("segment-size-now").waitFor();
    await page
      .locator("textarea")
      .first()
      .fill({ en: "Members get 20% off this week", "zh-TW": "會員本週享 8 折優惠", ja: "今週は会員様 20% オフ", th: "สมาชิกรับส่วนลด 20% สัปดาห์นี้" }[v.locale]!);
    await shot("compose-multicast-segment", false);
    await page.getByRole("button", { name: /…$/ }).last().click();
    await page.getByRole("dialog").waitFor();
    await page.waitForTimeout(500);
    await shot("confirm-multicast-segment", false);
    await page.keyboard.press("Escape");

    await visit(page, "/messages/new?kind=broadcast");
    await page
      .locator("textarea")
      .first()
      .fill({ en: "See you this weekend!", "zh-TW": "週末見！", ja: "週末にお会いしましょう！", th: "เจอกันสุดสัปดาห์นี้!" }[v.locale]!);
    await page.getByRole("button", { name: /…$/ }).last().click();
    await page.getByRole("dialog").waitFor();
    await shot("confirm-broadcast", false);
    await page.keyboard.press("Escape");

    const friend = (await (await page.request.get(`${FAKE_LINE_URL}/__fake/friends?status=following&limit=1`)).json()).users[0];
    await page.request.post(`${FAKE_LINE_URL}/__fake/friends/${friend.userId}/messages`, { data: { type: "text" } });
    await expect
      .poll(async () => (await (await page.request.get(`/api/events?userId=${friend.userId}&limit=1`)).json()).items[0]?.replyDeadline ?? null)
      .not.toBeNull();
    const { items: events } = await (await page.request.get(`/api/events?userId=${friend.userId}&limit=1`)).json();
    await visit(page, `/events/${events[0].id}`);
    await page.getByTestId("reply-button").click();
    await page.getByRole("dialog").waitFor();
    await shot("reply", false);
    await page.keyboard.press("Escape");
    await visit(page, "/events");
    await shot("events-reply-countdown", false);

    // The history has at least this push, also when this spec runs alone on a fresh database.
    const push = await page.request.post("/api/messages/push", {
      data: {
        to: friend.userId,
        messages: [
          { type: "text", text: { en: "Your table is ready", "zh-TW": "您的座位已備妥", ja: "お席の準備ができました", th: "โต๊ะของคุณพร้อมแล้ว" }[v.locale] },
        ],
      },
    });
    expect(push.status()).toBe(202);
    // A narrowcast while LINE delivers it (its phases slowed for this one), and once delivered.
    const narrowcast = await slowNarrowcast(page.request, baseURL!);
    await visit(page, `/messages/${narrowcast}`);
    await page.locator('#main [data-testid="send-outcome"][data-stage="line_sending"]').waitFor({ timeout: 30_000 });
    await page.locator("#main").getByTestId("progress-target").waitFor();
    await settle(page);
    await shot("send-narrowcast-delivering");
    await page.locator('#main [data-testid="send-outcome"][data-stage="sent"]').waitFor({ timeout: 60_000 });
    await settle(page);
    await shot("send-narrowcast-delivered");

    // A multicast LINE got as three requests: "Request as sent" shows the first of them.
    const ids = Array.from({ length: 1200 }, (_, i) => `U${(0xe2e00000 + i).toString(16).padStart(32, "0")}`);
    const multicast = await page.request.post("/api/messages/multicast", {
      headers: { origin: new URL(baseURL!).origin },
      data: { to: ids, messages: [{ type: "text", text: "Weekend menu" }] },
    });
    expect(multicast.status(), await multicast.text()).toBe(202);
    await visit(page, `/messages/${((await multicast.json()) as { id: string }).id}`);
    await page.locator('#main [data-testid="send-status"][data-status="sent"]').waitFor({ timeout: 30_000 });
    await settle(page);
    await shot("send-multicast-chunks");

    await visit(page, "/messages");
    await page.getByTestId("send-row").first().waitFor();
    await shot("history");
    const { items } = await (await page.request.get("/api/messages?limit=50")).json();
    for (const kind of ["narrowcast", "multicast", "push"]) {
      for (const s of (items as Array<{ id: string; kind: string; status: string }>).filter((x) => x.kind === kind).slice(0, 2)) {
        await visit(page, `/messages/${s.id}`);
        // In #main: while the page streams in, React can hold a second copy in a hidden boundary.
        await page.locator("#main").getByTestId("send-outcome").waitFor();
        await shot(`send-${kind}-${s.status}-${s.id.slice(0, 4)}`);
      }
    }
  });
}

async function composeRichMessages(page: Page, locale: string) {
  const text = { en: "Spring sale starts today! $", "zh-TW": "春季特賣今天開始！$", ja: "春のセールは本日スタート！$", th: "ลดราคาฤดูใบไม้ผลิเริ่มวันนี้! $" }[locale]!;
  await page.locator("textarea").first().fill(text);
  for (const type of ["sticker", "template", "flex"]) {
    await page.getByRole("button", { name: /Add message|新增訊息|メッセージを追加|เพิ่มข้อความ/ }).click();
    await page.getByRole("menuitem").nth(["text", "sticker", "image", "video", "audio", "location", "imagemap", "template", "flex"].indexOf(type)).click();
  }
  await expect(page.getByTestId("message-card")).toHaveCount(4);
}

async function buildNarrowcast(page: Page) {
  const root = page.getByTestId("builder-group").first();
  await root
    .getByRole("button", { name: /Add condition|新增條件|条件を追加|เพิ่มเงื่อนไข/ })
    .first()
    .click();
  await page.getByRole("menuitem").nth(0).click();
  await root
    .getByRole("button", { name: /Add condition|新增條件|条件を追加|เพิ่มเงื่อนไข/ })
    .first()
    .click();
  await page.getByRole("menuitem").nth(1).click();
  await root
    .getByRole("button", { name: /Add group|新增群組|グループを追加|เพิ่มกลุ่ม/ })
    .first()
    .click();
}

/** A well-formed user id no event has come from (a different one per language). */
function strangerId(locale: string): string {
  return `U${"0123456789abcdef".repeat(2).slice(0, 28)}${["en", "zh-TW", "ja", "th"].indexOf(locale).toString(16).padStart(4, "0")}`;
}

/** A narrowcast to women whose LINE phases are slow enough to watch; answers its id once LINE accepted it. */
async function slowNarrowcast(request: APIRequestContext, baseURL: string): Promise<string> {
  const before = await fakeConfig(request, { narrowcastPhaseMs: 8_000 });
  try {
    const sent = await request.post("/api/messages/narrowcast", {
      headers: { origin: new URL(baseURL).origin },
      data: { messages: [{ type: "text", text: "🌸 Spring sale for members" }], filter: { demographic: { type: "gender", oneOf: ["female"] } } },
    });
    expect(sent.status(), await sent.text()).toBe(202);
    const { id } = (await sent.json()) as { id: string };
    await expect
      .poll(async () => ((await (await request.get(`/api/messages/${id}`)).json()) as { chunks: Array<{ status: string }> }).chunks[0]?.status, {
        timeout: 30_000,
      })
      .toBe("accepted");
    return id;
  } finally {
    await fakeConfig(request, { narrowcastPhaseMs: before.narrowcastPhaseMs });
  }
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle").catch(() => {});
  await page.waitForTimeout(400);
}
