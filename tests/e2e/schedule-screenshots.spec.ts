import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { fakePost } from "./fake-line";
import { SCREENSHOT_VARIANTS, THEME_SWAPPED_VARIANTS, applyVariant, type ScreenshotVariant } from "./screenshot-variants";
import { visit } from "./visit";

// Screenshots of scheduling and of what a send costs, for a person to look at (SCREENSHOTS=1): the
// composer's When card with the recipients' zones and warnings, its confirmation, the cost line with its
// warnings and the projection's explanation, the scheduled list, the conversation's reply countdown and
// the overview's quota card — every language in both themes, laptop and tablet widths. AXE=1 audits each.
//
// Until the schedules API is in (it was built beside this), its answers are stood in for here when the
// console answers 404, so the screens can be looked at; once it is, the real answers are shown.
test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to take screenshots");
test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const VARIANTS: ScreenshotVariant[] = [...SCREENSHOT_VARIANTS, ...THEME_SWAPPED_VARIANTS];
const TEXT = {
  en: "Our spring menu starts tomorrow 🌸",
  "zh-TW": "春季菜單明天開始 🌸",
  ja: "春の新メニューは明日から 🌸",
  th: "เมนูฤดูใบไม้ผลิเริ่มพรุ่งนี้ 🌸",
} as const;

let groupId = "";
test.beforeAll(async ({ request }) => {
  const members: string[] = [];
  for (let i = 0; i < 5; i++) {
    const { events } = await fakePost<{ events: Array<{ source: { userId: string } }> }>(request, "/__fake/friends");
    members.push(events[0]!.source.userId);
  }
  const joined = await fakePost<{ events: Array<{ source: { groupId: string } }> }>(request, "/__fake/chats", {
    kind: "group",
    name: "Spring club",
    memberIds: members,
  });
  groupId = joined.events[0]!.source.groupId;
  await expect.poll(async () => (await request.get(`/api/chats/${groupId}`)).status(), { timeout: 15_000 }).toBe(200);
});

for (const v of VARIANTS) {
  test(`scheduling and cost (${v.locale}, ${v.scheme}, ${v.width})`, async ({ page, context, baseURL, request }) => {
    const shot = await applyVariant(page, context, baseURL!, v);
    await standInForSchedules(page);

    // A push to a group, scheduled for 23:30 next Saturday and weekly: the members' count, the zones, quiet hours.
    await visit(page, `/messages/new?kind=push&to=${groupId}`);
    await page.getByTestId("cost").filter({ hasText: /\d/ }).waitFor();
    await page.locator('[data-testid="when-card"] [role="radio"]').nth(1).click();
    await page.locator("#schedule-zone").selectOption("Asia/Taipei");
    await page.locator("#schedule-date").fill(nextSaturday());
    await page.locator("#schedule-time").fill("23:30");
    await page.locator("#schedule-repeat").selectOption("weekly");
    await page.locator("textarea").first().fill(TEXT[v.locale]);
    await page.getByTestId("zone-times").waitFor();
    await settle(page);
    await shot("schedule-compose");
    await page.getByTestId("when-card").scrollIntoViewIfNeeded();
    await shot("schedule-when-card", false);

    await page.getByRole("button", { name: /…$/ }).last().click();
    await page.getByRole("dialog").waitFor();
    await settle(page);
    await shot("schedule-confirm", false);
    await page.keyboard.press("Escape");

    // A broadcast on a limited plan near its end (the e2e platform itself has none): the cost's warnings.
    await page.route("**/api/messages/quota", async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      body.quota = { limit: 5000, used: 4000, remaining: 1000 };
      body.month = { ...body.month, elapsed: 0.8888, projected: 4500 };
      body.broadcast = { ...body.broadcast, estimate: 1500 };
      await route.fulfill({ response: res, json: body });
    });
    await visit(page, "/messages/new?kind=broadcast");
    await page.locator("textarea").first().fill(TEXT[v.locale]);
    await page.getByTestId("cost-warning-over_quota").waitFor();
    await page.getByTestId("cost-projection").getByRole("button").click();
    await settle(page);
    await shot("cost-broadcast-warnings", false);
    await page.keyboard.press("Escape");
    await page.unroute("**/api/messages/quota");

    await visit(page, "/messages/scheduled?status=all");
    await page.getByTestId("schedule-row").first().waitFor();
    await settle(page);
    await shot("scheduled-list");

    // A friend has just written: the reply is free, its token counting down.
    const { events } = await fakePost<{ events: Array<{ source: { userId: string } }> }>(request, "/__fake/friends");
    const friend = events[0]!.source.userId;
    await fakePost(request, `/__fake/friends/${friend}/messages`, { type: "text", text: `${TEXT[v.locale]} ${randomBytes(2).toString("hex")}` });
    await expect.poll(async () => (await request.get(`/api/contacts/${friend}`)).status(), { timeout: 15_000 }).toBe(200);
    await visit(page, `/contacts/${friend}`);
    await page.getByTestId("reply-token-time").waitFor();
    await settle(page);
    await shot("reply-countdown", false);

    await visit(page, "/");
    await page.getByTestId("replies-saved").waitFor();
    await page.getByTestId("quota-card").scrollIntoViewIfNeeded();
    await settle(page);
    await shot("overview-quota", false);
  });
}

