import { test, type Page } from "@playwright/test";
import { addSecondChannel, firstChannel, memberId, type ConsoleChannel } from "./channels";
import { createMember } from "./members";
import { SCREENSHOT_VARIANTS, THEME_SWAPPED_VARIANTS, applyVariant, type ScreenshotVariant } from "./screenshot-variants";
import { visit } from "./visit";

// Screenshots of what several channels add for a person to look at (SCREENSHOTS=1): the header's
// channel switcher open, the palette's channel commands, the members page's roles on one channel (a
// member with no access, the confirmation to take it away), the invitation's scope, and API keys with
// their channels — every language in both themes, at laptop and tablet widths. AXE=1 audits each.
test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to take screenshots");
test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

// Every language but English in both themes (English in light), laptop and tablet widths among them.
const VARIANTS: ScreenshotVariant[] = [...SCREENSHOT_VARIANTS, ...THEME_SWAPPED_VARIANTS];

let first: ConsoleChannel;
let second: ConsoleChannel;
let outsider = "";

test.beforeAll(async ({ request }) => {
  second = await addSecondChannel(request);
  first = await firstChannel(request);
  // A member who had a role here and lost it (No access), and one to change.
  const gone = await createMember(request, "operator", { name: "田中 愛子" });
  await request.patch(`/api/members/${await memberId(request, gone.email)}`, { data: { role: "none" } });
  outsider = (await createMember(request, "viewer", { name: "Somchai Jaidee" })).email;
  // A key for both channels, so the list shows what a key's channels look like.
  await request.post("/api/api-keys", { data: { name: "Nightly export", role: "viewer", channels: [first.key, second.key] } });
});

for (const v of VARIANTS) {
  test(`switcher, members and API keys for several channels (${v.locale}, ${v.scheme}, ${v.width})`, async ({ page, context, baseURL }) => {
    const shot = await applyVariant(page, context, baseURL!, v);

    await open(page, `/channels/${first.key}/events`);
    await page.getByTestId("channel-switcher").click();
    await page.getByRole("menu").waitFor();
    // Past the menu's fade-in.
    await page.waitForTimeout(400);
    await shot("channel-switcher-open", false);
    await page.keyboard.press("Escape");

    await page.keyboard.press("Control+k");
    await page.getByRole("dialog").getByRole("combobox").fill(second.name.slice(0, 4));
    await page.getByRole("dialog").getByRole("option").first().waitFor();
    await page.waitForTimeout(400);
    await shot("channel-palette", false);
    await page.keyboard.press("Escape");

    await open(page, `/channels/${first.key}/settings/members`);
    await page.locator(`tr[data-member="${outsider}"]`).waitFor();
    await shot("channel-members");
    await page.locator(`tr[data-member="${outsider}"] select`).selectOption("none");
    await page.getByRole("alertdialog").waitFor();
    await page.waitForTimeout(400);
    await shot("channel-members-none-confirm", false);
    await page.keyboard.press("Escape");

    await open(page, `/channels/${first.key}/settings/members?invite=1`);
    await page.getByRole("dialog").waitFor();
    await shot("channel-invite", false);

    await open(page, `/channels/${first.key}/settings/api-keys`);
    await page.locator("[data-api-key]").first().waitFor();
    await shot("channel-api-keys");
    await open(page, `/channels/${first.key}/settings/api-keys?create=1`);
    await page.getByRole("dialog").getByRole("group").last().waitFor();
    await shot("channel-api-key-dialog", false);
  });
}

async function open(page: Page, url: string) {
  await visit(page, url);
  await page
    .locator('[data-slot="skeleton"]')
    .first()
    .waitFor({ state: "detached", timeout: 8_000 })
    .catch(() => {});
}
