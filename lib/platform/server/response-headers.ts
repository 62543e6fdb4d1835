import type { OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from "node:http";

// Response headers decided when the server runs, not when it was built: next.config.js's headers()
// are fixed by `next build`, so a build made without an https APP_URL never sent HSTS, whatever the
// server was later started with.

/** Two years, subdomains included: what hstspreload.org asks for. */
export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * For an HTML answer that reached the browser without the per-request, nonce-based policy proxy.ts sets
 * (a 404 under /api or /_next, a path the proxy's matcher skips): nothing inline runs, nothing frames it.
 */
export const FALLBACK_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export interface RunTimeHeaderOptions {
  /** Production with an https APP_URL: browsers are told to use HTTPS only. */
  hsts: boolean;
}

/**
 * Search engines neither index nor follow anything of a console (sign-in page, manifest and errors
 * included): public/robots.txt asks crawlers not to come, this tells those that came through a link.
 */
export const ROBOTS = "noindex, nofollow";

/** Headers every answer starts with (Next and the route handlers may set their own over them). */
export function runTimeHeaders(options: RunTimeHeaderOptions): Array<[string, string]> {
  return [["x-robots-tag", ROBOTS], ...(options.hsts ? ([["strict-transport-security", HSTS]] as Array<[string, string]>) : [])];
}

/**
 * As an answer's head is written: an HTML answer without a Content-Security-Policy gets the fallback
 * one, and an API answer that says nothing of caching gets no-store (API answers are personal data).
 * Decided here, not set up front, so a route's own Cache-Control wins — the webhook's no-transform keeps
 * Next from gzipping its few bytes, a media file keeps its year of private caching.
 */
export function guardAnswer(res: ServerResponse, url: string | undefined): void {
  const api = isApiPath(url);
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    const given = rest.find((r) => typeof r === "object" && r !== null) as OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined;
    if (!this.headersSent) {
      const type = headerIn(given, "content-type") ?? this.getHeader("content-type");
      const policy = headerIn(given, "content-security-policy") ?? this.getHeader("content-security-policy");
      if (policy === undefined && isHtml(type)) this.setHeader("content-security-policy", FALLBACK_CSP);
      if (api && (headerIn(given, "cache-control") ?? this.getHeader("cache-control")) === undefined) this.setHeader("cache-control", "no-store");
    }
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest);
  } as typeof res.writeHead;
}

export function isApiPath(url: string | undefined): boolean {
  if (!url) return false;
  const path = url.startsWith("/") ? url : safePathname(url);
  return path === "/api" || path.startsWith("/api/") || path.startsWith("/api?");
}

function isHtml(type: OutgoingHttpHeader | undefined): boolean {
  return typeof type === "string" && /^\s*text\/html\b/i.test(type);
}

// writeHead(status, headers) takes an object or a flat [name, value, name, value…] list.
function headerIn(given: OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined, name: string): OutgoingHttpHeader | undefined {
  if (!given) return undefined;
  if (Array.isArray(given)) {
    for (let i = 0; i + 1 < given.length; i += 2) if (String(given[i]).toLowerCase() === name) return given[i + 1];
    return undefined;
  }
  for (const [key, value] of Object.entries(given)) if (key.toLowerCase() === name && value !== undefined) return value;
  return undefined;
}

// An absolute-form request target (GET http://host/api/x HTTP/1.1), as a proxy may send.
function safePathname(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "";
  }
}
