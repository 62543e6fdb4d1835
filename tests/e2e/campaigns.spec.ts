import { expect, test } from "@playwright/test";
import { following, lineRequests } from "./fake-line";
import { SCREENSHOT_VARIANTS, applyVariant } from "./screenshot-variants";
import { uniqueText } from "./webhook";
import { visit } from "./visit";

// Issue 24: a send from the composer is measured in a campaign of its own. The operator names it, sends a
// multicast, and follows it to the campaign page: its funnel, the unit its requests carried, the month's
// budget of units and a CSV. Screenshots of the page in light and dark go to .tmp/screenshots/.

test.describe.configure({ timeout: 90_000 });

test("a multicast sent from the composer has a campaign page with its funnel, unit budget and CSV", async ({ page, context, request, baseURL }) => {
  const name = `Rainy season ${uniqueText("kana")}`;
  const text = `${name} https://example.com/tsuyu`;
  const to = (await following(request)).slice(0, 25).map((f) => f.userId);

  await visit(page, "/messages/new?kind=multicast");
  await page.locator("#multicast-ids").fill(to.join("\n"));
  await page.getByLabel("Text", { exact: true }).first().fill(text);
  await page.getByLabel("Campaign name").fill(name);
  await page.getByRole("button", { name: "Review and send…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: /^Send/ }).click();
  await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  await expect(page.getByTestId("send-status")).toHaveAttribute("data-status", "sent", { timeout: 30_000 });

  // LINE got the campaign's one aggregation unit, and none of the console's own fields.
  const [sent] = (await lineRequests(request, "/v2/bot/message/multicast")).filter((r) => JSON.stringify(r.body.messages).includes(name));
  const units = sent!.body.customAggregationUnits as string[];
  expect(units).toHaveLength(1);
  expect(units[0]).toMatch(/^oa_[0-9a-f]{16}$/);
  expect(sent!.body).not.toHaveProperty("campaignName");

  await page.getByTestId("send-campaign-link").click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.getByTestId("campaign-facts")).toContainText(units[0]!);
  await expect(page.getByTestId("unit-budget")).toContainText(/Aggregation units this month: [\d,]+ of 1,000 used/);
  const funnel = page.getByTestId("funnel");
  await expect(funnel.getByRole("img")).toHaveAttribute("aria-label", /^Funnel: sent 25, delivered —, opened —, clicked —$/);
  // The table a screen reader reads instead of the bars.
  await expect(funnel.getByRole("table")).toContainText("Sent25");
  await expect(page.getByTestId("unfollows")).toContainText("none");

  const csv = await request.get((await page.getByTestId("campaign-csv").getAttribute("href"))!);
  expect(csv.status()).toBe(200);
  const body = await csv.text();
  expect(body.startsWith("\ufeffrow,campaign,send_id")).toBe(true);
  expect(body).toContain(`send,${name},`);

  for (const v of [SCREENSHOT_VARIANTS[0], SCREENSHOT_VARIANTS[1]]) {
    const shot = await applyVariant(page, context, baseURL!, v);
    await page.reload();
    await page.locator("html[data-ready]").waitFor({ state: "attached" });
    await page.getByTestId("funnel").waitFor();
    await shot("campaign");
  }
  await context.addCookies([{ name: "oa_locale", value: "en", url: baseURL! }]);

  // The campaigns are one click away in the Messaging section, and the history links to them.
  await visit(page, "/messages");
  await page.getByRole("complementary", { name: "Main navigation" }).getByRole("link", { name: "Campaigns" }).click();
  await expect(page.getByTestId("campaign-row").filter({ hasText: name })).toContainText("1 send");
  await visit(page, "/messages?kind=multicast");
  const row = page.getByRole("listitem").filter({ has: page.getByTestId("send-row").filter({ hasText: name }) });
  await expect(row.getByTestId("send-opened")).toContainText("—");
  await row.getByTestId("send-campaign").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
});
