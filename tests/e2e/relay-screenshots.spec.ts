import net from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { startRelayBot } from "./relay-bot";
import { SCREENSHOT_VARIANTS, SWAPPED_VARIANTS, applyVariant } from "./screenshot-variants";
import { visit } from "./visit";
import { postWebhook, textEvent, userId } from "./webhook";

// Screenshots of relay for a person to look at (SCREENSHOTS=1; AXE=1 runs axe beside each): Settings →
// Relay with a healthy bot and one that is down, the relay log, the overview card, an event's relay
// section, the replay dialog and the form — every language, both themes, both sizes between them.
test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to take screenshots");
test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

const texts = ["請問今天有營業嗎？", "明日の予約を18時に変更したいです。", "สั่งกาแฟลาเต้เย็นสองแก้ว ไม่หวานครับ", "Is the spring sale still on?"];
let bot: Awaited<ReturnType<typeof startRelayBot>>;
const destinations: number[] = [];
let eventId = "";
let goodId = 0;

test.beforeAll(async ({ request }) => {
  bot = await startRelayBot();
  const add = async (data: Record<string, unknown>) => {
    const res = await request.post("/api/relay/destinations", { data });
    expect(res.status(), await res.text()).toBe(201);
    const id = ((await res.json()) as { id: number }).id;
    destinations.push(id);
    return id;
  };
  goodId = await add({ name: "bot-prod", url: bot.url });
  // A bot that is down (nothing listens on its port): retries, then the console's breaker pauses it.
  await add({
    name: "bot-staging（檢查中）",
    url: `http://127.0.0.1:${await closedPort()}/callback`,
    signing: "own",
    secret: "staging-secret-0123456789",
    eventTypes: ["message", "postback", "newThing"],
    sourceTypes: ["user", "group"],
    modes: ["active"],
    unseenOnly: true,
    timeoutMs: 3000,
  });
  for (const text of texts) await postWebhook(request, [textEvent(text, { user: userId() })]);
  await expect
    .poll(() => bot.events().filter((e) => texts.includes((e.message as { text?: string } | undefined)?.text ?? "")).length, { timeout: 20_000 })
    .toBe(4);
  const { items } = await (await request.get(`/api/events?q=${encodeURIComponent("予約")}`)).json();
  eventId = items[0].id;
  // Let the bot that is down fail a few times.
  await new Promise((r) => setTimeout(r, 4000));
});

test.afterAll(async ({ request }) => {
  for (const id of destinations) await request.delete(`/api/relay/destinations/${id}`);
  await bot?.close();
});

for (const v of [...SCREENSHOT_VARIANTS, ...SWAPPED_VARIANTS]) {
  test(`relay (${v.locale}, ${v.scheme}, ${v.width})`, async ({ page, context, baseURL }) => {
    const shot = await applyVariant(page, context, baseURL!, v);

    await visit(page, "/settings/relay");
    const items = page.locator("li[aria-labelledby^=relay-destination-]");
    await items.first().waitFor();
    await settle(page);
    await shot("relay-settings");

    // The form, editing the destination with a secret and filters.
    await items.filter({ hasText: "bot-staging" }).locator("button").nth(2).click();
    await page.getByRole("dialog").waitFor();
    await settle(page);
    await shot("relay-form", false);
    await page.keyboard.press("Escape");

    await visit(page, `/settings/relay/${goodId}`);
    await page.getByRole("row").nth(1).waitFor();
    await page.getByRole("row").nth(1).getByRole("button").first().click();
    await page.locator("[data-slot=code-block]").first().waitFor();
    await settle(page);
    await shot("relay-log");

    await visit(page, "/");
    await settle(page);
    await page.locator("#relay-overview-title").evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.waitForTimeout(200);
    await shot("relay-overview", false);

    await visit(page, `/events/${eventId}`);
    const lines = page.getByTestId("forward-line");
    await lines.first().waitFor();
    await lines.first().click();
    await lines.first().scrollIntoViewIfNeeded();
    await settle(page);
    await shot("relay-event", false);

    // Replay…: the choice, then the confirmation naming the bot and the count.
    await page.locator("section[aria-labelledby=relay-section-event] [data-slot=card-header] button").first().click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await settle(page);
    await shot("relay-replay-target", false);
    // To the bot that is down, so the progress shows it waiting.
    await dialog.locator("select").selectOption({ label: "bot-staging（檢查中）" });
    await dialog.locator("button[type=submit]").click();
    await dialog.getByRole("status").waitFor();
    await settle(page);
    await shot("relay-replay-confirm", false);
    await dialog.locator("button.bg-primary").click();
    await dialog.getByRole("progressbar").waitFor();
    await settle(page);
    await shot("relay-replay-progress", false);
    await page.keyboard.press("Escape");

    // Copy as fixture, with a secret typed.
    await page.locator("section[aria-labelledby=relay-section-event] [data-slot=card-header] button").nth(1).click();
    await page.getByRole("dialog").locator("input[type=password]").fill("0123456789abcdef");
    await page.getByRole("dialog").locator("[data-slot=code-block]").nth(1).waitFor();
    await settle(page);
    await shot("relay-fixture", false);
    await page.keyboard.press("Escape");

    // The timeline's Replay matching… with a text search (which a replay does not use).
    await visit(page, `/events?q=${encodeURIComponent("予約")}&type=message`);
    await page.getByRole("article").first().waitFor();
    await page
      .getByRole("button")
      .filter({ has: page.locator("svg.lucide-history") })
      .click();
    await page.getByRole("dialog").waitFor();
    await settle(page);
    await shot("relay-replay-matching", false);
  });
}

async function settle(page: Page) {
  // No tooltip of whatever was clicked last.
  await page.mouse.move(0, 0);
  await page.waitForLoadState("networkidle").catch(() => {});
  await page.waitForTimeout(400);
}

// A port nothing listens on: bound, then released.
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
