import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { fakeConfig, fakeGet, fakePost, following, lineRequests, type FakeFriend } from "./fake-line";
import { browserAs, createMember } from "./members";
import { uniqueText } from "./webhook";
import { visit } from "./visit";

// Sending end to end through the console to the fake LINE platform: what the operator builds in the
// composer is what LINE receives, to exactly the people it should.

test.describe.configure({ timeout: 90_000 });

test.describe("composer", () => {
  test("a narrowcast built with nested all/any/none groups reaches exactly the matching friends", async ({ page, request }) => {
    const text = `narrowcast ${uniqueText("han")}`;
    await visit(page, "/messages/new?kind=narrowcast");
    await writeText(page, text);

    // women AND (aged 20–34 OR in Tokyo) AND NOT (on Android)
    const root = page.getByTestId("builder-group").first();
    await addCondition(page, root, "Gender");
    await root.getByRole("group", { name: "Gender" }).getByRole("button", { name: "Women" }).click();
    await root.getByRole("button", { name: "Add group" }).last().click();
    const anyOf = root.getByTestId("builder-group").nth(0);
    await expect(anyOf).toHaveAttribute("data-op", "or");
    await addCondition(page, anyOf, "Age");
    await anyOf.getByRole("combobox", { name: "Youngest age" }).selectOption("age_20");
    await anyOf.getByRole("combobox", { name: "Age limit" }).selectOption("age_35");
    await addCondition(page, anyOf, "Area");
    await anyOf.getByRole("button", { name: "Choose areas" }).click();
    const areas = page.getByRole("dialog", { name: "Areas" });
    await areas.getByRole("textbox", { name: /Search areas/ }).fill("tokyo");
    await areas.getByRole("checkbox", { name: "東京都 Tokyo" }).check();
    await areas.getByRole("button", { name: "Done" }).last().click();
    await root.getByRole("button", { name: "Add group" }).last().click();
    const noneOf = root.getByTestId("builder-group").nth(1);
    await noneOf.getByRole("radio", { name: "None of" }).click();
    await expect(noneOf).toHaveAttribute("data-op", "not");
    await addCondition(page, noneOf, "OS");
    await noneOf.getByRole("button", { name: "Android" }).click();

    await expect(page.getByTestId("targeting-sentence").first()).toHaveText("women, aged 20–34 or in Tokyo, except on Android");
    await expect(page.getByTestId("estimate")).toContainText("reachable friends match");

    await confirmAndSend(page, { tick: true });
    await expect(page.getByTestId("narrowcast-phase")).toHaveAttribute("data-phase", "succeeded", { timeout: 30_000 });
    await expect(page.getByTestId("send-outcome")).toContainText(/Sent: LINE delivered it to [\d,]+ friends/);

    const requestId = (await page.getByTestId("chunk-table").locator("td.font-mono").first().innerText()).trim();
    const sent = await fakeGet<{ deliveredTo: string[] }>(request, `/__fake/sends/${requestId}`);
    const expected = (await following(request))
      .filter(matchesBuiltFilter)
      .map((f) => f.userId)
      .sort();
    expect(expected.length).toBeGreaterThanOrEqual(50);
    expect([...sent.deliveredTo].sort()).toEqual(expected);
    await expect(page.getByTestId("progress-success")).toHaveText(expected.length.toLocaleString("en-US"));
  });

  test("a narrowcast LINE is delivering tells one story: headline, badge, counts and stepper agree", async ({ page, request, baseURL }) => {
    // Slow LINE's phases for this narrowcast only: a job's timing is fixed when LINE accepts it.
    const before = await fakeConfig(request, { narrowcastPhaseMs: 6_000 });
    let id = "";
    try {
      const sent = await request.post("/api/messages/narrowcast", {
        headers: { origin: new URL(baseURL!).origin },
        data: { messages: [{ type: "text", text: `slow narrowcast ${uniqueText("han")}` }], filter: { demographic: { type: "gender", oneOf: ["female"] } } },
      });
      expect(sent.status(), await sent.text()).toBe(202);
      id = ((await sent.json()) as { id: string }).id;
      await expect
        .poll(async () => ((await (await request.get(`/api/messages/${id}`)).json()) as { chunks: Array<{ status: string }> }).chunks[0]?.status, {
          timeout: 30_000,
        })
        .toBe("accepted");
    } finally {
      await fakeConfig(request, { narrowcastPhaseMs: before.narrowcastPhaseMs });
    }
    await visit(page, `/messages/${id}`);
    const outcome = page.getByTestId("send-outcome");
    await expect(outcome).toHaveAttribute("data-stage", "line_sending", { timeout: 20_000 });
    await expect(page.getByTestId("send-status")).toHaveAttribute("data-status", "delivering");
    await expect(page.getByTestId("narrowcast-phase")).toHaveAttribute("data-phase", "sending");
    const target = (await page.getByTestId("progress-target").innerText()).trim();
    await expect(page.getByTestId("send-meta")).toContainText(`to ${target} targeted friends`);
    await expect(outcome).toContainText(`of ${target} targeted friends so far`);
    for (const stale of ["Waiting to be sent", "unknown number"]) await expect(page.getByRole("main")).not.toContainText(stale);
    await expect(outcome).toHaveAttribute("data-stage", "sent", { timeout: 30_000 });
    await expect(page.getByTestId("send-status")).toHaveAttribute("data-status", "sent");
  });

  test("a new condition chooses nothing for the operator, and an empty one says why it blocks sending", async ({ page }) => {
    await visit(page, "/messages/new?kind=narrowcast");
    await writeText(page, `empty condition ${uniqueText("kana")}`);
    const root = page.getByTestId("builder-group").first();
    await addCondition(page, root, "Gender");
    const gender = root.getByRole("group", { name: "Gender" });
    // Nothing pre-selected: neither chip is pressed.
    await expect(gender.getByRole("button", { name: "Women", exact: true })).toHaveAttribute("aria-pressed", "false");
    await expect(gender.getByRole("button", { name: "Men", exact: true })).toHaveAttribute("aria-pressed", "false");
    await expect(gender.getByTestId("condition-problem")).toHaveText("Choose women, men or both. An empty condition is not sent.");
    await expect(gender).toHaveAccessibleDescription(/Choose women, men or both/);
    // It blocks sending: the review says there is a problem, and no confirmation opens.
    await expect(page.getByText("1 field needs fixing")).toBeVisible();
    await page.getByRole("button", { name: "Review and send…" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);

    await gender.getByRole("button", { name: "Women" }).click();
    await expect(gender.getByTestId("condition-problem")).toHaveCount(0);
    await expect(page.getByTestId("targeting-sentence").first()).toHaveText("women");
    // Clicking it again empties it: the problem is back, and the sentence does not pretend otherwise.
    await gender.getByRole("button", { name: "Women" }).click();
    await expect(gender.getByTestId("condition-problem")).toBeVisible();
    await expect(page.getByTestId("targeting-sentence").first()).not.toHaveText("women");
  });

  test("the area search finds what people type: 台北 for 臺北市, Jakarta for Jabodetabek, kana for a prefecture", async ({ page }) => {
    await visit(page, "/messages/new?kind=narrowcast");
    const root = page.getByTestId("builder-group").first();
    await addCondition(page, root, "Area");
    await root.getByRole("button", { name: "Choose areas" }).click();
    const areas = page.getByRole("dialog", { name: "Areas" });
    const search = areas.getByRole("textbox", { name: /Search areas/ });
    for (const [typed, label] of [
      ["台北", "臺北市 Taipei City"],
      ["Jakarta", "Jabodetabek"],
      ["とうきょう", "東京都 Tokyo"],
      ["โตเกียว", "東京都 Tokyo"],
    ] as const) {
      await search.fill(typed);
      await expect(areas.getByRole("checkbox", { name: label }), typed).toBeVisible();
    }
    await search.fill("台北");
    await areas.getByRole("checkbox", { name: "臺北市 Taipei City" }).check();
    await areas.getByRole("button", { name: "Done" }).last().click();
    await expect(page.getByTestId("targeting-sentence").first()).toContainText("Taipei");
  });

  test("a multicast to 1,200 ids goes to LINE as three requests of at most 500, and its duplicate keeps every id", async ({ page, request }) => {
    const text = `multicast ${uniqueText("kana")}`;
    const ids = Array.from({ length: 1200 }, (_, i) => `U${(0xe2e00000 + i).toString(16).padStart(32, "0")}`);
    await visit(page, "/messages/new?kind=multicast");
    await page.locator("#multicast-ids").fill(ids.join("\n"));
    await expect(page.getByTestId("multicast-summary")).toHaveText("1,200 recipients → 3 requests to LINE");
    await writeText(page, text);
    await confirmAndSend(page, { tick: false });
    await expect(page.getByTestId("send-status")).toHaveAttribute("data-status", "sent", { timeout: 30_000 });

    const ours = (await lineRequests(request, "/v2/bot/message/multicast")).filter((r) => JSON.stringify(r.body.messages).includes(text));
    expect(ours.map((r) => (r.body.to as string[]).length).sort()).toEqual([200, 500, 500]);
    expect(new Set(ours.flatMap((r) => r.body.to as string[]))).toEqual(new Set(ids));
    expect(new Set(ours.map((r) => r.headers["x-line-retry-key"])).size).toBe(3);
    await expect(page.getByTestId("chunk-table").locator("tbody tr")).toHaveCount(3);
    const sendId = new URL(page.url()).pathname.split("/").pop();
    // "Request as sent" is the first request as LINE got it (its 500 ids), not the console's own record.
    const asSent = page.getByRole("region", { name: "Request as sent" });
    await expect(asSent).toContainText(`"to": [`);
    await expect(asSent).toContainText(ids[0]!);
    await expect(asSent).not.toContainText("toCount");
    await expect(page.getByText("Request as sent (the first of 3; each carries up to 500 of the user IDs)")).toBeVisible();

    // The history names LINE's request ids next to the send.
    await visit(page, "/messages?kind=multicast");
    const row = page.getByTestId("send-row").filter({ hasText: text });
    await expect(row).toContainText("1,200 recipients");
    await expect(row).toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    // "Duplicate into a new send" brings back every id, in order, not just the messages.
    await visit(page, `/messages/${sendId}`);
    await page.getByRole("link", { name: "Duplicate into a new send" }).click();
    await expect(page.locator("#multicast-ids")).toHaveValue(ids.join("\n"));
    await expect(page.getByTestId("multicast-summary")).toHaveText("1,200 recipients → 3 requests to LINE");
    await expect(page.getByLabel("Text", { exact: true })).toHaveValue(text);
  });

  test("a multicast to a saved segment reaches exactly the segment's friends, and its draft remembers the segment", async ({ page, request }) => {
    const tag = `e2e-${randomBytes(3).toString("hex")}`;
    const name = `Segment ${tag}`;
    const chosen = await tagSomeFriends(request, tag, 3);
    const created = await request.post("/api/segments", { data: { name, filter: { tags: { mode: "any", values: [tag] } } } });
    expect(created.status()).toBe(201);
    const segment = (await created.json()) as { id: string; size: number };
    expect(segment.size).toBe(3);

    await visit(page, "/messages/new?kind=multicast");
    const draftName = `draft ${name}`;
    await page.getByLabel("Draft name").fill(draftName);
    const text = `segment ${uniqueText("kana")}`;
    await writeText(page, text);
    await page.getByRole("radio", { name: "Saved segment" }).click();
    // Neither user IDs nor a segment: the composer says to give one of them.
    await page.getByRole("button", { name: "Review and send…" }).click();
    await expect(page.getByText("Give user IDs or choose a saved segment (one of the two)")).toBeVisible();

    const option = page.getByRole("radio", { name: new RegExp(name) });
    await expect(page.getByTestId("segment-option").filter({ hasText: name })).toContainText("3 friends");
    // The draft is saved on its own a moment after the choice.
    const saved = page.waitForResponse(
      (r) => /\/api\/drafts/.test(r.url()) && r.request().method() !== "GET" && (r.request().postData() ?? "").includes(segment.id),
    );
    await option.check();
    await expect(page.getByTestId("segment-size-now")).toHaveText("3 friends match it now");
    await expect(page.getByText("Give user IDs or choose a saved segment (one of the two)")).toHaveCount(0);
    expect((await saved).ok()).toBe(true);

    // The draft opens on the same segment.
    await visit(page, "/messages/new");
    await page.getByRole("button", { name: "Drafts", exact: true }).click();
    await page.getByRole("dialog", { name: "Drafts" }).getByRole("listitem").filter({ hasText: draftName }).getByRole("link", { name: "Open" }).click();
    await expect(page.getByRole("heading", { name: "Edit draft" })).toBeVisible();
    await expect(page.getByRole("radio", { name: "Saved segment" })).toHaveAttribute("aria-checked", "true");
    await expect(page.getByRole("radio", { name: new RegExp(name) })).toBeChecked();

    await page.getByRole("button", { name: "Review and send…" }).click();
    const dialog = page.getByRole("dialog", { name: "Send this multicast?" });
    await expect(dialog.getByTestId("confirm-audience")).toContainText(`Saved segment “${name}”`);
    await expect(dialog.getByTestId("confirm-audience")).toContainText("Everyone who matches it at the moment it is sent.");
    await expect(dialog.getByTestId("confirm-count")).toHaveText("3");
    await dialog.getByRole("button", { name: "Send multicast" }).click();
    await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    await expect(page.getByTestId("send-status")).toHaveAttribute("data-status", "sent", { timeout: 30_000 });
    await expect(page.getByTestId("send-segment")).toHaveText(`Segment “${name}”`);

    const requestId = (await page.getByTestId("chunk-table").locator("td.font-mono").first().innerText()).trim();
    const sent = await fakeGet<{ deliveredTo: string[] }>(request, `/__fake/sends/${requestId}`);
    expect([...sent.deliveredTo].sort()).toEqual([...chosen].sort());
  });

  test("a limit problem shows next to its field as the operator types", async ({ page }) => {
    await visit(page, "/messages/new?kind=broadcast");
    await page.getByRole("button", { name: "Add message" }).click();
    await page.getByRole("menuitem", { name: "Image", exact: true }).click();
    const url = page.getByLabel("Image URL", { exact: true });
    await expect(url).not.toHaveAttribute("aria-invalid", "true");
    await url.fill("http://example.com/a.png");
    await expect(url).toHaveAttribute("aria-invalid", "true");
    const describedBy = await url.getAttribute("aria-describedby");
    await expect(page.locator(`[id="${describedBy}"]`)).toHaveText("Must be an https:// URL");
    await url.fill("https://example.com/a.png");
    await expect(url).not.toHaveAttribute("aria-invalid", "true");

    const text = page.getByLabel("Text", { exact: true });
    await text.fill("x".repeat(5001));
    await expect(page.getByTestId("char-count").first()).toHaveText("5,001 / 5,000");
    await expect(page.getByText("At most 5,000 characters")).toBeVisible();
  });

  test("messages reorder with Alt+arrow keys, and the preview follows", async ({ page }) => {
    await visit(page, "/messages/new?kind=broadcast");
    await writeText(page, "first");
    await page.getByRole("button", { name: "Add message" }).click();
    await page.getByRole("menuitem", { name: "Location", exact: true }).click();
    await page.getByLabel("Place name").fill("Taipei 101");
    const cards = page.getByTestId("message-card");
    await cards.nth(1).getByRole("button", { name: "Move up" }).focus();
    await page.keyboard.press("Alt+ArrowUp");
    await expect(cards.nth(0)).toHaveAttribute("aria-label", "Message 1: Location");
    await expect(page.getByTestId("preview-message").nth(0)).toContainText("Taipei 101");
    await expect(page.getByTestId("preview-message").nth(1)).toContainText("first");
  });

  test("a push to one friend arrives in their LINE inbox", async ({ page, request }) => {
    const friend = (await following(request))[3]!;
    // They write first, so the console knows them (and fetches their profile, name included).
    await fakePost(request, `/__fake/friends/${friend.userId}/messages`, { type: "text", text: `hello ${uniqueText("han")}` });
    const text = `push ${uniqueText("thai")}`;
    await visit(page, "/messages/new?kind=push");
    await page.getByRole("combobox", { name: "Recipient" }).fill(friend.userId);
    await page.getByRole("option").first().click();
    await expect(page.getByTestId("push-target")).toContainText(friend.userId);
    await writeText(page, text);
    await confirmAndSend(page, { tick: false });
    await expect(page.getByTestId("send-status")).toHaveAttribute("data-status", "sent", { timeout: 30_000 });

    const inbox = await fakeGet<{ entries: Array<{ kind: string; messages: Array<{ message: { text?: string } }> }> }>(
      request,
      `/__fake/inbox/${friend.userId}?kind=push`,
    );
    expect(inbox.entries.some((e) => e.messages[0]?.message.text === text)).toBe(true);

    // "Duplicate into a new send" opens the composer with the same recipient (named, not "User") and messages.
    let name: string | null = null;
    await expect
      .poll(
        async () => (name = ((await (await request.get(`/api/contacts/${friend.userId}`)).json()) as { displayName?: string | null }).displayName ?? null),
        { timeout: 30_000 },
      )
      .not.toBeNull();
    await page.getByRole("link", { name: "Duplicate into a new send" }).click();
    await expect(page.getByLabel("Text", { exact: true })).toHaveValue(text);
    await expect(page.getByTestId("push-target")).toContainText(friend.userId);
    await expect(page.getByTestId("push-target")).toContainText(name!);
    await expect(page.getByTestId("push-standing")).toHaveCount(0);
  });

  test("a push to an ID nobody has seen says LINE accepts it but will not deliver it; a malformed ID says what is wrong", async ({ page }) => {
    await visit(page, "/messages/new?kind=push");
    const box = page.getByRole("combobox", { name: "Recipient" });
    await box.fill(`U${"a".repeat(31)}`);
    await expect(page.getByTestId("push-id-problem")).toHaveText("This has 31 characters after the first letter; a LINE ID has 32.");
    await box.fill(`U${"A".repeat(32)}`);
    await expect(page.getByTestId("push-id-problem")).toHaveText("LINE IDs use lower-case letters a–f: this one has capitals.");
    await box.fill(`u${"a".repeat(32)}`);
    await expect(page.getByTestId("push-id-problem")).toContainText("starts with a capital U");

    const stranger = `U${randomBytes(16).toString("hex")}`;
    await box.fill(stranger);
    await page.getByRole("option").first().click();
    await expect(page.getByTestId("push-standing")).toHaveAttribute("data-standing", "unknownId");
    await expect(page.getByTestId("push-standing")).toContainText("never seen this ID");
    await writeText(page, `to nobody ${uniqueText("kana")}`);
    await confirmAndSend(page, { tick: false });
    await expect(page.getByTestId("send-status")).toHaveAttribute("data-status", "sent", { timeout: 30_000 });
    // LINE said 200; the page does not leave it at "Sent: LINE accepted every request".
    await expect(page.getByTestId("send-outcome")).toContainText("LINE accepted it, but it most likely reached nobody.");
    await expect(page.getByTestId("send-outcome").getByTestId("push-standing")).toContainText("never seen this ID");
  });

  test("a named draft saves itself and opens again from the drafts list", async ({ page }) => {
    const name = `draft ${uniqueText("kana")}`;
    const text = `draft text ${uniqueText("han")}`;
    await visit(page, "/messages/new?kind=broadcast");
    await page.getByLabel("Draft name").fill(name);
    await writeText(page, text);
    await expect(page.getByTestId("save-status")).toHaveText("Draft saved");

    await visit(page, "/messages/new");
    await page.getByRole("button", { name: "Drafts", exact: true }).click();
    const drafts = page.getByRole("dialog", { name: "Drafts" });
    await drafts.getByRole("listitem").filter({ hasText: name }).getByRole("link", { name: "Open" }).click();
    await expect(page.getByRole("heading", { name: "Edit draft" })).toBeVisible();
    await expect(page.getByLabel("Text", { exact: true })).toHaveValue(text);
    await expect(page.getByRole("radio", { name: /Broadcast/ })).toHaveAttribute("aria-checked", "true");
  });

  test("composing twice leaves one working draft, and a new composer offers to continue it", async ({ browser, request, baseURL }) => {
    // A member of its own: the suite's admin composes in parallel tests, replacing their working draft.
    const member = await createMember(request, "operator");
    const context = await browserAs(browser, member, baseURL);
    const page = await context.newPage();
    try {
      const first = `first ${uniqueText("kana")}`;
      await visit(page, "/messages/new?kind=push");
      await writeText(page, first);
      await expect(page.getByTestId("save-status")).toHaveText("Draft saved");

      await visit(page, "/messages/new?kind=broadcast");
      const banner = page.getByTestId("working-draft");
      await expect(banner).toContainText(first);
      await expect(banner).toContainText("You left a Push unsent");
      const second = `second ${uniqueText("kana")}`;
      await writeText(page, second);
      await expect(page.getByTestId("save-status")).toHaveText("Draft saved");
      await expect(banner).toHaveCount(0);

      const { items } = (await (await member.api.get("/api/drafts")).json()) as {
        items: Array<{ working: boolean; authorLabel: string; body: { messages: Array<{ text: string }> } }>;
      };
      const mine = items.filter((d) => d.authorLabel === member.name);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ working: true, body: { messages: [{ text: second }] } });

      await visit(page, "/messages/new");
      await expect(banner).toContainText(second);
      await banner.getByRole("link", { name: "Continue it" }).click();
      await expect(page.getByLabel("Text", { exact: true })).toHaveValue(second);
      await expect(page.getByRole("radio", { name: /Broadcast/ })).toHaveAttribute("aria-checked", "true");
    } finally {
      await context.close();
      await member.api.dispose();
    }
  });

  test("a broadcast needs an explicit confirmation, says how many it reaches and reaches LINE once", async ({ page, request }) => {
    const text = `broadcast ${uniqueText("han")}`;
    await visit(page, "/messages/new?kind=broadcast");
    await writeText(page, text);
    // Who a broadcast reaches is every friend who has not blocked: the fake's own count of them, not
    // LINE's targeted reach (the friends it has demographics for, far fewer).
    const reachable = (await fakeGet<{ total: number }>(request, "/__fake/friends?status=following&limit=0")).total;
    const { followers } = (await (await request.get("/api/messages/quota")).json()) as { followers: { targetedReaches: number } };
    expect(followers.targetedReaches).toBeLessThan(reachable - 100);
    await expect(page.getByTestId("broadcast-reach")).toContainText(/About [\d,]+ friends will receive it/);
    await page.getByRole("button", { name: "Review and send…" }).click();
    const dialog = page.getByRole("dialog", { name: "Broadcast to all friends?" });
    const figure = dialog.getByTestId("confirm-count").locator("span").first();
    await expect(figure).toHaveText(/^[\d,]+$/);
    const estimate = Number((await figure.innerText()).replace(/,/g, ""));
    // Close to the fake's own count, not equal: LINE's figures are for yesterday (JST) and the fake's world
    // has friends who joined since then without a follow webhook the console could count (about 20 a day,
    // so the gap grows through the JST day); other tests make friends follow and block meanwhile.
    const reachableAfter = (await fakeGet<{ total: number }>(request, "/__fake/friends?status=following&limit=0")).total;
    const slack = Math.ceil(reachable * 0.02);
    expect(estimate).toBeGreaterThanOrEqual(Math.min(reachable, reachableAfter) - slack);
    expect(estimate).toBeLessThanOrEqual(Math.max(reachable, reachableAfter) + slack);
    await expect(dialog.getByTestId("confirm-basis")).toContainText("LINE's follower figures");
    const send = dialog.getByRole("button", { name: "Broadcast now" });
    await expect(send).toBeDisabled();
    await dialog.getByRole("checkbox").check();
    await send.dblclick();
    await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("send-status")).toHaveAttribute("data-status", "sent", { timeout: 30_000 });
    // The finished broadcast says whom it went to, as an estimate, never "an unknown number".
    await expect(page.getByTestId("send-meta")).toContainText(/to about [\d,]+ friends \(estimated when sent/);

    const ours = (await lineRequests(request, "/v2/bot/message/broadcast")).filter((r) => JSON.stringify(r.body).includes(text));
    expect(ours.filter((r) => r.status === 200)).toHaveLength(1);
    await visit(page, "/messages?kind=broadcast");
    await expect(page.getByTestId("send-row").filter({ hasText: text })).toHaveCount(1);
  });

  test("replying to a message within LINE's minute sends the reply with its token", async ({ page, request }) => {
    const friend = (await following(request))[7]!;
    const said = `reply me ${uniqueText("kana")}`;
    await fakePost(request, `/__fake/friends/${friend.userId}/messages`, { type: "text", text: said });
    let eventId = "";
    await expect
      .poll(async () => {
        const { items } = await (await request.get(`/api/events?q=${encodeURIComponent(said)}`)).json();
        eventId = items[0]?.id ?? "";
        return eventId;
      })
      .not.toBe("");

    await visit(page, `/events/${eventId}`);
    await page.getByTestId("reply-button").click();
    const dialog = page.getByRole("dialog", { name: "Reply" });
    await expect(dialog).toContainText(/seconds? left to reply/);
    const answer = `answer ${uniqueText("kana")}`;
    await dialog.getByLabel("Text", { exact: true }).fill(answer);
    await dialog.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByText("Replied.")).toBeVisible();

    await expect
      .poll(async () => {
        const inbox = await fakeGet<{ entries: Array<{ kind: string; messages: Array<{ message: { text?: string } }> }> }>(
          request,
          `/__fake/inbox/${friend.userId}?kind=reply`,
        );
        return inbox.entries.some((e) => e.messages[0]?.message.text === answer);
      })
      .toBe(true);
  });
});

