/**
 * The caller's address, for throttling, sessions and the audit log. The console's server
 * (lib/platform/server/forwarded.ts) sets x-forwarded-for to exactly one address before Next sees the request:
 * the socket's, or behind TRUST_PROXY proxies the one they report. A list means the request did not
 * come through that server (a bare `next start`), and an address a client could have written is not used.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.trim();
  return forwarded && !forwarded.includes(",") ? forwarded : "unknown";
}
