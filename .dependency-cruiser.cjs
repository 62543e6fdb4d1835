// The layers of oa-console and the one direction their imports run (docs/architecture.md):
//   db  ←  lib/platform, lib/line, lib/utils  ←  lib/<feature>  ←  lib/runtime  ←  app, components
// plus lib/client (the browser's data layer), which sees the features' types only, and fake-line/ and
// examples/, which see nothing of the app. `npm run lint` runs this (npm run lint:deps).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "db-imports-only-db",
      comment: "db/ is the bottom layer: schema, queries and the database factory. It imports nothing of lib/, app/ or components/.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^(lib|app|components|fake-line)/" },
    },
    {
      name: "lib-never-imports-app-or-components",
      comment: "lib/ is below the pages and the components that show it.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "platform-imports-no-feature",
      comment: "lib/platform, lib/line and lib/utils are what features are built on; they know no feature but auth, the gate every request passes.",
      severity: "error",
      from: { path: "^lib/(platform|line|utils)/" },
      to: { path: "^lib/", pathNot: "^lib/(platform|line|utils|auth)/|^lib/env\\.js$" },
    },
    {
      name: "only-the-runtime-composes",
      comment:
        "lib/runtime.ts builds the process (database, auth, intake, live hub, background work); features are handed what they need, they do not reach for the runtime's internals.",
      severity: "error",
      from: { path: "^(db|lib/(platform|line|utils|client))/" },
      to: { path: "^lib/runtime\\.ts$" },
    },
    {
      name: "browser-data-layer-stays-off-the-server",
      comment:
        "lib/client runs in the browser: it may use the features' schemas, filters and types, never the database, the platform's server pieces or the runtime.",
      severity: "error",
      from: { path: "^lib/client/" },
      to: { path: "^(db/|lib/platform/|lib/runtime\\.ts$)", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "components-never-reach-the-database",
      comment: "Components get data through lib/client (browser) or a page's read function (server), never from db/.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^(db/|lib/runtime\\.ts$|lib/platform/server/)" },
    },
    {
      name: "fake-line-is-independent",
      comment: "fake-line/ is an independent model of LINE, so our mistakes cannot hide in both places.",
      severity: "error",
      from: { path: "^fake-line/" },
      to: { pathNot: "^(fake-line/|node_modules/)|^node:|^[a-z@]", dependencyTypesNot: ["core", "npm", "npm-dev", "npm-optional", "npm-peer", "npm-no-pkg"] },
    },
    {
      name: "examples-are-ordinary-bots",
      comment:
        "examples/ holds sample bots written as a bot developer writes them: node's own modules and @line/bot-sdk, nothing of oa-console, so they run copied out of the repository.",
      severity: "error",
      from: { path: "^examples/" },
      to: { pathNot: "^examples/|node_modules/@line/bot-sdk/", dependencyTypesNot: ["core"] },
    },
    {
      name: "no-circular",
      comment: "Import cycles make the order of evaluation matter and the layers meaningless.",
      severity: "error",
      from: { path: "^(lib|db|components|app)/" },
      // Types are erased: a type-only import closes no cycle at run time.
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|\\.tmp|test-results|coverage)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
