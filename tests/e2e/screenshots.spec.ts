import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_FRESH_BASE_URL, STORAGE_STATE } from "../../playwright.config";
import { createMember, pushBody, SIGNED_OUT } from "./members";

// Not a check: pictures of every accounts and settings page, in each language, theme and size, for a
// person to look at (SCREENSHOTS=1 npx playwright test screenshots). Written to .tmp/screenshots/.
const OUT = path.join(".tmp", "screenshots");
const LOCALES = (process.env.SCREENSHOT_LOCALES ?? "en,zh-TW,ja,th").split(",");
const THEMES = ["light", "dark"] as const;
const SIZES = { laptop: { width: 1440, height: 900 }, tablet: { width: 820, height: 1180 } } as const;

test.describe.configure({ mode: "serial" });
test.setTimeout(15 * 60_000);

test("screenshots of the accounts and settings pages", async ({ browser, request, baseURL }) => {
  fs.mkdirSync(OUT, { recursive: true });
  const data = await seed(request);

  for (const locale of LOCALES) {
    for (const theme of THEMES) {
      for (const [size, viewport] of Object.entries(SIZES)) {
        const suffix = `${locale}-${theme}-${size}`;
        const ctx = await browser.newContext({ storageState: STORAGE_STATE, viewport, colorScheme: theme, locale, timezoneId: "Asia/Taipei", baseURL });
        await ctx.addCookies([{ name: "oa_locale", value: locale, url: baseURL! }]);
        const page = await ctx.newPage();
        for (const [name, url] of [
          ["settings-channel", "/settings"],
          ["settings-members", "/settings/members"],
          ["settings-api-keys", "/settings/api-keys"],
          ["settings-audit", "/settings/audit"],
          ["settings-account", "/settings/account"],
          ["settings-sessions", "/settings/sessions"],
        ] as const) {
          await open(page, url);
          if (name === "settings-audit") await page.locator("[data-audit-action] button[aria-expanded]").first().click();
          await shot(page, `${name}-${suffix}`);
        }
        await open(page, "/settings/members");
        await page
          .locator("main button")
          .filter({ has: page.locator("svg.lucide-user-plus") })
          .first()
          .click();
        await page.locator("#invite-email").fill("new.member@example.com");
        await shot(page, `dialog-invite-${suffix}`);
        await page.keyboard.press("Escape");
        // The created-key dialog, without creating a key each round: the answer is made up here.
        await page.route("**/api/api-keys", (route) =>
          route.request().method() === "POST"
            ? route.fulfill({
                status: 201,
                json: {
                  id: "shot",
                  name: "Nightly export",
                  role: "viewer",
                  prefix: "oak_Demo12",
                  createdAt: new Date().toISOString(),
                  key: "oak_Demo12ScreenshotOnlyNotARealKey0",
                },
              })
            : route.continue(),
        );
        await open(page, "/settings/api-keys?create=1");
        await page.locator("#key-name").fill("Nightly export");
        await page.locator("form button[type=submit]").click();
        await page.getByTestId("api-key-secret").waitFor();
        await shot(page, `dialog-api-key-created-${suffix}`);
        await page.keyboard.press("Escape");
        await open(page, "/events");
        await page.locator("header button[aria-haspopup=menu]").last().click();
        await shot(page, `user-menu-${suffix}`);
        await ctx.close();

        await signedOut(browser, { locale, theme, viewport, baseURL: baseURL! }, async (p) => {
          await open(p, `/invite/${data.inviteToken}`);
          await shot(p, `invite-${suffix}`);
          await open(p, "/invite/not-a-valid-invitation-token");
          await shot(p, `invite-invalid-${suffix}`);
          await open(p, "/sign-in");
          await shot(p, `sign-in-${suffix}`);
        });
        if (E2E_FRESH_BASE_URL && (await request.get(`${E2E_FRESH_BASE_URL}/api/setup`).then((r) => r.json())).needsSetup) {
          await signedOut(browser, { locale, theme, viewport, baseURL: E2E_FRESH_BASE_URL }, async (p) => {
            await open(p, "/setup");
            await p.locator("#password").fill("sunflowerbed");
            await shot(p, `setup-${suffix}`);
          });
        }
        const operator = await browser.newContext({ storageState: data.operator, viewport, colorScheme: theme, locale, timezoneId: "Asia/Taipei", baseURL });
        await operator.addCookies([{ name: "oa_locale", value: locale, url: baseURL! }]);
        const op = await operator.newPage();
        await op.goto("/settings/members");
        await op.locator("html[data-ready]").waitFor({ state: "attached" });
        await shot(op, `forbidden-${suffix}`);
        await operator.close();
      }
    }
  }
});

async function seed(admin: import("@playwright/test").APIRequestContext) {
  const operator = await createMember(admin, "operator", { name: "王小明" });
  const viewer = await createMember(admin, "viewer", { name: "สมชาย ใจดี" });
  await createMember(admin, "admin", { name: "Tanaka Aiko" });
  await viewer.api.dispose();
  const invited = await (await admin.post("/api/invitations", { data: { email: "pending.person@example.com", role: "operator" } })).json();
  await admin.post("/api/invitations", { data: { email: "second.invite@example.com", role: "viewer" } });
  await admin.post("/api/api-keys", { data: { name: "Order system", role: "operator" } });
  const old = await (await admin.post("/api/api-keys", { data: { name: "Old export script", role: "viewer" } })).json();
  await admin.delete(`/api/api-keys/${old.id}`);
  await admin.put("/api/settings/channel/webhook", { data: {} });
  await admin.post("/api/settings/channel/webhook/test", { data: {} });
  expect((await operator.api.post("/api/messages/push", { data: pushBody("週末特賣 🌸") })).status()).toBe(202);
  const operatorState = operator.storageState;
  await operator.api.dispose();
  return { inviteToken: new URL(invited.link).pathname.split("/").pop()!, operator: operatorState };
}

async function signedOut(
  browser: Browser,
  o: { locale: string; theme: "light" | "dark"; viewport: { width: number; height: number }; baseURL: string },
  fn: (page: Page) => Promise<void>,
) {
  const ctx = await browser.newContext({
    storageState: SIGNED_OUT,
    viewport: o.viewport,
    colorScheme: o.theme,
    locale: o.locale,
    timezoneId: "Asia/Taipei",
    baseURL: o.baseURL,
  });
  await ctx.addCookies([{ name: "oa_locale", value: o.locale, url: o.baseURL }]);
  await fn(await ctx.newPage());
  await ctx.close();
}

async function open(page: Page, url: string) {
  await page.goto(url);
  await page.locator("html[data-ready]").waitFor({ state: "attached" });
  // Until what loads in the browser (LINE's answers, lists) has replaced its skeletons.
  await page
    .locator('[data-slot="skeleton"]')
    .first()
    .waitFor({ state: "detached", timeout: 8_000 })
    .catch(() => {});
}

async function shot(page: Page, name: string) {
  await page.waitForTimeout(350);
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}
