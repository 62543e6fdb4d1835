import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { fakePost } from "./fake-line";
import { visit } from "./visit";
import { postWebhook, textEvent, userId } from "./webhook";

// What a send costs before it goes, against the fake LINE platform: a push to a group counts its members
// (asked of LINE), a multicast its unique recipients, a broadcast an estimate; the month's quota and its
// projected use; replies are free while a token is valid, and the overview counts what they saved.

test.skip(!process.env.E2E_FAKE_URL, "needs the fake LINE platform (E2E_FAKE_URL)");

/** New users who add the account in the fake (their follow reaches the console through its webhook). */
async function newFriends(request: APIRequestContext, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { events } = await fakePost<{ events: Array<{ source: { userId: string } }> }>(request, "/__fake/friends");
    ids.push(events[0]!.source.userId);
  }
  return ids;
}

/** The account joins a new group of these members in the fake; resolves once the console knows the group. */
async function newGroup(request: APIRequestContext, memberIds: string[]): Promise<string> {
  const joined = await fakePost<{ events: Array<{ source: { groupId: string } }> }>(request, "/__fake/chats", {
    kind: "group",
    name: `Tea club ${randomBytes(2).toString("hex")}`,
    memberIds,
  });
  const groupId = joined.events[0]!.source.groupId;
  await expect.poll(async () => (await request.get(`/api/chats/${groupId}`)).status(), { timeout: 15_000 }).toBe(200);
  return groupId;
}

async function writeText(page: Page, text: string) {
  await page.getByLabel("Text", { exact: true }).first().fill(text);
}