async function writeText(page: Page, text: string) {
  await page.getByLabel("Text", { exact: true }).first().fill(text);
}

async function addCondition(page: Page, group: ReturnType<Page["getByTestId"]>, kind: string) {
  await group.getByRole("button", { name: "Add condition" }).last().click();
  await page.getByRole("menuitem", { name: kind, exact: true }).click();
}

async function confirmAndSend(page: Page, { tick }: { tick: boolean }) {
  await page.getByRole("button", { name: "Review and send…" }).click();
  const dialog = page.getByRole("dialog");
  if (tick) await dialog.getByRole("checkbox").check();
  await dialog.getByRole("button", { name: /^(Send|Broadcast)/ }).click();
  // Storing the send waits its turn on the embedded database behind the background jobs: on a loaded
  // machine that has taken over 5 s.
  await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/, { timeout: 20_000 });
}

/** Give a few of the console's friends (the follower sync brings LINE's in at start-up) a tag of this test's own. */
async function tagSomeFriends(request: APIRequestContext, tag: string, n: number): Promise<string[]> {
  let ids: string[] = [];
  await expect
    .poll(
      async () => {
        const { items } = (await (await request.get("/api/contacts?status=friend&limit=200")).json()) as { items: Array<{ userId: string }> };
        ids = items.map((f) => f.userId);
        return ids.length;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(100);
  const offset = randomBytes(1)[0]! % (ids.length - n);
  const chosen = ids.slice(offset, offset + n);
  const res = await request.post("/api/contacts/tags", { data: { userIds: chosen, add: [tag] } });
  expect(res.ok()).toBe(true);
  return chosen;
}

// women AND (aged 20–34 OR in Tokyo) AND NOT (Android), with LINE's rule that an unknown attribute
// never matches (not even under NOT) and that Thai minors are never targeted by attributes.
function matchesBuiltFilter(f: FakeFriend): boolean {
  if (f.thaiMinor) return false;
  const women = f.gender === null ? null : f.gender === "female";
  const age = f.age === null ? null : f.age >= 20 && f.age < 35;
  const tokyo = f.area === null ? null : f.area === "jp_13";
  const anyOf = age === true || tokyo === true ? true : age === null || tokyo === null ? null : false;
  const notAndroid = f.appType !== "android";
  return women === true && anyOf === true && notAndroid;
}
