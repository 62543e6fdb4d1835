import createNextIntlPlugin from "next-intl/plugin";
import { parseEnv } from "./lib/env.js";

// Fail at start-up, naming the bad variable, rather than on the first request that needs it.
parseEnv();

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files that the bundler must not touch; pg loads optional natives.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  reactStrictMode: true,
  devIndicators: false,
};

export default withNextIntl(nextConfig);
