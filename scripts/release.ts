// `npm run release [dir]`: the console as one directory (dist/release/ unless told) that runs on Node 24
// alone — no npm install, no dev dependency, no TypeScript at run time: `node server.js` in it. The
// Dockerfile runs this very script; CI runs it and starts a copy of the result outside the repository,
// on PGlite and on PostgreSQL (scripts/release-smoke.ts).
//
//   server.js             the launcher (scripts/release-server.ts → scripts/launch.ts) and all it imports but
//                         Next, bundled; in demo mode it still runs the fake LINE platform and the echo bot
//   db/pglite-worker.js   PGlite's thread, compiled (db/pglite-bridge.ts prefers it to the .ts)
//   db/migrations/        applied at start-up
//   .next/                Next's standalone server output, and its static files
//   public/               the icon, the manifest, robots.txt
//   node_modules/         what Next's file tracing found the server loads, and PGlite whole
//   package.json
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const out = path.resolve(process.argv[2] ?? path.join("dist", "release"));

run("npx", ["next", "build"]);

fs.rmSync(out, { recursive: true, force: true });
// Next's standalone output: .next/ with the server's code, node_modules/ with the files it loads, and
// package.json. Its server.js is replaced by ours, its copy of the worker's TypeScript by the compiled one.
copy(".next/standalone", out);
fs.rmSync(path.join(out, "server.js"));
fs.rmSync(path.join(out, "db", "pglite-worker.ts"), { force: true });
copy(".next/static", path.join(out, ".next", "static"));
copy("public", path.join(out, "public"));
// Traced too, but whole: no migration may be missing, and PGlite loads its WebAssembly, its data and
// its extensions by paths it computes, which file tracing can miss.
copy(path.join("db", "migrations"), path.join(out, "db", "migrations"));
copy(path.join("node_modules", "@electric-sql", "pglite"), path.join(out, "node_modules", "@electric-sql", "pglite"));

const common = { platform: "node", format: "esm", target: "node24", logLevel: "warning" } as const;
await build({
  ...common,
  entryPoints: ["scripts/release-server.ts"],
  bundle: true,
  // Next stays Next's (the launcher loads it from node_modules, as the build traced it).
  external: ["next"],
  outfile: path.join(out, "server.js"),
  // Bundled CommonJS modules call require() for Node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
// Not bundled: it imports PGlite, which must find its files beside its own code.
await build({ ...common, entryPoints: ["db/pglite-worker.ts"], outfile: path.join(out, "db", "pglite-worker.js") });

check(out);
console.log(`\nRelease in ${path.relative(process.cwd(), out) || "."} (${megabytes(out)} MB): cd there and run \`node server.js\`.`);

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.signal})`);
}

function copy(from: string, to: string) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
}

// What the server needs at run time is there, and nothing of the toolchain that built it.
function check(dir: string) {
  const needed = [
    "server.js",
    "package.json",
    ".next/BUILD_ID",
    ".next/required-server-files.json",
    ".next/server/instrumentation.js",
    ".next/static",
    "db/pglite-worker.js",
    "db/migrations/meta/_journal.json",
    "public/robots.txt",
    "node_modules/next/package.json",
    "node_modules/pg/package.json",
    "node_modules/@electric-sql/pglite/dist/pglite.wasm",
    "node_modules/@electric-sql/pglite/dist/pglite.data",
  ];
  const missing = needed.filter((file) => !fs.existsSync(path.join(dir, file)));
  const toolchain = ["tsx", "typescript", "esbuild", "vitest", "@playwright/test", "eslint"].filter((name) =>
    fs.existsSync(path.join(dir, "node_modules", name)),
  );
  if (missing.length || toolchain.length)
    throw new Error(
      `The release is incomplete: ${[...missing.map((f) => `${f} missing`), ...toolchain.map((n) => `${n} (a build tool) included`)].join(", ")}`,
    );
}

function megabytes(dir: string): number {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  return Math.round(bytes / 1e6);
}
