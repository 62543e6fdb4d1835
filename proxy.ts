import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env.js";

// Pages only (see config.matcher): a per-request nonce for the Content-Security-Policy, and an early
// redirect to sign-in when there is no session cookie at all. This is a convenience, not the guard:
// the console layout and every route handler check the session against the database themselves
// (Next's own docs warn against authorising in the proxy).

const PUBLIC_PAGES = ["/sign-in", "/setup", "/invite/", "/reset-password/"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("oa.session"));
  if (!hasSession && !PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(p))) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = pathname === "/" ? "" : `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

function contentSecurityPolicy(nonce: string): string {
  const e = env();
  const https = e.APP_URL.startsWith("https://");
  // Friends' pictures come from LINE's CDN; in demo mode, from the local fake platform.
  const images = ["'self'", "data:", "blob:", "https://profile.line-scdn.net", "https://obs.line-scdn.net", "https://stickershop.line-scdn.net"];
  if (e.DEMO_MODE && e.FAKE_LINE_URL) images.push(new URL(e.FAKE_LINE_URL).origin);
  // A console pointed at another LINE API (the fake platform in tests) shows the bots' and friends'
  // pictures that API names, as it does LINE's CDN's.
  const api = new URL(e.LINE_API_BASE_URL).origin;
  if (api !== "https://api.line.me" && !images.includes(api)) images.push(api);
  const dev = e.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src ${images.join(" ")}`,
    "media-src 'self' blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

// Every page, whatever its last segment looks like: the console's only files are the three in public/
// (the icon, the manifest, robots.txt; a browser fetches the manifest without cookies), so a path ending
// in .png is a page too (/contacts/<id>.png rendered the friend page, without this policy, when such
// paths were skipped).
export const config = {
  matcher: [
    {
      source: "/((?!api/|bench/|_next/|favicon\\.ico$|icon\\.svg$|robots\\.txt$|manifest\\.webmanifest$).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
