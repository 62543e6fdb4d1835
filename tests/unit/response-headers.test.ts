import { PassThrough } from "node:stream";
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { FALLBACK_CSP, guardHtmlPolicy, HSTS, isApiPath, runTimeHeaders } from "@/lib/server/response-headers";

describe("run-time response headers", () => {
  it("sends HSTS when the server runs for an https APP_URL, on every answer", () => {
    expect(runTimeHeaders("/events", { hsts: true })).toEqual([["strict-transport-security", HSTS]]);
    expect(runTimeHeaders("/events", { hsts: false })).toEqual([]);
  });

  it("marks every API answer no-store, and nothing else", () => {
    for (const url of ["/api/events?limit=5", "/api/health", "/api", "http://console.example/api/me"]) {
      expect(runTimeHeaders(url, { hsts: false }), url).toEqual([["cache-control", "no-store"]]);
    }
    for (const url of ["/_next/static/chunks/app.js", "/icon.svg", "/apiary", "/events"]) {
      expect(isApiPath(url), url).toBe(false);
    }
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

function response(): ServerResponse {
  const req = new IncomingMessage(new Socket());
  const res = new ServerResponse(req);
  res.assignSocket(new PassThrough() as unknown as Socket);
  guardHtmlPolicy(res);
  return res;
}
