import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { SIGNED_OUT } from "./members";
import { applyVariant, type ScreenshotVariant } from "./screenshot-variants";
import { visit } from "./visit";
import { postWebhook, textEvent, userId } from "./webhook";

// Screenshots of the Radix primitives and the react-hook-form errors for a person to look at
// (SCREENSHOTS=1): the top bar's menus, a table row's menu, a tooltip, the toggle groups with keyboard
// focus, the push recipient combobox, the emoji popover, the request-code tabs, a toast, and four
// forms' field errors. Every language in both themes at the laptop size, and English at the tablet's.
// Written to .tmp/screenshots/ (git-ignored).
test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to take screenshots");
test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

// The catalogues, to find controls by the names each language gives them (read, not imported: the test
// runner's loader wants an import attribute for JSON that the type checker does not).
type Catalogue = typeof import("../../i18n/catalogues/en.json");
const catalogue = (locale: string): Catalogue => JSON.parse(fs.readFileSync(`i18n/catalogues/${locale}.json`, "utf8")) as Catalogue;
const catalogues = { en: catalogue("en"), ja: catalogue("ja"), th: catalogue("th"), "zh-TW": catalogue("zh-TW") };

// applyVariant only reads these four fields; the shared variant lists do not have every pairing.
const VARIANTS = [
  ...(["en", "ja", "zh-TW", "th"] as const).flatMap((locale) => (["light", "dark"] as const).map((scheme) => ({ locale, scheme, width: 1440, height: 900 }))),
  { locale: "en", scheme: "light", width: 820, height: 1180 },
] as unknown as ScreenshotVariant[];

const segmentNames = ["週末常客", "VIP × 台北店", "ลูกค้า VIP สาขาสยาม", "Spring sale regulars"];

test.beforeAll(async ({ request }) => {
  // A few segments, so the segment table's last row sits at the bottom of a real table.
  for (const name of segmentNames) {
    const created = await request.post("/api/segments", { data: { name: `${name} ${randomBytes(2).toString("hex")}`, filter: {} } });
    expect(created.status(), await created.text()).toBe(201);
  }
  // Timeline rows to hover, also when this spec runs alone on a fresh database.
  const text = "明日の予約を18時に変更したいです。";
  await postWebhook(request, [textEvent(text, { user: userId() })]);
  await expect
    .poll(async () => ((await (await request.get(`/api/events?q=${encodeURIComponent(text)}`)).json()) as { items: unknown[] }).items.length, {
      timeout: 15_000,
    })
    .toBeGreaterThan(0);
});

