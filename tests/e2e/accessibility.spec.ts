import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { fakePost, following } from "./fake-line";
import { pushBody, SIGNED_OUT } from "./members";
import { visit } from "./visit";
import { publishedMenu } from "./rich-menu-fixtures";
import { postWebhook, textEvent } from "./webhook";

// axe-core (WCAG 2.1 A and AA) on every page of the console, signed in, in both themes and the four
// languages: no serious or critical violation. A page's dynamic segment is filled with a real record
// made here (an event, a delivery, a friend, a group, a send, a segment, a relay destination).

const LOCALES = ["en", "zh-TW", "ja", "th"] as const;
const SCHEMES = ["light", "dark"] as const;

const STATIC_PAGES = [
  "/",
  "/events",
  "/deliveries",
  "/contacts",
  "/chats",
  "/messages",
  "/messages/new",
  "/messages/scheduled",
  "/segments",
  "/segments/new",
  "/rich-menus",
  "/rich-menus/new",
  "/rich-menus/new?tabs=3",
  "/simulator",
  "/settings",
  "/settings/account",
  "/settings/members",
  "/settings/api-keys",
  "/settings/channels",
  "/settings/sessions",
  "/settings/audit",
  "/settings/relay",
];

let pages: string[] = [];

test.beforeAll(async ({ request }) => {
  pages = [...STATIC_PAGES, ...(await recordPages(request))];
});

for (const locale of LOCALES) {
  for (const scheme of SCHEMES) {
    test(`every page in ${locale}, ${scheme}: no serious or critical axe violation`, async ({ page, context, baseURL }) => {
      test.setTimeout(240_000);
      await context.addCookies([{ name: "oa_locale", value: locale, url: baseURL! }]);
      await page.emulateMedia({ colorScheme: scheme });
      const found: string[] = [];
      for (const path of pages) found.push(...(await audit(page, path)));
      expect(found, found.join("\n")).toEqual([]);
    });
  }
}

test.describe("signed out", () => {
  test.use({ storageState: SIGNED_OUT });
  for (const scheme of SCHEMES) {
    test(`sign-in in every language, ${scheme}: no serious or critical axe violation`, async ({ page, context, baseURL }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const found: string[] = [];
      for (const locale of LOCALES) {
        await context.addCookies([{ name: "oa_locale", value: locale, url: baseURL! }]);
        found.push(...(await audit(page, "/sign-in")).map((f) => `${locale}: ${f}`));
      }
      expect(found, found.join("\n")).toEqual([]);
    });
  }
});

async function audit(page: Page, path: string): Promise<string[]> {
  await visit(page, path);
  // Lists and cards fill in after hydration; audit what the operator sees, not a skeleton.
  // (The live stream stays open, so "network idle" may never come: wait for it two seconds at most.)
  await page.waitForLoadState("networkidle", { timeout: 2000 }).catch(() => {});
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${path} ${v.id} (${v.nodes.length}): ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(" ")} ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`)
          .join(" | ")}`,
    );
}

// One record of each kind a page shows, made through the console's API and the fake LINE platform.
async function recordPages(request: APIRequestContext): Promise<string[]> {
  const friend = (await following(request))[0]!;
  expect((await postWebhook(request, [textEvent("在嗎？ 予約できますか", { user: friend.userId })])).status()).toBe(200);
  const joined = await fakePost<{ events: Array<{ source: { groupId: string } }> }>(request, "/__fake/chats", {
    kind: "group",
    name: "Tea club",
    memberIds: [friend.userId],
  });
  const groupId = joined.events[0]!.source.groupId;
  const events = (await (await request.get("/api/events?limit=1")).json()) as { items: Array<{ id: string | number }> };
  const deliveries = (await (await request.get("/api/deliveries?limit=1")).json()) as { items: Array<{ id: string }> };
  const sent = await request.post("/api/messages/push", { data: pushBody("axe") });
  expect(sent.status()).toBe(202);
  const send = (await sent.json()) as { id: string };
  const segment = await request.post("/api/segments", { data: { name: `axe ${Date.now()}`, filter: {} } });
  expect(segment.status()).toBe(201);
  const destination = await request.post("/api/relay/destinations", {
    data: { name: `axe-${Date.now()}`, url: "http://127.0.0.1:9/webhook", enabled: false },
  });
  expect(destination.status()).toBe(201);
  const menu = await publishedMenu({ request }, `axe ${Date.now()}`, [
    { type: "postback", data: "axe=1", displayText: "Coupons" },
    { type: "uri", uri: "https://example.com/axe" },
  ]);
  return [
    `/events/${events.items[0]!.id}`,
    `/deliveries/${deliveries.items[0]!.id}`,
    `/contacts/${friend.userId}`,
    `/chats/${groupId}`,
    `/messages/${send.id}`,
    `/segments/${((await segment.json()) as { id: number }).id}`,
    `/settings/relay/${((await destination.json()) as { id: number }).id}`,
    `/rich-menus/${menu.id}/audience`,
    `/rich-menus/${menu.id}/taps`,
  ];
}
