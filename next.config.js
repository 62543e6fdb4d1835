import createNextIntlPlugin from "next-intl/plugin";
import { parseEnv } from "./lib/env.js";

// Fail at start-up, naming the bad variable, rather than on the first request that needs it.
parseEnv();

// The catalogues' ICU messages are compiled when the app is built, so browsers get the messages ready
// to format and never download an ICU parser (intl-messageformat, about 9 kB compressed on every page).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./i18n/catalogues", format: "json", locales: "infer", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: "standalone",
  // PGlite ships WebAssembly and data files that the bundler must not touch; pg loads optional natives.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  reactStrictMode: true,
  devIndicators: false,
  // `next dev` refuses its dev assets to other origins; localhost and 127.0.0.1 are the same machine.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  // forbidden() in server components renders app/forbidden.tsx with a 403.
  experimental: { authInterrupts: true },
  // Headers for every response, the same whatever the server is started with (pages get their
  // Content-Security-Policy, with a nonce, from proxy.ts). What depends on how the server runs (HSTS for
  // an https APP_URL, no-store on API answers) is set when it runs: lib/platform/server/response-headers.ts.
  async headers() {
    const security = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
      { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ];
    // Same-origin referrers tell the API which channel's page asked (an image, a download, the live
    // stream: lib/channel/access.ts); no other site is ever sent one. The pages whose address carries a
    // one-time token send none at all.
    return [
      { source: "/:path*", headers: [...security, { key: "Referrer-Policy", value: "same-origin" }] },
      { source: "/(invite|reset-password)/:token*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