for (const v of VARIANTS) {
  test(`primitives and form errors (${v.locale}, ${v.scheme}, ${v.width})`, async ({ page, context, baseURL, browser }) => {
    const shot = await applyVariant(page, context, baseURL!, v);
    const t = catalogues[v.locale];
    // Each capture on its own: one that fails is reported at the end, and the others are still taken.
    const failed: string[] = [];
    const capture = async (name: string, steps: () => Promise<void>) => {
      try {
        await steps();
      } catch (error) {
        failed.push(`${name}: ${String(error).split("\n")[0]}`);
      }
      await page.keyboard.press("Escape").catch(() => {});
    };

    await capture("user-menu", async () => {
      await visit(page, "/");
      await page.getByRole("banner").getByRole("button", { name: /./ }).last().click();
      await page.getByRole("menu").waitFor();
      await settle(page, false);
      await shot("primitives-user-menu", false);
    });

    await capture("theme-menu", async () => {
      await visit(page, "/");
      await page.getByRole("banner").getByRole("button", { name: t.theme.label, exact: true }).click();
      await page.getByRole("menu").waitFor();
      await settle(page, false);
      await shot("primitives-theme-menu", false);
    });

    await capture("segment-menu", async () => {
      await visit(page, "/segments");
      const trigger = page.getByRole("row").last().getByRole("button").last();
      await trigger.evaluate((el) => el.scrollIntoView({ block: "end" }));
      await trigger.click();
      await page.getByRole("menu").waitFor();
      await settle(page, false);
      await shot("primitives-segment-menu", false);
    });

    await capture("tooltip", async () => {
      await visit(page, "/events");
      const time = page.getByRole("article").first().locator("time").first();
      await time.waitFor();
      await settle(page);
      await time.hover();
      await page.locator('[data-slot="tooltip"]').waitFor();
      await page.waitForTimeout(300);
      await shot("primitives-time-tooltip", false);
    });

    await capture("period-picker", async () => {
      await visit(page, "/");
      const group = page.locator('[data-slot="toggle-group"]').first();
      await group.scrollIntoViewIfNeeded();
      await settle(page);
      await group.getByRole("radio").first().focus();
      // An arrow key moves focus within the group (and shows the keyboard focus ring) without choosing.
      await page.keyboard.press("ArrowRight");
      await page.waitForTimeout(200);
      await shot("primitives-period-picker-focus", false);
    });

    await capture("view-picker", async () => {
      await visit(page, "/deliveries");
      const group = page.locator('[data-slot="toggle-group"]').first();
      await settle(page);
      await group.getByRole("radio").first().focus();
      await page.keyboard.press("ArrowRight");
      await page.waitForTimeout(200);
      await shot("primitives-deliveries-view-focus", false);
    });

    await capture("recipient-combobox", async () => {
      const people = [
        { userId: lineId(), displayName: { en: "Kanako Sato", ja: "佐藤 かなこ", "zh-TW": "陳美玲", th: "สมชาย ใจดี" }[v.locale], pictureUrl: null },
        { userId: lineId(), displayName: { en: "Kanako Ito", ja: "伊藤 かなこ", "zh-TW": "陳美華", th: "สมหญิง รักสงบ" }[v.locale], pictureUrl: null },
        { userId: lineId(), displayName: { en: "Kanako Mori", ja: "森 かなこ", "zh-TW": "陳志明", th: "สมศักดิ์ มั่นคง" }[v.locale], pictureUrl: null },
      ];
      await page.route(/\/api\/contacts\?q=/, (route) => route.fulfill({ json: { items: people } }));
      await page.route(/\/api\/chats\?q=/, (route) => route.fulfill({ json: { items: [] } }));
      try {
        await visit(page, "/messages/new?kind=push");
        const box = page.getByRole("combobox", { name: t.composer.push.label, exact: true });
        await box.fill({ en: "Kanako", ja: "かなこ", "zh-TW": "陳", th: "สม" }[v.locale]);
        await expect(page.getByRole("listbox").getByRole("option")).toHaveCount(3);
        await box.press("ArrowDown");
        await page.waitForTimeout(300);
        await shot("primitives-recipient-combobox", false);
      } finally {
        await page.unrouteAll({ behavior: "ignoreErrors" });
      }
    });

    await capture("emoji-picker", async () => {
      await visit(page, "/messages/new?kind=push");
      const button = page.getByRole("button", { name: t.composer.text.insertEmoji, exact: true }).first();
      await button.scrollIntoViewIfNeeded();
      await button.click();
      await page.getByRole("dialog", { name: t.composer.text.insertEmoji }).waitFor();
      await settle(page, false);
      await shot("primitives-emoji-picker", false);
    });

    await capture("request-code", async () => {
      await visit(page, "/messages/new?kind=push");
      await page.getByRole("combobox", { name: t.composer.push.label, exact: true }).fill(lineId());
      await page.getByRole("option").first().click();
      await page
        .locator("textarea")
        .first()
        .fill({ en: "Your order is ready", "zh-TW": "您的訂單已備妥", ja: "ご注文の準備ができました", th: "คำสั่งซื้อของคุณพร้อมแล้ว" }[v.locale]);
      const tabs = page.getByRole("tablist").last();
      await tabs.scrollIntoViewIfNeeded();
      await tabs.getByRole("tab").first().focus();
      // Tabs follow the keyboard: the arrow moves to curl and shows it.
      await page.keyboard.press("ArrowRight");
      await tabs.evaluate((el) => el.closest("section")?.scrollIntoView({ block: "center" }));
      await page.waitForTimeout(300);
      await shot("primitives-request-code-curl", false);
      await page.keyboard.press("ArrowRight");
      await page.waitForTimeout(300);
      await shot("primitives-request-code-sdk", false);
    });

    await capture("toast", async () => {
      // LINE refuses the audience upload (the API's error body, as lib/client/api-client.ts reads it); the
      // console says so in a toast.
      await page.route(/\/api\/segments\/[^/]+\/audience$/, (route) =>
        route.fulfill({ status: 502, json: { code: "line_refused", message: "The audience is too small" } }),
      );
      try {
        await visit(page, "/segments");
        await page.getByRole("row").last().getByRole("button").last().click();
        await page.getByRole("menuitem", { name: t.segments.actions.upload }).click();
        const toast = page.locator('[data-slot="toast"]').first();
        await toast.waitFor();
        await page.mouse.move(0, 0);
        await page.waitForTimeout(600);
        await shot("primitives-toast", false);
      } finally {
        await page.unrouteAll({ behavior: "ignoreErrors" });
      }
    });

    await capture("invite-errors", async () => {
      await visit(page, "/settings/members");
      await page.getByRole("button", { name: t.settings.members.inviteButton }).first().click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel(t.settings.members.invite.email).fill("not-an-email");
      await dialog.getByRole("button", { name: t.settings.members.invite.create }).click();
      await dialog.getByRole("alert").first().waitFor();
      await settle(page);
      await shot("forms-invite-invalid-email", false);
    });

    await capture("api-key-errors", async () => {
      await visit(page, "/settings/api-keys");
      await page.getByRole("button", { name: t.settings.apiKeys.create }).first().click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("button", { name: t.settings.apiKeys.createDialog.create }).click();
      await dialog.getByRole("alert").first().waitFor();
      await settle(page);
      await shot("forms-api-key-empty-name", false);
    });

    await capture("relay-errors", async () => {
      await visit(page, "/settings/relay");
      await page.getByRole("button", { name: t.relay.settings.add }).first().click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel(t.relay.form.name, { exact: true }).fill("bot-staging");
      await dialog.getByLabel(t.relay.form.url).fill("https://example.com/hook");
      const timeout = dialog.getByLabel(t.relay.form.timeout);
      await timeout.fill("45");
      await dialog.getByRole("button", { name: t.relay.form.add, exact: true }).click();
      await dialog.getByRole("alert").first().waitFor();
      await timeout.evaluate((el) => el.scrollIntoView({ block: "center" }));
      await settle(page);
      await shot("forms-relay-bad-timeout", false);
    });

    await capture("sign-in-errors", async () => {
      const signedOut = await browser.newContext({ storageState: SIGNED_OUT, baseURL });
      try {
        const p = await signedOut.newPage();
        const shotOut = await applyVariant(p, signedOut, baseURL!, v);
        await visit(p, "/sign-in");
        await p.getByRole("button", { name: t.auth.signIn, exact: true }).click();
        await p.getByRole("alert").filter({ hasText: /./ }).first().waitFor();
        await p.waitForTimeout(400);
        await shotOut("forms-sign-in-empty", false);
      } finally {
        await signedOut.close();
      }
    });

    expect(failed, failed.join("\n")).toEqual([]);
  });
}

const lineId = () => `U${randomBytes(16).toString("hex")}`;

async function settle(page: Page, moveAway = true) {
  // No tooltip of whatever was clicked last (unless a menu is open: moving could close or highlight it).
  if (moveAway) await page.mouse.move(0, 0);
  await page.waitForLoadState("networkidle").catch(() => {});
  await page.waitForTimeout(400);
}
