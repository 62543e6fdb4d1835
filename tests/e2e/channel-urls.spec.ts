import { expect, test } from "@playwright/test";

// Every page's address names its channel (/channels/<key>/…), so a link opens the right account.
test.describe("channel addresses", () => {
  test("an address without a channel (an old bookmark) opens the same page, filters kept, in the first channel", async ({ request }) => {
    const res = await request.get("/events?type=message&q=hello", { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(res.headers()["location"]).toBe("/channels/default/events?type=message&q=hello");
  });

  test("an unknown page inside a channel, and a channel nobody has, are not found — never a redirect loop", async ({ request }) => {
    for (const path of ["/channels/default/nothing-here", "/channels/no-such-channel/events", "/channels", "/api/no-such-route", "/nothing-here"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(404);
    }
  });
});
