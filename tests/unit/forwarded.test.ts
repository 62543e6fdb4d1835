import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress, rewriteForwarded } from "@/lib/platform/server/forwarded";
import { capUserAgent, MAX_USER_AGENT_CHARS } from "@/lib/platform/server/request-limits";

describe("client address behind TRUST_PROXY", () => {
  it("is the socket's with no trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", 0)).toBe("198.51.100.1");
    expect(clientAddress(undefined, "198.51.100.1", 0)).toBe("198.51.100.1");
  });

  it("is the address the one proxy saw (the right-most entry); what the client wrote before it is ignored", () => {
    expect(clientAddress("203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
    expect(clientAddress("6.6.6.6, 203.0.113.9", "10.0.0.2", 1)).toBe("203.0.113.9");
    expect(clientAddress(["6.6.6.6", "203.0.113.9"], "10.0.0.2", 1)).toBe("203.0.113.9");
  });

  it("counts hops from the right: behind a CDN and a load balancer (2) the CDN's entry is the client", () => {
    // client → CDN (appends the client) → balancer (appends the CDN) → us (the balancer is the socket)
    expect(clientAddress("6.6.6.6, 203.0.113.9, 192.0.2.50", "10.0.0.2", 2)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9, 192.0.2.50", "10.0.0.2", 2)).toBe("203.0.113.9");
  });

  it("takes the farthest address there is when fewer proxies wrote than are configured", () => {
    expect(clientAddress("192.0.2.50", "10.0.0.2", 2)).toBe("192.0.2.50");
    expect(clientAddress(undefined, "10.0.0.2", 2)).toBe("10.0.0.2");
    expect(clientAddress(" , ", "10.0.0.2", 1)).toBe("10.0.0.2");
  });
});

describe("forwarded headers as Next sees them", () => {
  it("drops every proxy header a client sent directly and names the socket's address", () => {
    const headers: IncomingHttpHeaders = {
      "x-forwarded-for": "203.0.113.9",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      "x-forwarded-port": "443",
      "x-real-ip": "203.0.113.9",
      forwarded: "for=203.0.113.9",
      host: "console.example",
    };
    rewriteForwarded(headers, "198.51.100.1", 0);
    expect(headers).toEqual({ "x-forwarded-for": "198.51.100.1", host: "console.example" });
  });

  it("behind a trusted proxy keeps its protocol and host and reduces X-Forwarded-For to the client", () => {
    const headers: IncomingHttpHeaders = { "x-forwarded-for": "6.6.6.6, 203.0.113.9", "x-forwarded-proto": "https", "x-forwarded-host": "oa.example.com" };
    rewriteForwarded(headers, "10.0.0.2", 1);
    expect(headers).toEqual({ "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https", "x-forwarded-host": "oa.example.com" });
  });

  it("leaves no address when the socket has none (it closed)", () => {
    const headers: IncomingHttpHeaders = { "x-forwarded-for": "203.0.113.9" };
    rewriteForwarded(headers, undefined, 0);
    expect(headers["x-forwarded-for"]).toBeUndefined();
  });
});

describe("User-Agent cap", () => {
  it("cuts a User-Agent longer than any browser's, and leaves real ones alone", () => {
    const chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36";
    const headers: IncomingHttpHeaders = { "user-agent": chrome };
    expect(capUserAgent(headers)).toBe(false);
    expect(headers["user-agent"]).toBe(chrome);
    const long: IncomingHttpHeaders = { "user-agent": "a-".repeat(7_500) };
    expect(capUserAgent(long)).toBe(true);
    expect(long["user-agent"]).toHaveLength(MAX_USER_AGENT_CHARS);
    expect(capUserAgent({})).toBe(false);
  });
});
