import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "dist/**",
    ".data/**",
    ".tmp/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
    "db/migrations/**",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "ExportDefaultDeclaration",
          message: "Use named exports (Next.js pages, layouts and config files are exempt).",
        },
      ],
    },
  },
  {
    // Next.js requires default exports from these files.
    files: [
      "app/**/{page,layout,not-found,forbidden,unauthorized,error,global-error,loading,template,default}.tsx",
      "i18n/request.ts",
      "*.config.{js,mjs,ts}",
      "next.config.js",
      "tests/helpers/db-global-setup.ts",
      "playwright.config.ts",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // The fake LINE platform is an independent model of LINE: it must not share our code.
    files: ["fake-line/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/*", "../app/*", "../lib/*", "../db/*", "../components/*"], message: "fake-line/ imports nothing from the app." }] },
      ],
    },
  },
  {
    // The sample bots are what a bot developer's own bot looks like: nothing of oa-console in them.
    files: ["examples/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/*", "../../*"], message: "examples/ imports nothing from oa-console." }] }],
    },
  },
]);
