import { PassThrough } from "node:stream";
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { FALLBACK_CSP, guardAnswer, HSTS, isApiPath, runTimeHeaders } from "@/lib/platform/server/response-headers";

describe("run-time response headers", () => {
  it("sends HSTS when the server runs for an https APP_URL, on every answer", () => {
    expect(runTimeHeaders({ hsts: true })).toContainEqual(["strict-transport-security", HSTS]);
    expect(runTimeHeaders({ hsts: false }).map(([name]) => name)).not.toContain("strict-transport-security");
  });

  it("tells search engines to neither index nor follow any answer, however the server runs", () => {
    for (const hsts of [true, false]) expect(runTimeHeaders({ hsts })).toContainEqual(["x-robots-tag", "noindex, nofollow"]);
  });

  it("marks every API answer no-store, and nothing else", () => {
    for (const url of ["/api/events?limit=5", "/api/health", "/api", "http://console.example/api/me"]) {
      const res = response(url);
      res.writeHead(200, { "content-type": "application/json" });
      expect(res.getHeader("cache-control"), url).toBe("no-store");
    }
    for (const url of ["/_next/static/chunks/app.js", "/icon.svg", "/apiary", "/events"]) {
      expect(isApiPath(url), url).toBe(false);
      const res = response(url);
      res.writeHead(200);
      expect(res.getHeader("cache-control"), url).toBeUndefined();
    }
  });

  it("leaves an API answer's own caching alone (the webhook's no-transform keeps it from being gzipped)", () => {
    const webhook = response("/api/line/webhook");
    webhook.setHeader("cache-control", "no-store, no-transform");
    webhook.writeHead(200);
    expect(webhook.getHeader("cache-control")).toBe("no-store, no-transform");
    const media = response("/api/media/1");
    media.writeHead(200, { "Cache-Control": "private, max-age=31536000, immutable" });
    expect(media.getHeader("cache-control")).toBeUndefined();
  });
});

describe("Content-Security-Policy fallback", () => {
  it("gives an HTML answer without a policy the strict one", () => {
    const res = response();
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.writeHead(404);
    expect(res.getHeader("content-security-policy")).toBe(FALLBACK_CSP);
  });

  it("also when the content type comes with writeHead itself", () => {
    const res = response();
    res.writeHead(200, { "Content-Type": "text/html" });
    expect(res.getHeader("content-security-policy")).toBe(FALLBACK_CSP);
    const raw = response();
    raw.writeHead(200, ["Content-Type", "text/html"]);
    expect(raw.getHeader("content-security-policy")).toBe(FALLBACK_CSP);
  });

  it("keeps the page's own nonce policy, and leaves other answers alone", () => {
    const page = response();
    page.setHeader("content-type", "text/html");
    page.setHeader("content-security-policy", "script-src 'nonce-abc'");
    page.writeHead(200);
    expect(page.getHeader("content-security-policy")).toBe("script-src 'nonce-abc'");
    const json = response();
    json.setHeader("content-type", "application/json");
    json.writeHead(200);
    expect(json.getHeader("content-security-policy")).toBeUndefined();
  });
});

function response(url = "/events"): ServerResponse {
  const req = new IncomingMessage(new Socket());
  const res = new ServerResponse(req);
  res.assignSocket(new PassThrough() as unknown as Socket);
  guardAnswer(res, url);
  return res;
}
