// `npm test`: every test — unit, database (PGlite, or PostgreSQL when TEST_DATABASE_URL is set) and
// browser (Playwright in the system Chromium) — then one line "N passed, N failed".
// Flags: --no-e2e (skip the browser tests), --only-db (database tests only; CI's PostgreSQL pass),
// --only-instances (two console instances on the PostgreSQL server of TEST_DATABASE_URL behind a proxy:
// `npm run test:instances`; it builds first, unless --no-build finds a build of this tree in .next).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const args = new Set(process.argv.slice(2));
const outDir = path.join(".tmp", "test-results");
fs.mkdirSync(outDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
// Named again at the end, next to the result line, so a failure is found without scrolling a long log.
const failures: string[] = [];
// Browser tests that failed once and passed on their retry: counted as passed, but named, so a test
// that starts to wobble is seen and fixed rather than hidden by the retry.
const flaky: string[] = [];
const suffix = process.env.TEST_DATABASE_URL ? "-postgres" : "";

if (args.has("--only-instances")) runInstances();
else runAll();

if (flaky.length) console.log(`\nPassed only on a retry (flaky, to be fixed):\n${flaky.map((f) => `  ~ ${f}`).join("\n")}`);
if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ✘ ${f}`).join("\n")}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? ` (${totals.skipped} skipped)` : ""}`);
process.exit(totals.failed > 0 ? 1 : 0);

function runAll() {
  const vitestJson = path.join(outDir, `vitest${suffix}.json`);
  fs.rmSync(vitestJson, { force: true });
  const vitestArgs = ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`];
  if (args.has("--only-db")) vitestArgs.push("--project", "db");
  run("npx", vitestArgs);
  add("vitest", readVitest(vitestJson));

  if (!args.has("--no-e2e") && !args.has("--only-db")) {
    const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
    if (!fs.existsSync(chromium)) installChromium(chromium);
    const pwJson = path.join("test-results", "playwright.json");
    fs.rmSync(pwJson, { force: true });
    run("npx", ["playwright", "test"]);
    add("playwright", readPlaywright(pwJson));
  }
}

// The consoles run the production build, as `npm start` does: CI's `npm test` has just made one of this
// tree (--no-build); otherwise build it here, so a stale .next is never what is tested.
function runInstances() {
  const hasBuild = fs.existsSync(path.join(".next", "BUILD_ID"));
  // Without a PostgreSQL server the tests skip themselves: nothing to build for.
  if (process.env.TEST_DATABASE_URL && (!args.has("--no-build") || !hasBuild)) {
    if (run("npx", ["next", "build"]) !== 0) {
      failures.push("npx next build (for the instances test)");
      totals.failed += 1;
      return;
    }
  }
  const json = path.join("test-results", "instances.json");
  fs.rmSync(json, { force: true });
  run("npx", ["playwright", "test", "--config", "playwright-instances.config.ts"]);
  add("playwright (instances)", readPlaywright(json));
}

function run(cmd: string, argv: string[]) {
  const r = spawnSync(cmd, argv, { stdio: "inherit", env: process.env });
  return r.status ?? 1;
}

function add(name: string, r: { passed: number; failed: number; skipped: number } | null) {
  if (!r) {
    // The runner died before reporting (a crash, a build failure): count it as a failure, not silence.
    console.error(`[test] ${name} produced no report`);
    totals.failed += 1;
    return;
  }
  totals.passed += r.passed;
  totals.failed += r.failed;
  totals.skipped += r.skipped;
}

function readVitest(file: string) {
  if (!fs.existsSync(file)) return null;
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  // Files that failed to load count as failures even though they ran no test.
  type FileResult = { name: string; status: string; message?: string; assertionResults: { status: string; fullName: string }[] };
  const files: FileResult[] = j.testResults ?? [];
  const brokenFiles = files.filter((f) => f.status === "failed" && f.assertionResults.length === 0);
  for (const f of brokenFiles) failures.push(`${path.relative(process.cwd(), f.name)} (did not load: ${(f.message ?? "").split("\n")[0]})`);
  for (const f of files)
    for (const a of f.assertionResults) if (a.status === "failed") failures.push(`${path.relative(process.cwd(), f.name)} › ${a.fullName}`);
  return { passed: j.numPassedTests, failed: j.numFailedTests + brokenFiles.length, skipped: j.numPendingTests + j.numTodoTests };
}

function readPlaywright(file: string) {
  if (!fs.existsSync(file)) return null;
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  const s = j.stats ?? {};
  const errors = (j.errors ?? []).length;
  for (const e of j.errors ?? []) failures.push(`playwright: ${String(e.message ?? "").split("\n")[0]}`);
  collectPlaywright(j.suites ?? [], []);
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: (s.unexpected ?? 0) + errors, skipped: s.skipped ?? 0 };
}

function installChromium(expected: string) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = fs.existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    console.log("[test] Chromium not found; installing it and CJK/Thai fonts with apt-get …");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium", "fonts-noto-cjk", "fonts-thai-tlwg", "fonts-noto-color-emoji"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  }
  if (!fs.existsSync(expected)) {
    console.error(
      `[test] The browser tests need Chromium at ${expected} (set CHROMIUM_PATH to use another).\n` +
        `       On Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk fonts-thai-tlwg fonts-noto-color-emoji`,
    );
  }
}

type PwSuite = {
  title: string;
  file?: string;
  suites?: PwSuite[];
  specs?: { title: string; file: string; line: number; tests: { status: string; projectName: string }[] }[];
};

function collectPlaywright(suites: PwSuite[], titles: string[]) {
  for (const s of suites) {
    const here = s.file === s.title ? titles : [...titles, s.title];
    for (const spec of s.specs ?? []) {
      for (const t of spec.tests) {
        const name = `${spec.file}:${spec.line} › ${[...here, spec.title].join(" › ")} [${t.projectName}]`;
        if (t.status === "unexpected") failures.push(name);
        if (t.status === "flaky") flaky.push(name);
      }
    }
    collectPlaywright(s.suites ?? [], here);
  }
}
