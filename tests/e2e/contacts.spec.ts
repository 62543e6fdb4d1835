import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { visit } from "./visit";

// Friends, conversations, segments and media against the fake LINE platform the config starts behind
// the app (E2E_FAKE_URL): fake users act through its control API, and its inboxes say who received what.

const FAKE = process.env.E2E_FAKE_URL ?? "";
test.skip(!FAKE, "needs the fake LINE platform (E2E_FAKE_URL)");

type FakeUser = { userId: string; displayName: string; status: string };

async function fake<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(FAKE + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as T;
}

/** Fake friends no other test uses: picked by a random offset into the 280-odd following users. */
async function someFriends(n: number): Promise<FakeUser[]> {
  const offset = randomBytes(2).readUInt16BE() % 200;
  return (await fake<{ users: FakeUser[] }>("GET", `/__fake/friends?status=following&limit=${n}&offset=${offset}`)).users;
}

/** Until the console has stored an event of this user (webhooks from the fake take a moment). */
async function waitForEvent(request: APIRequestContext, query: string) {
  await expect
    .poll(async () => ((await (await request.get(`/api/events?limit=1&${query}`)).json()) as { items: unknown[] }).items.length, { timeout: 15_000 })
    .toBe(1);
}

async function waitForSend(request: APIRequestContext, id: string) {
  await expect.poll(async () => ((await (await request.get(`/api/messages/${id}`)).json()) as { status: string }).status, { timeout: 20_000 }).toBe("sent");
  return (await (await request.get(`/api/messages/${id}`)).json()) as { chunks: Array<{ lineRequestId: string | null; acceptedRequestId: string | null }> };
}

