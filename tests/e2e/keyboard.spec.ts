import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { fakeGet, fakePost, following } from "./fake-line";
import { press, tabTo } from "./keyboard";
import { postWebhook, textEvent, uniqueText } from "./webhook";
import { visit } from "./visit";

// Each main flow with the keyboard alone: after visit() every step is a key press (Tab, Shift+Tab, Enter,
// Space, arrows, Escape, typing), and every control focus lands on must be on screen and show its focus.
// Requests only prepare data and check what happened.

test.describe.configure({ timeout: 90_000 });

test.describe("keyboard walk", () => {
  test("composes a push to a friend and sends it", async ({ page, request }) => {
    const friend = (await following(request))[5]!;
    // They write first, so the console knows them and the recipient search finds them.
    await fakePost(request, `/__fake/friends/${friend.userId}/messages`, { type: "text", text: `hello ${uniqueText("han")}` });
    const text = `keyboard push ${uniqueText("kana")}`;
    await visit(page, "/messages/new?kind=push");

    const recipient = page.getByRole("combobox", { name: "Recipient" });
    await tabTo(page, recipient, { max: 60 });
    await page.keyboard.type(friend.userId);
    await expect(page.getByRole("listbox").getByRole("option").first()).toBeVisible();
    await press(page, "ArrowDown");
    await press(page, "ArrowUp");
    await expect(page.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
    await press(page, "Enter");
    await expect(page.getByTestId("push-target")).toContainText(friend.userId);

    await tabTo(page, page.getByLabel("Text", { exact: true }).first());
    await page.keyboard.type(text);
    await tabTo(page, page.getByRole("button", { name: "Review and send…" }), { max: 60 });
    await press(page, "Enter");
    const dialog = page.getByRole("dialog");
    await tabTo(page, dialog.getByRole("button", { name: /^Send/ }), { max: 10 });
    // Sending opens the send's own page: focus starts again at its top.
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    await expect(page.getByTestId("send-status")).toHaveAttribute("data-status", "sent", { timeout: 30_000 });

    const inbox = await fakeGet<{ entries: Array<{ messages: Array<{ message: { text?: string } }> }> }>(request, `/__fake/inbox/${friend.userId}?kind=push`);
    expect(inbox.entries.some((e) => e.messages[0]?.message.text === text)).toBe(true);
  });

  test("filters the timeline by type and text, opens an event and closes it back onto its row", async ({ page, request }) => {
    const word = uniqueText("thai");
    const text = `keyboard ${word}`;
    await postWebhook(request, [textEvent(text), textEvent(`keyboard other ${uniqueText("thai")}`)]);
    await visit(page, "/events");

    await tabTo(page, page.getByRole("searchbox", { name: "Search event text" }), { max: 60 });
    await page.keyboard.type(word);
    await tabTo(page, page.getByRole("combobox", { name: "Event type" }));
    // A closed native select takes type-ahead: the first option starting with these letters.
    await page.keyboard.type("Message");
    await expect(page).toHaveURL(/type=message/);
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(word)}`));
    const rows = page.getByRole("article");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(text);

    const row = rows.first().getByRole("link");
    await tabTo(page, row);
    await press(page, "Enter");
    const sheet = page.getByRole("dialog");
    await expect(sheet).toBeVisible();
    await expect(page).toHaveURL(/[?&]event=\d+/);
    await page.keyboard.press("Escape");
    await expect(sheet).toHaveCount(0);
    await expect(page).not.toHaveURL(/[?&]event=/);
    await expect(row).toBeFocused();
  });

  test("tags two friends from the list", async ({ page, request }) => {
    const tag = `kb-${randomBytes(3).toString("hex")}`;
    await visit(page, "/contacts?status=friend");
    const rows = page.locator("tr[data-user-id]");
    await expect(rows.nth(3)).toBeVisible({ timeout: 30_000 });
    const chosen = [(await rows.nth(0).getAttribute("data-user-id"))!, (await rows.nth(1).getAttribute("data-user-id"))!];

    await tabTo(page, rows.nth(0).getByRole("checkbox"), { max: 60 });
    await press(page, "Space");
    await tabTo(page, rows.nth(1).getByRole("checkbox"), { max: 5 });
    await press(page, "Space");
    await expect(page.getByRole("region", { name: "Selected friends" })).toContainText("2 selected");
    // The selection's actions come before the rows, so they are a few Shift+Tabs away, not a whole list of Tabs.
    await tabTo(page, page.getByRole("button", { name: "Add tag" }), { max: 10, backward: true });
    await press(page, "Enter");
    const dialog = page.getByRole("dialog");
    const input = dialog.getByRole("combobox", { name: "Tags" });
    await expect(input).toBeFocused();
    await page.keyboard.type(tag);
    await press(page, "Enter");
    await expect(dialog.getByRole("button", { name: `Remove ${tag}` })).toBeVisible();
    await tabTo(page, dialog.getByRole("button", { name: "Add to 2 friends" }), { max: 5 });
    await press(page, "Enter");
    await expect(page.getByText(`Tagged: ${tag}`, { exact: true })).toBeVisible({ timeout: 15_000 });

    for (const userId of chosen) {
      const friend = (await (await request.get(`/api/contacts/${userId}`)).json()) as { tags: string[] };
      expect(friend.tags).toContain(tag);
    }
  });

  test("adds a tag on a friend's page: an empty submit keeps focus in the field and says why", async ({ page, request }) => {
    const tag = `kb-${randomBytes(3).toString("hex")}`;
    const { items } = (await (await request.get("/api/contacts?status=friend&limit=1")).json()) as { items: Array<{ userId: string }> };
    const userId = items[0]!.userId;
    await visit(page, `/contacts/${userId}`);
    const add = page.getByRole("button", { name: "Add tag" });
    await tabTo(page, add, { max: 60 });
    await press(page, "Enter");
    const input = page.getByRole("combobox", { name: "New tags" });
    await expect(input).toBeFocused();
    // Enter in the empty field submits: nothing to add, so the field says so and keeps focus.
    await press(page, "Enter");
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await expect(input).toHaveAccessibleDescription("This is required.");
    await expect(input).toBeFocused();
    await page.keyboard.type(tag);
    await press(page, "Enter");
    await press(page, "Enter");
    await expect(add).toBeFocused();
    await expect(page.getByRole("button", { name: `Remove tag ${tag}` })).toBeVisible();
    const friend = (await (await request.get(`/api/contacts/${userId}`)).json()) as { tags: string[] };
    expect(friend.tags).toContain(tag);
  });

  test("invites a member", async ({ page }) => {
    const email = `kb-${randomBytes(3).toString("hex")}@example.com`;
    await visit(page, "/settings/members");
    await tabTo(page, page.getByRole("button", { name: "Invite member" }), { max: 60 });
    await press(page, "Enter");
    const dialog = page.getByRole("dialog", { name: "Invite a member" });
    await expect(dialog.getByLabel("Email address")).toBeFocused();
    await page.keyboard.type(email);
    // The role radios are one Tab stop; arrows choose among them.
    await tabTo(page, dialog.getByRole("radio", { name: /Operator/ }), { max: 3 });
    await press(page, "ArrowDown");
    await expect(dialog.getByRole("radio", { name: /Admin/ })).toBeChecked();
    await press(page, "ArrowUp");
    await press(page, "ArrowUp");
    await expect(dialog.getByRole("radio", { name: /Viewer/ })).toBeChecked();
    await tabTo(page, dialog.getByRole("button", { name: "Create invitation" }), { max: 5 });
    await press(page, "Enter");
    await expect(dialog.getByTestId("invitation-link")).toBeVisible();
    await tabTo(page, dialog.getByRole("button", { name: "Done" }), { max: 5 });
    await press(page, "Enter");
    await expect(dialog).toHaveCount(0);
    await expect(page.locator(`[data-invitation="${email}"]`)).toContainText("Pending");
    await expect(page.locator(`[data-invitation="${email}"]`)).toContainText("Viewer");
  });
});
