import type { IncomingHttpHeaders } from "node:http";

// Next.js matches every page request's User-Agent against its bot-detection pattern (HTML_LIMITED_BOT_UA_RE
// in next/dist/shared/lib/router/utils/html-bots.js), whose cost grows with the square of the header's
// length: a 15 KB User-Agent cost about 0.8 s of the one thread that also answers LINE's webhook, so one
// such request a second made most deliveries time out. The pattern is Next's to fix; until then the
// header is cut before Next sees it (no browser sends more than a few hundred characters), and the
// whole header block is capped (Node's maxHeaderSize: a bigger one is answered 431 before any of our code
// runs). A reverse proxy in front should refuse the same sizes (README: "Behind a reverse proxy").

/** The largest request header block the server reads (Node's default, stated: a proxy should match it). */
export const MAX_HEADER_BYTES = 16 * 1024;

/** Longer User-Agents are cut to this many characters (Next's bot test costs ~0.2 ms at this length). */
export const MAX_USER_AGENT_CHARS = 512;

/** Cuts an over-long User-Agent in place; answers whether it did. */
export function capUserAgent(headers: IncomingHttpHeaders): boolean {
  const ua = headers["user-agent"];
  if (ua === undefined || ua.length <= MAX_USER_AGENT_CHARS) return false;
  headers["user-agent"] = ua.slice(0, MAX_USER_AGENT_CHARS);
  return true;
}