test.describe("friends and conversations", () => {
  test("opens a friend from a timeline row and shows both sides, including a multicast they received", async ({ page, request }) => {
    const [friend, other] = await someFriends(2);
    const text = `予約の変更 ${randomBytes(3).toString("hex")}`;
    await fake("POST", `/__fake/friends/${friend!.userId}/messages`, { type: "text", text });
    const promo = `🌸 Spring sale ${randomBytes(3).toString("hex")}`;
    const sent = await request.post("/api/messages/multicast", { data: { to: [friend!.userId, other!.userId], messages: [{ type: "text", text: promo }] } });
    expect(sent.status()).toBe(202);
    await waitForEvent(request, `userId=${friend!.userId}&q=${encodeURIComponent(text)}`);

    await visit(page, `/events?userId=${friend!.userId}`);
    const row = page.getByRole("article").filter({ hasText: text });
    await expect(row).toBeVisible({ timeout: 15_000 });
    await row.click();
    await page.getByRole("link", { name: "Friend page" }).first().click();
    await expect(page).toHaveURL(new RegExp(`/contacts/${friend!.userId}$`));

    const log = page.getByRole("log", { name: "Conversation" });
    await expect(log.getByText(text)).toBeVisible();
    const multicast = log.locator('[data-via="multicast"]').filter({ hasText: promo });
    await expect(multicast).toBeVisible();
    await expect(multicast.getByText("Multicast to 2 friends")).toBeVisible();
    // The profile arrived from LINE.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(friend!.displayName, { timeout: 15_000 });
  });

  test("names the sender in the timeline row and the event's detail once their profile is in", async ({ page, request }) => {
    const [friend] = await someFriends(1);
    const text = `name ${randomBytes(3).toString("hex")}`;
    await fake("POST", `/__fake/friends/${friend!.userId}/messages`, { type: "text", text });
    await waitForEvent(request, `userId=${friend!.userId}&q=${encodeURIComponent(text)}`);
    // A profile job asks LINE for it in the background.
    await expect
      .poll(async () => ((await (await request.get(`/api/contacts/${friend!.userId}`)).json()) as { displayName?: string | null }).displayName ?? null, {
        timeout: 15_000,
      })
      .toBe(friend!.displayName);

    await visit(page, `/events?q=${encodeURIComponent(text)}`);
    const row = page.getByRole("article").filter({ hasText: text });
    await expect(row.getByTestId("event-source")).toHaveText(friend!.displayName);
    await row.click();
    await expect(page.getByRole("dialog").getByTestId("userId-name")).toHaveText(friend!.displayName);
  });

  test("an event's detail seen before the sender's profile arrived shows their name when opened again", async ({ page, request }) => {
    // A user who blocked the account: LINE gives no profile for them, so the console has no name yet.
    const blocked = (await fake<{ users: FakeUser[] }>("GET", "/__fake/friends?status=blocked&limit=100")).users;
    const user = blocked[randomBytes(1)[0]! % blocked.length];
    // Their profile will come, but slowly: the detail is first seen without it.
    await fake("POST", "/__fake/faults", { path: `/v2/bot/profile/${user!.userId}`, kind: "slow", delayMs: 4000 });
    await fake("POST", `/__fake/friends/${user!.userId}/unblock`);
    await waitForEvent(request, `userId=${user!.userId}&type=follow`);

    await visit(page, `/events?userId=${user!.userId}&type=follow`);
    const row = page.getByRole("article").first();
    await row.click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByText(user!.userId, { exact: true })).toBeVisible();
    await expect(dialog.getByTestId("userId-name")).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    await expect
      .poll(async () => ((await (await request.get(`/api/contacts/${user!.userId}`)).json()) as { displayName?: string | null }).displayName ?? null, {
        timeout: 15_000,
      })
      .toBe(user!.displayName);
    await row.click();
    await expect(dialog.getByTestId("userId-name")).toHaveText(user!.displayName);
    // The row it was opened from shows the name too.
    await expect(row.getByTestId("event-source")).toHaveText(user!.displayName);
  });

  test("the command palette finds a friend by name and opens their page", async ({ page, request }) => {
    const [friend] = await someFriends(1);
    await fake("POST", `/__fake/friends/${friend!.userId}/messages`, { type: "text", text: `palette ${randomBytes(3).toString("hex")}` });
    await expect
      .poll(async () => ((await (await request.get(`/api/contacts/${friend!.userId}`)).json()) as { displayName?: string | null }).displayName ?? null, {
        timeout: 15_000,
      })
      .toBe(friend!.displayName);
    await visit(page, "/");
    await page.keyboard.press("Control+k");
    const palette = page.getByRole("dialog", { name: "Command palette" });
    await palette.getByRole("combobox").fill(friend!.displayName);
    const people = palette.getByRole("group", { name: "Friends, groups and rooms" });
    const option = people.getByRole("option").filter({ hasText: `${friend!.userId.slice(0, 5)}…${friend!.userId.slice(-4)}` });
    await expect(option).toContainText(friend!.displayName);
    await option.click();
    await expect(page).toHaveURL(new RegExp(`/contacts/${friend!.userId}$`));
  });

  test("filters the timeline by a friend's name, picked from the matches, and names them in the filter chip", async ({ page, request }) => {
    const [friend] = await someFriends(1);
    const text = `by name ${randomBytes(3).toString("hex")}`;
    await fake("POST", `/__fake/friends/${friend!.userId}/messages`, { type: "text", text });
    await waitForEvent(request, `userId=${friend!.userId}&q=${encodeURIComponent(text)}`);
    // Their profile (and so their name) comes from LINE in the background.
    await expect
      .poll(async () => ((await (await request.get(`/api/contacts/${friend!.userId}`)).json()) as { displayName?: string | null }).displayName ?? null, {
        timeout: 15_000,
      })
      .toBe(friend!.displayName);

    await visit(page, "/events");
    const sender = page.getByRole("combobox", { name: "Sender: name or ID" });
    await sender.fill(friend!.displayName);
    const shortId = `${friend!.userId.slice(0, 5)}…${friend!.userId.slice(-4)}`;
    const option = page.getByRole("listbox", { name: "Friends and groups by that name" }).getByRole("option").filter({ hasText: shortId });
    await expect(option).toContainText(friend!.displayName);
    await option.click();

    await expect(page).toHaveURL(new RegExp(`userId=${friend!.userId}`));
    await expect(sender).toHaveValue("");
    const rows = page.getByRole("article");
    await expect(rows.filter({ hasText: text })).toBeVisible();
    for (const source of await rows.getByTestId("event-source").allTextContents()) expect(source).toBe(friend!.displayName);
    await expect(page.getByRole("list", { name: "Active filters" })).toContainText(friend!.displayName);

    // A name nobody has: said so, and nothing changes.
    await sender.fill(`nobody ${randomBytes(3).toString("hex")}`);
    await expect(page.getByRole("listbox")).toContainText("No friend or group by that name");
    await sender.press("Enter");
    await expect(sender).toHaveValue(/^nobody /);
    await expect(page).toHaveURL(new RegExp(`userId=${friend!.userId}`));
  });

  test("tags friends in bulk, saves a segment, and a multicast to it reaches exactly those friends", async ({ page, request }) => {
    // Four pages, a dialog on each of two, and a send: 22-26 s alone on a 2-core machine, and past the
    // default 30 s in a full CI run (every step slower, none stuck). The steps keep their own waits.
    test.slow();
    const tag = `e2e-${randomBytes(3).toString("hex")}`;
    await visit(page, "/contacts?status=friend");
    // The follower sync has brought LINE's friends in (it runs when the server starts).
    await expect(page.locator("tr[data-user-id]").nth(20)).toBeVisible({ timeout: 30_000 });
    const offset = randomBytes(1)[0]! % 15;
    const rows = page.locator("tr[data-user-id]");
    const chosen: string[] = [];
    for (let i = offset; i < offset + 3; i++) {
      chosen.push((await rows.nth(i).getAttribute("data-user-id"))!);
      await rows.nth(i).getByRole("checkbox").check();
    }
    await expect(page.getByRole("region", { name: "Selected friends" })).toContainText("3 selected");
    await page.getByRole("button", { name: "Add tag" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("combobox", { name: "Tags" }).fill(tag);
    await dialog.getByRole("combobox", { name: "Tags" }).press("Enter");
    await dialog.getByRole("button", { name: "Add to 3 friends" }).click();
    // The answer takes well under a second, but on a loaded CI machine (the demo console starting beside
    // this test) the page has shown the toast 5.5 s after the click.
    await expect(page.getByText(`Tagged: ${tag}`, { exact: true })).toBeVisible({ timeout: 15_000 });

    await visit(page, `/contacts?status=friend&tag=${tag}`);
    await expect(page.locator("tr[data-user-id]")).toHaveCount(3);
    await page.getByRole("button", { name: "Save as segment" }).click();
    await page.getByRole("dialog").getByRole("textbox", { name: "Name" }).fill(`Segment ${tag}`);
    await page.getByRole("dialog").getByRole("button", { name: "Save segment" }).click();
    await expect(page).toHaveURL(/\/segments\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("segment-size")).toContainText("3");
    const segmentId = page.url().split("/").at(-1)!;

    const res = await request.post("/api/messages/multicast", { data: { segmentId, messages: [{ type: "text", text: `Hello ${tag}` }] } });
    expect(res.status()).toBe(202);
    const send = await waitForSend(request, ((await res.json()) as { id: string }).id);
    const record = await fake<{ deliveredTo: string[] }>("GET", `/__fake/sends/${send.chunks[0]!.acceptedRequestId ?? send.chunks[0]!.lineRequestId}`);
    expect(record.deliveredTo.sort()).toEqual(chosen.sort());
  });

  test("a segment made on its form is saved and the form closes onto the list that shows it", async ({ page }) => {
    const name = `Form segment ${randomBytes(3).toString("hex")}`;
    await visit(page, "/segments/new");
    await page.getByRole("textbox", { name: "Name" }).fill(name);
    await page.getByRole("button", { name: "Create segment" }).first().click();
    await expect(page).toHaveURL(/\/segments$/);
    await expect(page.getByText(`Segment “${name}” saved`, { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name })).toBeVisible();
  });

  test("shows an image a friend sent as a thumbnail, in the timeline and the conversation", async ({ page, request }) => {
    const [friend] = await someFriends(1);
    const { events } = await fake<{ events: Array<{ message: { id: string } }> }>("POST", `/__fake/friends/${friend!.userId}/messages`, { type: "image" });
    const messageId = events[0]!.message.id;
    await waitForEvent(request, `userId=${friend!.userId}&messageType=image`);

    await visit(page, `/events?userId=${friend!.userId}&messageType=image`);
    const thumb = page.locator(`img[src^="/api/media/${messageId}/preview"]`).first();
    await expect(thumb).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 20_000 }).toBeGreaterThan(0);

    await visit(page, `/contacts/${friend!.userId}`);
    const bubble = page.getByRole("log", { name: "Conversation" }).locator(`img[src^="/api/media/${messageId}/preview"]`);
    await expect.poll(() => bubble.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 20_000 }).toBeGreaterThan(0);
    await bubble.click();
    const full = page.getByRole("dialog").locator(`img[src="/api/media/${messageId}"]`);
    await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 }).toBe(640);
  });
});
