import { randomBytes } from "node:crypto";
import net from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { sign } from "../helpers/webhook";
import { browserAs, createMember } from "./members";
import { startRelayBot } from "./relay-bot";
import { visit } from "./visit";
import { postWebhook, textEvent, uniqueText } from "./webhook";

// Relay end to end: a real bot (@line/bot-sdk's middleware, checking signatures with the channel secret)
// on this machine, added through Settings → Relay, gets what LINE delivers to the console and what an
// admin replays. One destination for the whole file, so the tests run in order in one worker.
test.describe.configure({ mode: "serial" });

const name = `bot-e2e-${randomBytes(3).toString("hex")}`;
let bot: Awaited<ReturnType<typeof startRelayBot>>;
let destinationId = 0;
let eventId = "";
let webhookEventId = "";

test.beforeAll(async () => {
  bot = await startRelayBot();
});

test.afterAll(async ({ request }) => {
  // Other spec files post webhooks too: without its bot, the destination would only pile up retries.
  if (destinationId) await request.delete(`/api/relay/destinations/${destinationId}`);
  await bot?.close();
});

test.describe("relay", () => {
  test("an admin adds a destination through the form, and Send a test gets the bot's 200", async ({ page }) => {
    await visit(page, "/settings/relay");
    await expect(page.getByText("LINE sends a channel's webhooks to one URL only")).toBeVisible();
    await page.getByRole("button", { name: "Add a destination" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Add a destination" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Webhook URL").fill(bot.url);
    await expect(dialog.getByRole("radio", { name: /As LINE signed it/ })).toBeChecked();
    await dialog.getByRole("button", { name: "Add destination" }).click();
    await expect(dialog).toBeHidden();

    const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
    await expect(item).toContainText(bot.url);
    await expect(item).toContainText("Forwarding");
    await expect(item).toContainText("Every event");
    await item.getByRole("button", { name: "Send a test" }).click();
    const result = item.getByRole("status", { name: "Test result" });
    await expect(result).toContainText("The bot accepted the test");
    await expect(result).toContainText("200");
    await expect(result).toContainText('{"ok":true}');
    // LINE's verification body: no events, signed with the channel secret (the middleware let it through).
    expect(bot.received.some((r) => r.body.events.length === 0 && r.signature === sign(r.raw))).toBe(true);

    const { items } = (await (await page.request.get("/api/relay/destinations")).json()) as { items: Array<{ id: number; name: string }> };
    destinationId = items.find((d) => d.name === name)!.id;
  });

  test("a URL that points at a cloud metadata service is refused in the form, in the admin's language", async ({ page, context, baseURL }) => {
    await visit(page, "/settings/relay");
    await page.getByRole("button", { name: "Add a destination" }).first().click();
    let dialog = page.getByRole("dialog", { name: "Add a destination" });
    await dialog.getByLabel("Name").fill("metadata");
    await dialog.getByLabel("Webhook URL").fill("http://169.254.169.254/latest/meta-data/");
    await dialog.getByRole("button", { name: "Add destination" }).click();
    await expect(dialog.getByText("Points at a cloud metadata service: never allowed")).toBeVisible();
    await expect(dialog.getByLabel("Webhook URL")).toHaveAttribute("aria-invalid", "true");

    await context.addCookies([{ name: "oa_locale", value: "ja", url: baseURL! }]);
    await visit(page, "/settings/relay");
    await page.getByRole("button", { name: "転送先を追加" }).first().click();
    dialog = page.getByRole("dialog", { name: "転送先を追加" });
    await dialog.getByLabel("名前").fill("metadata");
    await dialog.getByLabel("Webhook の URL").fill("http://169.254.169.254/");
    await dialog.getByRole("button", { name: "転送先を追加" }).click();
    await expect(dialog.getByText("クラウドのメタデータサービスを指しています。常に禁止です")).toBeVisible();
  });

  test("a webhook LINE signed reaches the bot with LINE's bytes and signature, and the event says where it went", async ({ page, request }) => {
    const text = `relay ${uniqueText("kana")}`;
    const event = textEvent(text);
    webhookEventId = event.webhookEventId as string;
    expect((await postWebhook(request, [event])).status()).toBe(200);

    await expect.poll(() => bot.received.find((r) => r.raw.includes(webhookEventId)), { timeout: 15_000 }).toBeTruthy();
    const got = bot.received.find((r) => r.raw.includes(webhookEventId))!;
    expect(got.signature).toBe(sign(got.raw));
    expect(got.body.events[0]).toMatchObject({ webhookEventId, message: { text }, deliveryContext: { isRedelivery: false } });

    eventId = await idOf(request, text);
    await visit(page, `/events/${eventId}`);
    const section = page.getByRole("region", { name: "Relay" });
    // Other files' destinations may take the event too: this file's is the one named here.
    const line = section.getByTestId("forward-line").filter({ hasText: name });
    await expect(line).toContainText(new RegExp(`Forwarded to ${name}: 200 in \\d+ ms \\(attempt 1\\)`));
    await line.click();
    await expect(section.getByRole("list", { name: "Attempts" })).toContainText("Attempt 1");

    // The delivery it came in says the same.
    const { deliveryId } = (await (await request.get(`/api/events/${eventId}`)).json()) as { deliveryId: string };
    await visit(page, `/deliveries/${deliveryId}`);
    await expect(page.getByRole("region", { name: "Relay" }).getByTestId("forward-line").filter({ hasText: name })).toContainText(`Forwarded to ${name}: 200`);
  });

  test("Replay… sends the event again, marked as a redelivery, after a confirmation naming the bot and the count", async ({ page }) => {
    await visit(page, `/events/${eventId}`);
    await page.getByRole("button", { name: "Replay…" }).click();
    const dialog = page.getByRole("dialog", { name: "Replay" });
    await dialog.getByRole("radio", { name: "A destination" }).check();
    await dialog.getByLabel("Destination", { exact: true }).selectOption({ label: name });
    await dialog.getByRole("button", { name: "Count the events" }).click();
    await expect(dialog.getByRole("status")).toHaveText(`Replay 1 event to ${name}?`);
    await dialog.getByRole("button", { name: "Replay 1 event" }).click();
    await expect(dialog.getByText(`Replaying 1 event to ${name}`)).toBeVisible();
    await expect(dialog.getByText("Finished")).toBeVisible({ timeout: 15_000 });

    const redelivered = () => bot.events().filter((e) => e.webhookEventId === webhookEventId && (e.deliveryContext as { isRedelivery?: boolean }).isRedelivery);
    await expect.poll(() => redelivered().length, { timeout: 10_000 }).toBe(1);
    expect(bot.received.find((r) => r.raw.includes(webhookEventId) && r.raw.includes('"isRedelivery":true'))!.signature).toMatch(/=$/);
    await dialog.getByRole("button", { name: "Close" }).last().click();
    await expect(page.getByTestId("forward-line").filter({ hasText: name })).toHaveCount(2);
  });

  test("a replay to a one-off URL nobody answers retries until it is cancelled", async ({ page }) => {
    await visit(page, `/events/${eventId}`);
    await page.getByRole("button", { name: "Replay…" }).click();
    const dialog = page.getByRole("dialog", { name: "Replay" });
    await dialog.getByRole("radio", { name: "A URL, just this once" }).check();
    const url = `http://127.0.0.1:${await closedPort()}/webhook`;
    await dialog.getByLabel("URL", { exact: true }).fill(url);
    await dialog.getByRole("button", { name: "Count the events" }).click();
    await expect(dialog.getByRole("status")).toHaveText(`Replay 1 event to ${url}?`);
    await dialog.getByRole("button", { name: "Replay 1 event" }).click();
    await expect(dialog.getByText("Running")).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel the replay" }).click();
    await expect(dialog.getByText("Cancelled").first()).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Cancel the replay" })).toHaveCount(0);
    await dialog.getByRole("button", { name: "Close" }).last().click();
    await expect(page.getByTestId("forward-line").filter({ hasText: url })).toContainText(`Not sent to ${url}: the replay was cancelled`);
  });

  test("Replay matching… on the timeline takes its filters, and says that the text search is not one of them", async ({ page }) => {
    await visit(page, `/events?type=message&q=${encodeURIComponent("relay")}`);
    await page.getByRole("button", { name: "Replay matching…" }).click();
    const dialog = page.getByRole("dialog", { name: "Replay" });
    await expect(dialog).toContainText("Every stored event the timeline's filters match");
    await expect(dialog).toContainText("A replay does not use the text search (“relay”)");
    await dialog.getByLabel("Destination", { exact: true }).selectOption({ label: name });
    await dialog.getByRole("button", { name: "Count the events" }).click();
    await expect(dialog.getByRole("status")).toHaveText(new RegExp(`^Replay [\\d,]+ events? to ${name}\\?$`));
    await dialog.getByRole("button", { name: "Back" }).click();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
  });

  test("the relay log lists the forwards by outcome, each opening to its attempts and the body sent", async ({ page }) => {
    await visit(page, `/settings/relay/${destinationId}`);
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await page.getByRole("radio", { name: "Delivered" }).click();
    await expect(page).toHaveURL(/outcome=succeeded/);
    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: `Event ${eventId}` }) })
      .first();
    await expect(row).toContainText("Delivered");
    await row.getByRole("button", { name: /Show attempts/ }).click();
    await expect(page.getByRole("region", { name: "Body sent" }).first()).toContainText(webhookEventId);
    await page.getByRole("radio", { name: "Refused" }).click();
    await expect(page.getByText("Nothing here")).toBeVisible();
  });

  test("the overview shows the relay card with the destination's health", async ({ page }) => {
    await visit(page, "/");
    const card = page.getByRole("region", { name: "Relay" });
    await expect(card.getByRole("link", { name })).toHaveAttribute("href", `/channels/default/settings/relay/${destinationId}`);
    await expect(card).toContainText("Success rate");
    await expect(card).toContainText("Forward latency");
  });

  test("a viewer reads relay but sees no admin action, and the API refuses them", async ({ browser, baseURL, request }) => {
    const viewer = await createMember(request, "viewer");
    const ctx = await browserAs(browser, viewer, baseURL);
    const page = await ctx.newPage();
    await visit(page, "/settings/relay");
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByRole("link", { name: "Relay log" }).first()).toBeVisible();
    for (const action of ["Add a destination", "Send a test", "Pause", "Edit", "Delete"])
      await expect(page.getByRole("button", { name: action })).toHaveCount(0);
    await expect(page.getByText("Only admins can add, change, test or remove destinations.")).toBeVisible();

    await visit(page, `/events/${eventId}`);
    await expect(page.getByTestId("forward-line").filter({ hasText: name }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Replay…" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Copy as fixture" })).toHaveCount(0);
    await visit(page, "/events");
    await expect(page.getByRole("button", { name: "Replay matching…" })).toHaveCount(0);

    expect((await viewer.api.post("/api/relay/destinations", { data: { name: "nope", url: bot.url } })).status()).toBe(403);
    expect((await viewer.api.post(`/api/relay/destinations/${destinationId}/test`)).status()).toBe(403);
    expect((await viewer.api.get("/api/relay/destinations")).status()).toBe(200);
    await ctx.close();
    await viewer.api.dispose();
  });
});

// A port nothing listens on: bound, then released.
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function idOf(request: APIRequestContext, text: string): Promise<string> {
  let id = "";
  await expect
    .poll(async () => (id = (await (await request.get(`/api/events?q=${encodeURIComponent(text)}`)).json()).items[0]?.id ?? ""), { timeout: 10_000 })
    .not.toBe("");
  return id;
}
