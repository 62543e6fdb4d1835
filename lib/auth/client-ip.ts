import { env } from "@/lib/env.js";

/**
 * The caller's address, for throttling and the audit log. Next puts the socket address in
 * x-forwarded-for only when the request has none, so without a trusted proxy in front (TRUST_PROXY) a
 * client could choose its own: then only a value Next itself could have set (a single address) is used.
 * Behind a proxy that appends to the header, the right-most address is the one it saw.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (!forwarded) return "unknown";
  const parts = forwarded.split(",").map((p) => p.trim()).filter(Boolean);
  if (env().TRUST_PROXY) return parts.at(-1) ?? "unknown";
  return parts.length === 1 ? parts[0]! : "unknown";
}
