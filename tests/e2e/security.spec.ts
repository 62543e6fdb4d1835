import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_AUTH_SECRET, E2E_LINE } from "../../playwright.config";

test.describe("security baseline", () => {
  test("a state-changing request from another site is refused, even with a valid session", async ({ request, baseURL }) => {
    const attempts: Array<{ headers: Record<string, string>; what: string }> = [
      { headers: { origin: "https://evil.example" }, what: "Origin of another site" },
      { headers: { "sec-fetch-site": "cross-site" }, what: "Sec-Fetch-Site: cross-site" },
      { headers: { origin: "null" }, what: "an opaque Origin" },
    ];
    for (const { headers, what } of attempts) {
      for (const [method, url, data] of [
        ["POST", "/api/invitations", { email: "csrf@example.com", role: "admin" }],
        ["PATCH", "/api/me", {}],
        ["PUT", "/api/settings/channel/webhook", {}],
        ["POST", "/api/messages/push", { to: `U${"0".repeat(32)}`, messages: [{ type: "text", text: "csrf" }] }],
      ] as const) {
        const res = await request.fetch(url, { method, data, headers });
        expect(res.status(), `${method} ${url} with ${what}`).toBe(403);
        expect((await res.json()).code).toBe("cross_site");
      }
    }
    // The same request from the console itself goes through.
    const own = await request.patch("/api/me", { data: {}, headers: { origin: new URL(baseURL!).origin, "sec-fetch-site": "same-origin" } });
    expect(own.status()).toBe(200);
    const members = await (await request.get("/api/members")).json();
    expect(JSON.stringify(members)).not.toContain("csrf@example.com");
  });

  test("pages carry a nonce-based Content-Security-Policy and the other security headers", async ({ request, page }) => {
    const res = await request.get("/settings");
    expect(res.status()).toBe(200);
    const h = res.headers();
    const csp = h["content-security-policy"] ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    // Same-origin: the API learns which channel's page asked (images, downloads); no other site learns anything.
    expect(h["referrer-policy"]).toBe("same-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    // Every inline script the page ships carries this response's nonce.
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
    // A second response gets another nonce.
    const again = (await request.get("/settings")).headers()["content-security-policy"];
    expect(again).not.toBe(csp);

    const api = await request.get("/api/health");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
    expect(api.headers()["referrer-policy"]).toBe("same-origin");
    // A page whose address carries a one-time token sends no referrer at all.
    expect((await request.get("/invite/not-a-real-token-but-long-enough")).headers()["referrer-policy"]).toBe("no-referrer");

    // And the browser really runs the page under it (no CSP violation stops hydration).
    const violations: string[] = [];
    page.on("console", (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    await page.goto("/settings/members");
    await page.locator("html[data-ready]").waitFor({ state: "attached" });
    expect(violations).toEqual([]);
  });

  test("no secret reaches the browser bundle or the settings API", async ({ request }) => {
    test.skip(Boolean(process.env.E2E_BASE_URL), "scans this checkout's own build");
    const secrets = { "LINE channel secret": E2E_LINE.channelSecret, "LINE channel access token": E2E_LINE.channelAccessToken, "auth secret": E2E_AUTH_SECRET };
    const files = walk(path.join(".next", "static"));
    expect(files.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file).toString("latin1");
      for (const [name, value] of Object.entries(secrets)) if (text.includes(value)) found.push(`${name} in ${file}`);
    }
    expect(found).toEqual([]);

    const channel = await (await request.get("/api/settings/channel")).text();
    for (const value of Object.values(secrets)) expect(channel).not.toContain(value);
    expect(JSON.parse(channel)).toMatchObject({ configured: true, secretConfigured: true, tokenLast4: E2E_LINE.channelAccessToken.slice(-4) });
  });
});

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
