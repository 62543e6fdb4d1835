import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { fakePost } from "./fake-line";
import { visit } from "./visit";

// Scheduling from the composer and the list of scheduled sends, against the console's schedules API and
// the fake LINE platform. The browser runs in Asia/Taipei (playwright.config.ts).

const TAIPEI = "Asia/Taipei";

/** YYYY-MM-DD of the day `days` from now, in Taipei. */
function taipeiDay(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TAIPEI, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

async function newFriend(request: APIRequestContext): Promise<string> {
  const { events } = await fakePost<{ events: Array<{ source: { userId: string } }> }>(request, "/__fake/friends");
  return events[0]!.source.userId;
}

/** A schedule made through the API, as a script would. */
async function scheduleByApi(request: APIRequestContext, text: string, runAt: string) {
  const to = await newFriend(request);
  const res = await request.post("/api/schedules", {
    data: { kind: "push", request: { to, messages: [{ type: "text", text }] }, runAt, timeZone: TAIPEI, title: text },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { schedule: { id: string; version: number } }).schedule;
}

async function chooseTime(page: Page, date: string, time: string) {
  const card = page.getByTestId("when-card");
  await card.getByRole("radio", { name: "Schedule" }).click();
  await card.getByLabel("Your time zone").selectOption(TAIPEI);
  await card.getByLabel("Date", { exact: true }).fill(date);
  await card.getByLabel("Time", { exact: true }).fill(time);
  return card;
}

test.describe("scheduling from the composer", () => {
  test("schedules a push for tomorrow morning, shows it in Taipei, Tokyo and Bangkok, and lists it", async ({ page, request }) => {
    const to = await newFriend(request);
    const text = `Tomorrow's menu ${randomBytes(2).toString("hex")}`;
    await visit(page, `/messages/new?kind=push&to=${to}`);
    await page.getByLabel("Text", { exact: true }).first().fill(text);
    const tomorrow = taipeiDay(1);
    const card = await chooseTime(page, tomorrow, "09:30");
    const zones = card.getByTestId("zone-times");
    await expect(zones.locator("li")).toHaveCount(3);
    await expect(zones.locator('[data-zone="Asia/Taipei"]')).toContainText("09:30");
    await expect(zones.locator('[data-zone="Asia/Tokyo"]')).toContainText("10:30");
    await expect(zones.locator('[data-zone="Asia/Bangkok"]')).toContainText("08:30");

    await page.getByRole("button", { name: "Review and schedule…" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading")).toContainText(/^Schedule for .*09:30 GMT\+8\?$/);
    await dialog.getByRole("button", { name: "Schedule", exact: true }).click();
    await page.waitForURL(/\/messages\/scheduled$/);
    const row = page.getByTestId("schedule-row").filter({ hasText: text });
    await expect(row).toBeVisible();
    await expect(row.getByTestId("schedule-status")).toHaveAttribute("data-status", "scheduled");

    const { items } = (await (await request.get("/api/schedules?status=upcoming")).json()) as {
      items: Array<{ title: string; runAt: string; timeZone: string; request: { to: string } }>;
    };
    const made = items.find((s) => s.request?.to === to)!;
    expect(new Date(made.runAt).toISOString()).toBe(new Date(`${tomorrow}T09:30:00+08:00`).toISOString());
    expect(made.timeZone).toBe(TAIPEI);
  });

  test("warns (without blocking) about a time in friends' quiet hours", async ({ page, request }) => {
    await visit(page, `/messages/new?kind=push&to=${await newFriend(request)}`);
    await page.getByLabel("Text", { exact: true }).first().fill("Late-night sale");
    await chooseTime(page, taipeiDay(2), "23:30");
    await expect(page.getByTestId("schedule-warnings")).toContainText("during quiet hours (22:00–08:00)");
    await page.getByRole("button", { name: "Review and schedule…" }).click();
    await expect(page.getByRole("dialog").getByRole("button", { name: "Schedule", exact: true })).toBeEnabled();
  });

  test("refuses a time that has passed, with the reason next to the date", async ({ page, request }) => {
    await visit(page, `/messages/new?kind=push&to=${await newFriend(request)}`);
    await page.getByLabel("Text", { exact: true }).first().fill("Too late");
    await chooseTime(page, taipeiDay(-1), "09:00");
    await expect(page.getByTestId("when-card")).toContainText("Choose a time at least a minute from now.");
    await page.getByRole("button", { name: "Review and schedule…" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.getByLabel("Date", { exact: true })).toBeFocused();
  });
});

test.describe("the scheduled list", () => {
  test("edits a schedule with its version; an edit someone else saved first is said plainly, then reloaded", async ({ page, request }) => {
    const text = `Weekly tips ${randomBytes(2).toString("hex")}`;
    const made = await scheduleByApi(request, text, `${taipeiDay(3)}T10:00:00+08:00`);
    await visit(page, "/messages/scheduled");
    const row = page.getByTestId("schedule-row").filter({ hasText: text });
    await row.getByRole("link", { name: `Edit “${text}”` }).click();
    await expect(page.getByRole("heading", { name: "Edit scheduled message" })).toBeVisible();
    const field = page.getByLabel("Text", { exact: true }).first();
    await expect(field).toHaveValue(text);
    await field.fill(`${text} (mine)`);

    // Someone else saves first.
    const theirs = await request.patch(`/api/schedules/${made.id}`, { data: { version: made.version, title: `${text} (theirs)` } });
    expect(theirs.status()).toBe(200);
    await page.getByRole("button", { name: "Review and save…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect(dialog.getByTestId("schedule-conflict")).toContainText("Someone else changed this schedule");
    await dialog.getByRole("button", { name: "Reload the schedule" }).click();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(`${text} (theirs)`);

    // Now the edit goes through, and the list shows the new time.
    await page.getByTestId("when-card").getByLabel("Time", { exact: true }).fill("11:15");
    await page.getByRole("button", { name: "Review and save…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(/\/messages\/scheduled$/);
    await expect(page.getByTestId("schedule-row").filter({ hasText: `${text} (theirs)` })).toContainText("11:15");
  });

  test("cancels a schedule after asking; it moves to the past ones", async ({ page, request }) => {
    const text = `Flash sale ${randomBytes(2).toString("hex")}`;
    await scheduleByApi(request, text, `${taipeiDay(4)}T12:00:00+08:00`);
    await visit(page, "/messages/scheduled");
    await page.getByRole("button", { name: `Cancel “${text}”` }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm).toContainText("It will not be sent");
    await confirm.getByRole("button", { name: "Cancel the schedule" }).click();
    await expect(page.getByTestId("schedule-row").filter({ hasText: text })).toHaveCount(0);
    await page.getByRole("radio", { name: "Past" }).click();
    await expect(page).toHaveURL(/status=past/);
    await expect(page.getByTestId("schedule-row").filter({ hasText: text }).getByTestId("schedule-status")).toHaveAttribute("data-status", "cancelled");
  });

  test("is reached from the Messages tabs by keyboard, and has no serious accessibility problems", async ({ page, request }) => {
    await scheduleByApi(request, `Axe check ${randomBytes(2).toString("hex")}`, `${taipeiDay(5)}T09:00:00+08:00`);
    await visit(page, "/messages");
    const tab = page.getByRole("navigation", { name: "Messages pages" }).getByRole("link", { name: "Scheduled" });
    await tab.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/messages\/scheduled$/);
    await expect(page.getByRole("navigation", { name: "Messages pages" }).getByRole("link", { name: "Scheduled" })).toHaveAttribute("aria-current", "page");
    await page.getByTestId("schedule-row").first().waitFor();
    const list = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(list.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

    await visit(page, `/messages/new?kind=push&to=${await newFriend(request)}`);
    await chooseTime(page, taipeiDay(1), "23:30");
    await page.getByTestId("schedule-warnings").waitFor();
    const composer = await new AxeBuilder({ page }).include('[data-testid="when-card"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(composer.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
  });
});
