import type { IncomingHttpHeaders } from "node:http";

// Who is asking, as the rest of the console reads it (the audit log, the sign-in throttle, sessions):
// X-Forwarded-For, rewritten here before Next sees the request. Next itself only fills the header in
// when it is missing, so whatever a client sent would be believed. Here the socket's address is the
// truth unless TRUST_PROXY says how many proxies stand in front; then each of them appended the address
// it saw, and the entry the farthest of them wrote is the client. Entries left of it were written by
// the client and are dropped.

// Headers only a proxy may set: from a client talking to the server directly they are lies (another
// address, HTTPS that was not, another host).
const PROXY_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/**
 * The client's address: the socket's with no trusted proxy; behind `trustedHops` proxies the address
 * the farthest of them saw (the one `trustedHops - 1` entries from the right of X-Forwarded-For). With
 * fewer entries than proxies (a request that bypassed the outer ones) the left-most entry is taken.
 */
export function clientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, trustedHops: number): string | undefined {
  if (trustedHops <= 0 || !socketAddress) return socketAddress;
  const hops = [socketAddress, ...entries(forwardedFor).reverse()];
  return hops[Math.min(trustedHops, hops.length - 1)];
}

/**
 * Rewrites the request's forwarded headers in place: without a trusted proxy every one a client sent
 * goes; X-Forwarded-For becomes the one address clientAddress() finds (Next then leaves it alone).
 * Behind a trusted proxy its X-Forwarded-Proto and -Host stay (Next and the same-origin check use them).
 */
export function rewriteForwarded(headers: IncomingHttpHeaders, socketAddress: string | undefined, trustedHops: number): void {
  const client = clientAddress(headers["x-forwarded-for"], socketAddress, trustedHops);
  if (trustedHops <= 0) for (const name of PROXY_HEADERS) delete headers[name];
  if (client) headers["x-forwarded-for"] = client;
  else delete headers["x-forwarded-for"];
}

function entries(header: string | string[] | undefined): string[] {
  const list = Array.isArray(header) ? header.join(",") : (header ?? "");
  return list
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
}
