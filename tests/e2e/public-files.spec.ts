import { expect, test } from "@playwright/test";
import { postWebhook } from "./webhook";
import { SIGNED_OUT } from "./members";

// public/ holds the console's only files: its icon, the web app manifest that names it, and robots.txt
// asking every crawler to stay out. Every answer, whatever made it, carries X-Robots-Tag, so a console
// reachable from the internet stays out of search results even when a crawler arrives through a link.

test.use({ storageState: SIGNED_OUT });

test("robots.txt disallows everything, to a visitor with no session", async ({ request }) => {
  const res = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^text\/plain/);
  expect(await res.text()).toBe("User-agent: *\nDisallow: /\n");
});

test("the manifest names the icon, and both reach a visitor with no session (a browser fetches the manifest without cookies)", async ({ request }) => {
  const manifest = await request.get("/manifest.webmanifest", { maxRedirects: 0 });
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as { name: string; start_url: string; display: string; icons: Array<{ src: string; type: string }> };
  expect(body).toMatchObject({ name: "OA Console", start_url: "/", display: "standalone" });
  expect(body.icons).toEqual([expect.objectContaining({ src: "/icon.svg", type: "image/svg+xml" })]);
  const icon = await request.get(body.icons[0]!.src, { maxRedirects: 0 });
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  expect(await icon.text()).toContain("<svg");
});

test("pages link the icon and the manifest", async ({ page }) => {
  await page.goto("/sign-in");
  // Next may write a page's metadata twice (in the head, and again as the page streams): the same links.
  const hrefs = (rel: string) => page.locator(`link[rel="${rel}"]`).evaluateAll((links) => links.map((l) => l.getAttribute("href")));
  expect(new Set(await hrefs("manifest"))).toEqual(new Set(["/manifest.webmanifest"]));
  expect(new Set(await hrefs("icon"))).toEqual(new Set(["/icon.svg"]));
});

test("every kind of answer carries X-Robots-Tag: noindex, nofollow", async ({ request }) => {
  const html = await (await request.get("/sign-in")).text();
  const chunk = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(chunk).toBeTruthy();
  const answers = {
    "a page": await request.get("/sign-in"),
    "a redirect to sign in": await request.get("/events", { maxRedirects: 0 }),
    "a page that does not exist": await request.get("/no-such-page-here", { maxRedirects: 0 }),
    "an API answer refusing a visitor": await request.get("/api/events"),
    "an API route that does not exist": await request.get("/api/no-such-route"),
    liveness: await request.get("/api/health"),
    readiness: await request.get("/api/health/ready"),
    "a webhook with a bad signature": await postWebhook(request, [], { signature: "bad" }),
    "robots.txt": await request.get("/robots.txt"),
    "the manifest": await request.get("/manifest.webmanifest"),
    "the icon": await request.get("/icon.svg"),
    "a script": await request.get(chunk!),
  };
  const missing = Object.entries(answers)
    .filter(([, res]) => res.headers()["x-robots-tag"] !== "noindex, nofollow")
    .map(([what, res]) => `${what} (${res.status()}): ${res.headers()["x-robots-tag"]}`);
  expect(missing).toEqual([]);
  expect(answers["a page"].status()).toBe(200);
  expect(answers["a script"].status()).toBe(200);
});
