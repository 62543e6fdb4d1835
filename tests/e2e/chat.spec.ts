import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { fakeGet, fakePost, lineRequests } from "./fake-line";
import { browserAs, createMember } from "./members";
import { visit } from "./visit";
import { postWebhook, textEvent, userId } from "./webhook";

// Answering from a conversation against the fake LINE platform: fake friends write through its control
// API (their webhooks reach the console with reply tokens LINE would give), and its request log and
// inboxes say whether LINE got a reply or a push.

test.skip(!process.env.E2E_FAKE_URL, "needs the fake LINE platform (E2E_FAKE_URL)");

type FakeUser = { userId: string };
type Inbox = { entries: Array<{ kind: string; messages: Array<{ message: { type: string; text?: string } }> }> };
type ChatScreen = { loading: unknown; readUpTo: { messageId: string } | null };

/**
 * Friends no other test has seen: new users who add the account in the fake (their follow reaches the
 * console too), so one test's reply tokens never answer another's.
 */
async function someFriends(request: APIRequestContext, n: number): Promise<FakeUser[]> {
  const users: FakeUser[] = [];
  for (let i = 0; i < n; i++) {
    const { events } = await fakePost<{ events: Array<{ source: { userId: string } }> }>(request, "/__fake/friends");
    users.push({ userId: events[0]!.source.userId });
  }
  return users;
}

