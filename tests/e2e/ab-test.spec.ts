import { createHash, randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { lineRequests } from "./fake-line";
import { SCREENSHOT_VARIANTS, applyVariant } from "./screenshot-variants";
import { visit } from "./visit";

// Issue 24's A/B tests in the browser: an operator makes a test from the campaigns list — a segment of
// 60 friends, variant A typed in, variant B from a saved draft, shares with the live sentence — starts
// it, and on the campaign page sends B to the rest. LINE gets one multicast per variant with the
// variant's own aggregation unit, and the winner's goes to nobody who got a variant. Screenshots of
// the form and the page in light and dark go to .tmp/screenshots/.

test.describe.configure({ timeout: 120_000 });

test("an A/B test made in the console sends its variants, then the winner to the rest", async ({ page, context, request, baseURL }) => {
  const run = randomBytes(3).toString("hex");
  const tag = `ab-${run}`;
  // 60 of the friends the console knows (it lists LINE's followers gradually after it starts), tagged,
  // as a segment. Sending them the test's messages disturbs no other test.
  const known = async () =>
    ((await (await request.get("/api/contacts?status=friend&limit=200")).json()) as { items: Array<{ userId: string }> }).items.map((f) => f.userId);
  await expect.poll(async () => (await known()).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(80);
  const all = await known();
  const start = randomBytes(1).readUInt8() % (all.length - 59);
  const ids = all.slice(start, start + 60);
  await expect.poll(async () => (await request.post("/api/contacts/tags", { data: { userIds: ids, add: [tag] } })).status(), { timeout: 30_000 }).toBe(200);
  const segment = (await (
    await request.post("/api/segments", {
      data: { name: `Spring VIP ${run}`, filter: { tags: { mode: "any", values: [tag] } } },
    })
  ).json()) as {
    id: string;
  };
  await expect.poll(async () => ((await (await request.get(`/api/segments/${segment.id}`)).json()) as { size: number }).size, { timeout: 30_000 }).toBe(60);
  const draft = await request.post("/api/drafts", {
    data: { kind: "multicast", title: `Headline B ${run}`, body: { messages: [{ type: "text", text: `20 % off everything ${run} https://example.com/b` }] } },
  });
  expect(draft.status()).toBe(201);
  const draftId = ((await draft.json()) as { id: string }).id;

  // The form in Traditional Chinese and dark, filled in by its fields' ids, for the screenshot.
  const zh = await applyVariant(page, context, baseURL!, SCREENSHOT_VARIANTS[1]);
  await visit(page, "/campaigns/ab-tests/new");
  await page.locator("#ab-name").fill(`春季標題 ${run}`);
  await page.locator("#ab-variant-A-text").fill(`春季特賣 ${run} https://example.com/a`);
  await page.locator("#ab-variant-B-text").fill(`全館八折 ${run} https://example.com/b`);
  await page.locator("#ab-share").fill("25");
  await expect(page.getByTestId("ab-share-sentence")).toContainText("勝出版本發送給其餘 40%");
  await zh("ab-test-form");
  await applyVariant(page, context, baseURL!, SCREENSHOT_VARIANTS[0]);

  await visit(page, "/campaigns");
  await page.getByTestId("new-ab-test").click();
  await expect(page.getByRole("heading", { level: 1, name: "New A/B test" })).toBeVisible();
  const name = `Spring headline ${run}`;
  await page.getByLabel("Test name").fill(name);
  await page.getByRole("radio", { name: "A segment" }).click();
  await page
    .getByTestId("segment-option")
    .filter({ hasText: `Spring VIP ${run}` })
    .click();
  await page.getByLabel("Text of variant A").fill(`Spring sale ${run} https://example.com/a`);
  // Variant B from the saved draft, chosen with the keyboard.
  const sourceB = page.getByRole("radiogroup", { name: "Where variant B comes from" });
  await sourceB.getByRole("radio", { name: "Type a text" }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Space");
  await page.getByLabel("Draft for variant B").selectOption(draftId);
  await expect(page.getByTestId("ab-variant").nth(1)).toContainText(`20 % off everything ${run}`);
  await page.getByLabel("Each variant's share").fill("25");
  await page.getByLabel("Holdout").fill("10");
  await expect(page.getByTestId("ab-share-sentence")).toHaveText(
    "A and B each go to 25 % (≈ 15 friends), 10 % get nothing, the winner goes to the other 40 % (≈ 24).",
  );
  await page.getByRole("radio", { name: "Click rate" }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await (
    await applyVariant(page, context, baseURL!, SCREENSHOT_VARIANTS[0])
  )("ab-test-form");

  // A problem is named next to its field: shares over 100 %.
  await page.getByLabel("Each variant's share").fill("50");
  await page.getByTestId("ab-start").click();
  await expect(page.getByText("The variants' shares and the holdout add up to 110 %: keep them to 100 % at most.")).toBeVisible();
  await expect(page.getByLabel("Each variant's share")).toBeFocused();
  await page.getByLabel("Each variant's share").fill("25");

  await page.getByTestId("ab-start").click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("Send 2 variants now?");
  await confirm.getByRole("button", { name: "Start and send" }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  const campaignId = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);

  const card = page.getByTestId("ab-test");
  const variants = card.getByTestId("ab-test-variant");
  await expect(variants).toHaveCount(2);
  await expect(variants.nth(0).getByTestId("ab-test-sample")).toHaveText("15 friends");
  await expect(variants.nth(1).getByTestId("ab-test-sample")).toHaveText("15 friends");
  await expect(card.getByTestId("ab-test-verdict")).toHaveAttribute("data-kind", "not_yet");
  const statuses = async () =>
    ((await (await request.get(`/api/campaigns/${campaignId}`)).json()) as { sends: Array<{ status: string }> }).sends.map((s) => s.status);
  await expect.poll(statuses, { timeout: 30_000 }).toEqual(["sent", "sent"]);

  // LINE got one multicast per variant, each with the variant's own unit (the campaign's, and A or B).
  const unit = `oa_${createHash("sha256").update(campaignId).digest("hex").slice(0, 16)}`;
  const unitOf = (r: { body: Record<string, unknown> }) => ((r.body.customAggregationUnits as string[] | undefined) ?? [])[0] ?? "";
  const ours = async () => (await lineRequests(request, "/v2/bot/message/multicast")).filter((r) => unitOf(r).startsWith(`${unit}_`));
  const sent = await ours();
  expect(sent.map(unitOf).sort()).toEqual([`${unit}_A`, `${unit}_B`]);
  expect(sent.flatMap((r) => r.body.to as string[]).every((u) => ids.includes(u))).toBe(true);
  const gotVariant = new Set(sent.flatMap((r) => r.body.to as string[]));
  expect(gotVariant.size).toBe(30);

  // Send B to the rest, asked once more.
  const sendB = card.getByTestId("ab-test-send").and(page.locator('[data-label="B"]'));
  const label = (await sendB.textContent()) ?? "";
  const rest = Number(/\((\d+) friends?\)/.exec(label)?.[1]);
  expect(rest).toBeGreaterThan(15);
  expect(rest).toBeLessThanOrEqual(30);
  await sendB.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Send B to the rest?`);
  await expect(dialog).toContainText(`B goes to ${rest} friends who got no variant and are not held out.`);
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Send B" }).click();
  await expect(card.getByTestId("ab-test-winner")).toContainText(`B was sent to the rest (${rest} friends)`, { timeout: 20_000 });
  await expect(card.getByTestId("ab-test-send")).toHaveCount(0);

  await expect.poll(async () => (await ours()).length, { timeout: 30_000 }).toBe(3);
  const winner = (await ours()).find((r) => unitOf(r) === `${unit}_winner`)!;
  expect(winner.body.to as string[]).toHaveLength(rest);
  expect((winner.body.to as string[]).filter((u) => gotVariant.has(u))).toEqual([]);
  expect(JSON.stringify(winner.body.messages)).toContain(`20 % off everything ${run}`);

  await expect(page.getByTestId("campaign-send")).toHaveCount(3);
  expect(await seriousViolations(page)).toEqual([]);
  for (const v of [SCREENSHOT_VARIANTS[0], SCREENSHOT_VARIANTS[1]]) {
    const shot = await applyVariant(page, context, baseURL!, v);
    await page.reload();
    await page.locator("html[data-ready]").waitFor({ state: "attached" });
    // The page's own card: while a reload settles, a second (hidden) copy can exist outside #main.
    await page.locator("#main").getByTestId("ab-test").waitFor();
    await shot("ab-test-campaign");
  }
  await context.addCookies([{ name: "oa_locale", value: "en", url: baseURL! }]);
  // The campaign's API says the same, once only.
  const again = await request.post(`/api/campaigns/${campaignId}/winner`, { data: { variant: "A" } });
  expect(again.status()).toBe(409);
});

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
}