test.describe("what a send counts against the month", () => {
  test("a push to a group counts each member, as LINE does, in the review and the confirmation", async ({ page, request }) => {
    const members = await newFriends(request, 3);
    const groupId = await newGroup(request, members);
    await visit(page, `/messages/new?kind=push&to=${groupId}`);
    await writeText(page, "今晚七點見");
    const cost = page.getByTestId("cost");
    await expect(cost).toHaveText("Counts 3 messages against this month's quota: one per member of the group");
    // The e2e platform has no monthly limit: said so, with the month's use.
    await expect(page.getByTestId("cost-remaining")).toContainText("No monthly limit");

    await page.getByRole("button", { name: "Review and send…" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByTestId("confirm-count")).toHaveText("3");
    await expect(dialog).toContainText("uses 3 messages");
  });

  test("a multicast counts its unique recipients, a push to one friend one message", async ({ page }) => {
    await visit(page, "/messages/new?kind=multicast");
    const [a, b] = [userId(), userId()];
    await page.locator("#multicast-ids").fill(`${a}\n${b}\n${a}`);
    await writeText(page, "Spring sale");
    await expect(page.getByTestId("cost")).toHaveText("Counts 2 messages against this month's quota: one per recipient");

    await visit(page, `/messages/new?kind=push&to=${userId()}`);
    await expect(page.getByTestId("cost")).toHaveText("Counts 1 message against this month's quota");
  });

  test("warns past the quota and past the month's projected use, and explains the projection", async ({ page }) => {
    // A limited plan mid-month, as LINE would answer it (the e2e platform itself has no limit): 4,000 of
    // 5,000 used, 4,500 projected by the month's end.
    let estimate = 1500;
    await page.route("**/api/messages/quota", async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      body.quota = { limit: 5000, used: 4000, remaining: 1000 };
      body.month = { ...body.month, elapsed: 0.8888, projected: 4500 };
      body.broadcast = { ...body.broadcast, estimate };
      await route.fulfill({ response: res, json: body });
    });
    await visit(page, "/messages/new?kind=broadcast");
    await writeText(page, "Summer sale starts today");
    await expect(page.getByTestId("cost")).toHaveText("Counts about 1,500 messages against this month's quota (estimate)");
    await expect(page.getByTestId("cost-remaining")).toHaveText("1,000 of 5,000 messages left this month");
    await expect(page.getByTestId("cost-warning-over_quota")).toHaveText("More than the 1,000 messages left this month: LINE may refuse it.");
    await expect(page.getByTestId("cost-warning-over_projection")).toContainText("the month reaches 5,500 messages, more than the 4,500");
    await expect(page.getByTestId("cost-projection")).toContainText("Projected for the month: about 4,500");

    // How the projection is made: one tap (or Enter) away, not only on hover.
    await page.getByRole("button", { name: "How the projection is made" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog").filter({ hasText: "same pace" })).toContainText("Japan time (UTC+9)");
    await page.keyboard.press("Escape");

    // A smaller send fits, but the month's pace would not last.
    estimate = 800;
    await page.reload();
    await page.locator("html[data-ready]").waitFor({ state: "attached" });
    await writeText(page, "Summer sale starts today");
    await expect(page.getByTestId("cost-warning-runs_out")).toContainText("will run out before the month ends");
    await expect(page.getByTestId("cost-warning-over_quota")).toHaveCount(0);
  });
});

test.describe("replies are free", () => {
  test("the conversation counts down the reply token, and the overview counts what replies saved", async ({ page, request }) => {
    const [friend] = await newFriends(request, 1);
    const text = `営業時間を教えてください ${randomBytes(2).toString("hex")}`;
    await fakePost(request, `/__fake/friends/${friend}/messages`, { type: "text", text });
    await expect.poll(async () => (await request.get(`/api/contacts/${friend}`)).status(), { timeout: 15_000 }).toBe(200);
    const saved = async () => ((await (await request.get("/api/messages/quota")).json()) as { repliesSaved: number }).repliesSaved;
    const before = await saved();

    await visit(page, `/contacts/${friend}`);
    const status = page.getByTestId("reply-window");
    await expect(page.getByRole("log", { name: "Conversation" }).getByText(text)).toBeVisible({ timeout: 15_000 });
    await expect(status).toHaveAttribute("data-open", "true");
    await expect(status).toContainText("Reply — free");
    const time = page.getByTestId("reply-token-time");
    await expect(time).toHaveText(/^token valid for 0:[0-5]\d$/);
    const seconds = async () => Number((await time.innerText()).split(":")[1]);
    const first = await seconds();
    await expect.poll(seconds, { timeout: 5000 }).toBeLessThan(first);

    const field = page.getByRole("textbox", { name: /^Message to / });
    const answer = `10時から19時までです ${randomBytes(2).toString("hex")}`;
    await field.fill(answer);
    await field.press("Enter");
    await expect(page.getByTestId("conversation-send").filter({ hasText: answer })).toHaveAttribute("data-status", "sent", { timeout: 15_000 });
    await expect.poll(saved, { timeout: 10_000 }).toBeGreaterThan(before);

    await visit(page, "/");
    const card = page.getByTestId("quota-card");
    await expect(card.getByTestId("replies-saved")).toContainText(/Replies saved \d+ messages? this month/);
    const shown = Number((await card.getByTestId("replies-saved").locator("p").first().innerText()).replace(/\D/g, ""));
    expect(shown).toBeGreaterThan(before);
  });

  test("once no token is left, the composer says a push counts 1 message — in a group, one per member", async ({ page, request }) => {
    // A message that came late (a redelivery over 20 minutes old): LINE refuses its token.
    const friend = userId();
    const old = `昨日の予約について ${randomBytes(2).toString("hex")}`;
    expect(
      (await postWebhook(request, [{ ...textEvent(old, { user: friend, at: Date.now() - 21 * 60_000 }), deliveryContext: { isRedelivery: true } }])).status(),
    ).toBe(200);
    await expect.poll(async () => (await request.get(`/api/contacts/${friend}`)).status(), { timeout: 15_000 }).toBe(200);
    await visit(page, `/contacts/${friend}`);
    await expect(page.getByTestId("reply-window")).toHaveAttribute("data-open", "false");
    await expect(page.getByTestId("push-cost")).toHaveText("Push — counts 1 message");

    // A group the account just joined: the join's token answers once, free; after it, a push counts
    // once per member.
    const members = await newFriends(request, 4);
    const groupId = await newGroup(request, members);
    await visit(page, `/chats/${groupId}`);
    await expect(page.getByTestId("reply-window")).toHaveAttribute("data-open", "true", { timeout: 15_000 });
    const field = page.getByRole("textbox", { name: /^Message to / });
    const hello = `大家好 ${randomBytes(2).toString("hex")}`;
    await field.fill(hello);
    await field.press("Enter");
    await expect(page.getByTestId("conversation-send").filter({ hasText: hello })).toHaveAttribute("data-via", "reply", { timeout: 15_000 });
    await expect(page.getByTestId("reply-window")).toHaveAttribute("data-open", "false", { timeout: 15_000 });
    await expect(page.getByTestId("push-cost")).toHaveText("Push — counts 4 messages (one per member)");
  });
});