/** The friend writes (in the fake, which delivers the webhook); resolves once the console stored it. */
async function friendWrites(request: APIRequestContext, userId: string, body: Record<string, unknown> = {}) {
  const text = `${body.text ?? "お店は今日開いていますか"} ${randomBytes(3).toString("hex")}`;
  const { events } = await fakePost<{ events: Array<{ message: { id: string } }> }>(request, `/__fake/friends/${userId}/messages`, {
    type: "text",
    ...body,
    text,
  });
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/events?limit=1&userId=${userId}&q=${encodeURIComponent(text)}`)).json()) as { items: unknown[] }).items.length,
      { timeout: 15_000 },
    )
    .toBe(1);
  // Their page exists once the friends projection has read the event (or the follower sync listed them).
  const page = body.chatId ? `/api/chats/${body.chatId}` : `/api/contacts/${userId}`;
  await expect.poll(async () => (await request.get(page)).status(), { timeout: 15_000 }).toBe(200);
  return { text, messageId: events[0]!.message.id };
}

const inbox = (request: APIRequestContext, chatId: string) => fakeGet<Inbox>(request, `/__fake/inbox/${chatId}`);
const received = async (request: APIRequestContext, chatId: string, kind: string, text: string) =>
  (await inbox(request, chatId)).entries.some((e) => e.kind === kind && e.messages.some((m) => m.message.text === text));

async function openConversation(page: Page, path: string) {
  await visit(page, path);
  const composer = page.getByTestId("conversation-composer");
  await expect(composer).toBeVisible();
  return { composer, field: composer.getByRole("textbox", { name: /^Message to / }), log: page.getByRole("log", { name: "Conversation" }) };
}

test.describe("answering from a conversation", () => {
  test("replies inside the window: LINE gets a reply, no push, and the answer shows who sent it", async ({ page, request }) => {
    const [friend] = await someFriends(request, 1);
    const { text } = await friendWrites(request, friend!.userId);
    const me = (await (await request.get("/api/me")).json()) as { name: string };
    const { composer, field, log } = await openConversation(page, `/contacts/${friend!.userId}`);
    await expect(log.getByText(text)).toBeVisible();
    await expect(composer.getByTestId("reply-window")).toHaveAttribute("data-open", "true");
    await expect(composer.getByTestId("reply-window")).toContainText("Reply — free");

    const answer = `ありがとうございます、10時から営業しています ${randomBytes(2).toString("hex")}`;
    await field.fill(answer);
    await field.press("Enter");
    await expect(field).toHaveValue("");
    const bubble = log.getByTestId("conversation-send").filter({ hasText: answer });
    await expect(bubble).toHaveAttribute("data-status", "sent", { timeout: 15_000 });
    await expect(bubble).toHaveAttribute("data-via", "reply");
    await expect(bubble).toContainText(me.name);
    await expect(bubble.getByLabel("Sent")).toBeVisible();

    expect(await received(request, friend!.userId, "reply", answer)).toBe(true);
    const replies = await lineRequests(request, "/v2/bot/message/reply");
    expect(replies.some((r) => JSON.stringify(r.body).includes(answer))).toBe(true);
    // Free: nothing went out as a push (which would count against the quota).
    expect((await lineRequests(request, "/v2/bot/message/push")).filter((r) => r.body.to === friend!.userId)).toEqual([]);
  });

  test("shows the answer at once as sending, before the server has even answered", async ({ page, request }) => {
    const [friend] = await someFriends(request, 1);
    await friendWrites(request, friend!.userId);
    const { field, log } = await openConversation(page, `/contacts/${friend!.userId}`);
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(`**/api/contacts/${friend!.userId}/messages`, async (route) => {
      await held;
      await route.continue();
    });
    const answer = `Sending now ${randomBytes(2).toString("hex")}`;
    await field.fill(answer);
    await field.press("Enter");
    const bubble = log.getByTestId("conversation-send").filter({ hasText: answer });
    await expect(bubble).toHaveAttribute("data-status", "sending");
    await expect(bubble).toContainText("Sending");
    release();
    await expect(bubble).toHaveAttribute("data-status", "sent", { timeout: 15_000 });
  });

  test("after the window asks before a push, and LINE gets a push only once the operator agrees", async ({ page, request }) => {
    // Someone whose only message came late, as a redelivery of an event over 20 minutes old: LINE
    // refuses that token. (Not one of the fake's users: a push to them is accepted, not delivered.)
    const friend = { userId: userId() };
    const old = `昨日の予約について ${randomBytes(2).toString("hex")}`;
    const res = await postWebhook(request, [
      { ...textEvent(old, { user: friend!.userId, at: Date.now() - 21 * 60_000 }), deliveryContext: { isRedelivery: true } },
    ]);
    expect(res.status()).toBe(200);
    await expect.poll(async () => (await request.get(`/api/contacts/${friend!.userId}`)).status(), { timeout: 15_000 }).toBe(200);
    const { composer, field, log } = await openConversation(page, `/contacts/${friend!.userId}`);
    await expect(log.getByText(old)).toBeVisible({ timeout: 15_000 });
    await expect(composer.getByTestId("reply-window")).toHaveAttribute("data-open", "false");
    await expect(composer.getByRole("button", { name: "Send as push" })).toBeVisible();

    const answer = `Your booking is confirmed ${randomBytes(2).toString("hex")}`;
    await field.fill(answer);
    await field.press("Enter");
    const dialog = page.getByRole("alertdialog", { name: "Send as a push?" });
    await expect(dialog).toContainText("counts as one message against the monthly quota");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    // Nothing was sent; the answer is still there.
    await expect(field).toHaveValue(answer);
    await expect(log.getByTestId("conversation-send").filter({ hasText: answer })).toHaveCount(0);

    await field.press("Enter");
    await dialog.getByRole("button", { name: "Send push" }).click();
    const bubble = log.getByTestId("conversation-send").filter({ hasText: answer });
    await expect(bubble).toHaveAttribute("data-status", "sent", { timeout: 15_000 });
    await expect(bubble).toHaveAttribute("data-via", "push");
    const pushes = await lineRequests(request, "/v2/bot/message/push");
    expect(pushes.filter((r) => r.body.to === friend.userId && JSON.stringify(r.body).includes(answer)).map((r) => r.status)).toEqual([200]);
  });

  test("Enter never sends while an input method is composing; Shift+Enter breaks the line; Enter after composition sends", async ({ page, request }) => {
    const [friend] = await someFriends(request, 1);
    await friendWrites(request, friend!.userId);
    const { field, log } = await openConversation(page, `/contacts/${friend!.userId}`);
    const answer = `ご予約ありがとうございます ${randomBytes(2).toString("hex")}`;
    await field.fill(answer);
    await field.focus();
    // What the browser sends while an IME converts: keydown with isComposing (Chrome, Firefox), keydown
    // with keyCode 229, and Safari's compositionend followed at once by the committing Enter.
    await field.evaluate((el) => {
      const enter = (init: KeyboardEventInit, keyCode?: number) => {
        const e = new KeyboardEvent("keydown", { key: "Enter", code: "Enter", bubbles: true, cancelable: true, ...init });
        if (keyCode !== undefined) Object.defineProperty(e, "keyCode", { get: () => keyCode });
        el.dispatchEvent(e);
      };
      el.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true, data: "" }));
      enter({ isComposing: true });
      enter({}, 229);
      el.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: "予約" }));
      enter({}, 13);
    });
    await field.press("Shift+Enter");
    await page.waitForTimeout(300);
    await expect(field).toHaveValue(`${answer}\n`);
    await expect(log.getByTestId("conversation-send").filter({ hasText: answer })).toHaveCount(0);

    await field.press("Enter");
    await expect(field).toHaveValue("");
    await expect(log.getByTestId("conversation-send").filter({ hasText: answer })).toHaveAttribute("data-status", "sent", { timeout: 15_000 });
  });

  test("a reply LINE refuses shows as failed, with the reason in the operator's words and LINE's", async ({ page, request }) => {
    const friend = { userId: userId() };
    // A reply token LINE never issued: the console takes it as valid (it is fresh), LINE refuses it.
    const said = `Hello? ${randomBytes(2).toString("hex")}`;
    expect((await postWebhook(request, [textEvent(said, { user: friend!.userId })])).status()).toBe(200);
    await expect.poll(async () => (await request.get(`/api/contacts/${friend!.userId}`)).status(), { timeout: 15_000 }).toBe(200);
    const { field, log } = await openConversation(page, `/contacts/${friend!.userId}`);
    await expect(log.getByText(said)).toBeVisible({ timeout: 15_000 });
    const answer = `This will not arrive ${randomBytes(2).toString("hex")}`;
    await field.fill(answer);
    await field.press("Enter");
    const bubble = log.getByTestId("conversation-send").filter({ hasText: answer });
    await expect(bubble).toHaveAttribute("data-status", "failed", { timeout: 15_000 });
    await expect(bubble).toContainText("Failed");
    await expect(bubble).toContainText("The reply token was invalid, expired or already used.");
    await expect(bubble).toContainText("Invalid reply token");
  });

  test("answers a group with the token of a member's message there", async ({ page, request }) => {
    const members = await someFriends(request, 2);
    const joined = await fakePost<{ events: Array<{ source: { groupId: string } }> }>(request, "/__fake/chats", {
      kind: "group",
      name: `Tea club ${randomBytes(2).toString("hex")}`,
      memberIds: members.map((m) => m.userId),
    });
    const groupId = joined.events[0]!.source.groupId;
    const { text } = await friendWrites(request, members[0]!.userId, { text: "今晚幾點集合？", chatId: groupId });
    const { field, log } = await openConversation(page, `/chats/${groupId}`);
    await expect(log.getByText(text)).toBeVisible({ timeout: 15_000 });
    const answer = `七點在門口見 ${randomBytes(2).toString("hex")}`;
    await field.fill(answer);
    await field.press("Enter");
    await expect(log.getByTestId("conversation-send").filter({ hasText: answer })).toHaveAttribute("data-status", "sent", { timeout: 15_000 });
    await expect.poll(() => received(request, groupId, "reply", answer)).toBe(true);
  });

  test("sends a sticker picked in the composer's sticker editor", async ({ page, request }) => {
    const [friend] = await someFriends(request, 1);
    await friendWrites(request, friend!.userId);
    const { composer, log } = await openConversation(page, `/contacts/${friend!.userId}`);
    await composer.getByRole("button", { name: "Add a sticker" }).click();
    await composer.getByRole("radio", { name: "11537", exact: true }).click();
    await composer.getByTestId("composer-send").click();
    await expect(log.locator('[data-testid="conversation-send"][data-via="reply"][data-status="sent"]')).toBeVisible({ timeout: 15_000 });
    await expect
      .poll(async () => (await inbox(request, friend!.userId)).entries.some((e) => e.kind === "reply" && e.messages.some((m) => m.message.type === "sticker")))
      .toBe(true);
  });

  test("a viewer sees the conversation but no composer", async ({ browser, request, baseURL }) => {
    const [friend] = await someFriends(request, 1);
    await friendWrites(request, friend!.userId);
    const viewer = await createMember(request, "viewer");
    const ctx = await browserAs(browser, viewer, baseURL);
    const page = await ctx.newPage();
    await visit(page, `/contacts/${friend!.userId}`);
    await expect(page.getByRole("log", { name: "Conversation" })).toBeVisible();
    await expect(page.getByTestId("conversation-composer")).toHaveCount(0);
    expect(
      (await viewer.api.post(`/api/contacts/${friend!.userId}/messages`, { data: { messages: [{ type: "text", text: "hi" }], allowPush: true } })).status(),
    ).toBe(403);
    await ctx.close();
    await viewer.api.dispose();
  });

  test("has no serious accessibility problems on a friend's and a group's page with the composer", async ({ page, request }) => {
    // axe over two pages with every editor open: slow on a 2-core machine.
    test.slow();
    const [friend, member] = await someFriends(request, 2);
    await friendWrites(request, friend!.userId);
    const joined = await fakePost<{ events: Array<{ source: { groupId: string } }> }>(request, "/__fake/chats", {
      kind: "group",
      name: "Axe club",
      memberIds: [member!.userId],
    });
    const groupId = joined.events[0]!.source.groupId;
    await friendWrites(request, member!.userId, { chatId: groupId });
    for (const path of [`/contacts/${friend!.userId}`, `/chats/${groupId}`]) {
      await openConversation(page, path);
      await page.getByTestId("conversation-composer").getByRole("button", { name: "Editors" }).click();
      // What this feature draws: the conversation and its composer (with the editors open).
      const results = await new AxeBuilder({ page }).include('[role="log"]').include('[data-testid="conversation-composer"]').analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  });
});

test.describe("loading animation and mark as read", () => {
  test.describe.configure({ mode: "serial" });
  test.afterAll(async ({ request }) => {
    await request.patch("/api/settings/channel/conversation", { data: { loadingAnimation: false, markAsRead: false } });
  });

  test("reach LINE when an admin turns them on in Settings → Channel: read on opening, the animation while typing", async ({ page, request }) => {
    await visit(page, "/settings");
    const card = page.getByRole("region", { name: "Conversations" });
    for (const name of ["Loading animation while typing", "Mark messages as read"]) {
      const toggle = card.getByRole("switch", { name });
      if ((await toggle.getAttribute("aria-checked")) !== "true") await toggle.click();
      await expect(toggle).toHaveAttribute("aria-checked", "true");
    }
    await expect
      .poll(async () => (await (await request.get("/api/settings/channel/conversation")).json()) as unknown)
      .toEqual({ loadingAnimation: true, markAsRead: true });

    const [friend] = await someFriends(request, 1);
    await friendWrites(request, friend!.userId);
    const { messageId } = await friendWrites(request, friend!.userId);
    const screen = () => fakeGet<ChatScreen>(request, `/__fake/friends/${friend!.userId}/chat`);
    expect((await screen()).readUpTo).toBeNull();

    const { field } = await openConversation(page, `/contacts/${friend!.userId}`);
    await expect.poll(async () => (await screen()).readUpTo?.messageId, { timeout: 10_000 }).toBe(messageId);

    await field.pressSequentially("少々お待ちください");
    await expect.poll(async () => (await screen()).loading, { timeout: 10_000 }).not.toBeNull();
    const loading = await lineRequests(request, "/v2/bot/chat/loading/start");
    expect(loading.some((r) => r.body.chatId === friend!.userId && r.body.loadingSeconds === 10)).toBe(true);
    // The answer arriving ends the animation.
    await field.press("Enter");
    await expect.poll(async () => (await screen()).loading, { timeout: 15_000 }).toBeNull();
  });
});