/** The schedules API's answers, when the console has none yet (404): what the screens need to show. */
async function standInForSchedules(page: Page) {
  await page.route("**/api/schedules/warnings**", async (route) => {
    const res = await route.fetch();
    if (res.status() !== 404) return route.fulfill({ response: res });
    const at = new Date(new URL(route.request().url()).searchParams.get("at")!);
    const zones = (
      [
        ["Asia/Taipei", "TW"],
        ["Asia/Tokyo", "JP"],
        ["Asia/Bangkok", "TH"],
      ] as const
    ).map(([zone, country]) => {
      const hour = Number(new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "2-digit", hourCycle: "h23" }).format(at));
      return { zone, country, local: at.toISOString(), quiet: hour >= 22 || hour < 8, holiday: country === "JP" ? { name: "Showa Day" } : null };
    });
    await route.fulfill({ json: { zones, likelyZone: "Asia/Taipei" } });
  });
  await page.route(/\/api\/schedules(\?.*)?$/, async (route) => {
    const res = await route.fetch();
    if (res.status() !== 404) return route.fulfill({ response: res });
    await route.fulfill({ json: { items: sampleSchedules(), nextCursor: null } });
  });
}

function sampleSchedules() {
  const day = 86_400_000;
  const base = {
    campaignId: "c",
    draftId: null,
    runCount: 0,
    lastSendId: null,
    lastStartedAt: null,
    lastLateMs: null,
    late: false,
    error: null,
    version: 1,
    author: { kind: "user", label: "Aiko Admin" },
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    timeZone: "Asia/Taipei",
    repeatUntil: null,
  };
  const text = (t: string) => ({ to: `U${"1".repeat(32)}`, messages: [{ type: "text", text: t }] });
  return [
    {
      ...base,
      id: "s1",
      kind: "broadcast",
      title: "Weekly tips",
      status: "scheduled",
      runAt: new Date(Date.now() + day).toISOString(),
      repeat: "weekly",
      repeatUntil: new Date(Date.now() + 60 * day).toISOString(),
      request: { messages: [{ type: "text", text: "This week's tips 🍵" }] },
    },
    {
      ...base,
      id: "s2",
      kind: "push",
      title: "",
      status: "needs_confirmation",
      runAt: new Date(Date.now() - 25 * 60_000).toISOString(),
      repeat: "none",
      request: text("Your table is ready at 19:00"),
      late: true,
      lastLateMs: 25 * 60_000,
    },
    {
      ...base,
      id: "s3",
      kind: "narrowcast",
      title: "Tokyo members",
      status: "started",
      runAt: new Date(Date.now() - 2 * day).toISOString(),
      repeat: "none",
      request: { messages: [{ type: "text", text: "東京の会員の皆さまへ" }] },
      runCount: 1,
      late: true,
      lastLateMs: 3200,
    },
    {
      ...base,
      id: "s4",
      kind: "multicast",
      title: "Spring sale",
      status: "cancelled",
      runAt: new Date(Date.now() - 3 * day).toISOString(),
      repeat: "none",
      request: text("Spring sale 🌸"),
    },
  ];
}

function nextSaturday(): string {
  const d = new Date(Date.now() + 8 * 3_600_000);
  d.setUTCDate(d.getUTCDate() + ((6 - d.getUTCDay() + 7) % 7 || 7));
  return d.toISOString().slice(0, 10);
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle").catch(() => {});
  await page.waitForTimeout(400);
}
