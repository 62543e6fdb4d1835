// `npm run smoke:release [-- --postgres postgres://user:password@host:5432/postgres] [--no-build]`: builds the
// release (npm run release), copies it to an empty directory outside the repository — where nothing of the
// repository's node_modules can be reached — and runs it as it is deployed, `node server.js`, on PGlite and
// (given a server) on PostgreSQL, against the fake LINE platform (fake-line/, run from the repository).
// Each check prints ✔ or ✘; the last line is "N passed, N failed", which .ci/run adds to CI's count.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { DEMO_CHANNEL_ACCESS_TOKEN, DEMO_CHANNEL_SECRET } from "../fake-line/options";

const args = process.argv.slice(2);
const postgresUrl = args.includes("--postgres") ? args[args.indexOf("--postgres") + 1] : undefined;
const ADMIN = { email: "smoke-admin@example.com", password: "smoke-admin-password-1" };
const AUTH_SECRET = randomBytes(32).toString("hex");
// A server that takes longer than this to answer after `node server.js` has failed to start.
const START_WITHIN_MS = 90_000;

const results: Array<{ name: string; ok: boolean; detail: string }> = [];
const children = new Set<ChildProcess>();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "oa-release-smoke-"));
const app = path.join(work, "app");
let fakeUrl = "";
let dropDatabase: (() => Promise<void>) | undefined;

try {
  await main();
} catch (err) {
  record("the smoke test ran to its end", false, (err as Error).stack ?? String(err));
} finally {
  for (const child of children) child.kill("SIGKILL");
  await dropDatabase?.().catch((err: unknown) => console.error(`could not drop the smoke database: ${(err as Error).message}`));
  fs.rmSync(work, { recursive: true, force: true });
}
const failed = results.filter((r) => !r.ok);
if (failed.length) console.log(`\nFailed:\n${failed.map((r) => `  ✘ release smoke › ${r.name}`).join("\n")}`);
console.log(`\n${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);

async function main() {
  if (!args.includes("--no-build")) {
    const built = spawnSync("npm", ["run", "--silent", "release"], { stdio: "inherit" });
    record("npm run release builds dist/release", built.status === 0, `exit ${built.status}`);
    if (built.status !== 0) return;
  }
  fs.cpSync(path.join("dist", "release"), app, { recursive: true, verbatimSymlinks: true });
  console.log(`\nThe release, copied to ${app}`);
  // Nothing above the copy that Node would look in for a package: it has its own node_modules only.
  const above = ancestors(work).filter((dir) => fs.existsSync(path.join(dir, "node_modules")));
  record("the copy of the release has no node_modules above it", above.length === 0, above.join(", "));

  const fakePort = await freePort();
  const fake = spawn(process.execPath, ["--import", "tsx", "fake-line/main.ts", "--port", String(fakePort), "--quota", "none", "--friends", "200"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.add(fake);
  fakeUrl = `http://127.0.0.1:${fakePort}`;
  await until(async () => (await fetch(`${fakeUrl}/__fake/health`)).ok, 60_000, "the fake LINE platform did not start");

  await engine("PGlite", { PGLITE_DATA_DIR: path.join(work, "data", "pglite") }, { crash: true });
  if (postgresUrl) {
    const name = `oa_smoke_${randomBytes(5).toString("hex")}`;
    await adminQuery(postgresUrl, `create database ${name}`);
    dropDatabase = () => adminQuery(postgresUrl, `drop database if exists ${name} with (force)`);
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    await engine("PostgreSQL", { DATABASE_URL: url.toString() }, { crash: false });
  } else {
    console.log("\n(no --postgres server given: the release is not tried on PostgreSQL)");
  }

  await check("a release that cannot open its database exits 1 at once, saying why", async () => {
    const began = performance.now();
    const run = spawn(process.execPath, ["server.js"], {
      cwd: app,
      env: await serverEnv({ DATABASE_URL: "postgres://oa:oa@127.0.0.1:1/oa" }),
      stdio: ["ignore", "ignore", "pipe"],
    });
    children.add(run);
    let stderr = "";
    run.stderr!.on("data", (d) => (stderr += d));
    const code = await exitOf(run, 30_000);
    const seconds = (performance.now() - began) / 1000;
    assert(code === 1, `exit code ${code}`);
    assert(stderr.includes("could not be opened"), `stderr: ${stderr}`);
    return `exit 1 after ${seconds.toFixed(1)} s: ${stderr.trim().split("\n")[0]}`;
  });
}

// One database engine: start the release on it, go through what a deployment needs, stop it.
async function engine(name: string, database: Record<string, string>, options: { crash: boolean }) {
  console.log(`\n— ${name}`);
  const env = await serverEnv(database);
  const base = `http://127.0.0.1:${env.PORT}`;
  let server = start(env);

  const up = await check(`${name}: \`node server.js\` starts and answers liveness`, async () => {
    const began = performance.now();
    await until(async () => (await fetch(`${base}/api/health`)).ok, START_WITHIN_MS, `not answering after ${START_WITHIN_MS / 1000} s:\n${server.output()}`);
    return `${((performance.now() - began) / 1000).toFixed(1)} s`;
  });
  if (!up) return;

  await check(`${name}: readiness: database, migrations, background work`, async () => {
    const res = await fetch(`${base}/api/health/ready`);
    const body = await res.text();
    assert(res.status === 200, `${res.status} ${body}`);
    return body;
  });

  await check(`${name}: public files, static assets and X-Robots-Tag`, async () => {
    const robots = await fetch(`${base}/robots.txt`);
    assert(robots.status === 200 && (await robots.text()).includes("Disallow: /"), `robots.txt: ${robots.status}`);
    assert(robots.headers.get("x-robots-tag") === "noindex, nofollow", `x-robots-tag: ${robots.headers.get("x-robots-tag")}`);
    const page = await fetch(`${base}/sign-in`);
    const chunk = /\/_next\/static\/[^"]+\.js/.exec(await page.text())?.[0];
    assert(page.status === 200 && chunk !== undefined, `the sign-in page: ${page.status}`);
    const script = await fetch(`${base}${chunk}`);
    assert(script.status === 200, `${chunk}: ${script.status}`);
    return "robots.txt, /sign-in and its scripts";
  });

  let cookie = "";
  await check(`${name}: the admin from ADMIN_EMAIL / ADMIN_PASSWORD signs in`, async () => {
    const res = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify(ADMIN),
    });
    assert(res.status === 200, `${res.status} ${await res.text()}`);
    cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const me = await fetch(`${base}/api/me`, { headers: { cookie } });
    assert(me.status === 200, `GET /api/me: ${me.status}`);
    return ADMIN.email;
  });

  await check(`${name}: a webhook signed with the channel secret is stored`, async () => {
    const user = `U${randomBytes(16).toString("hex")}`;
    const eventId = randomUUID();
    const status = await postWebhook(base, user, eventId);
    assert(status === 200, `POST /api/line/webhook: ${status}`);
    const res = await fetch(`${base}/api/events?userId=${user}`, { headers: { cookie } });
    const { items } = (await res.json()) as { items: Array<{ webhookEventId: string }> };
    assert(
      items.some((e) => e.webhookEventId === eventId),
      `not among the stored events: ${JSON.stringify(items)}`,
    );
    return `event ${eventId}`;
  });

  await check(`${name}: a push reaches the LINE platform (the fake's inbox)`, async () => {
    const { users } = (await (await fetch(`${fakeUrl}/__fake/friends?status=following&limit=1`)).json()) as { users: Array<{ userId: string }> };
    const to = users[0]!.userId;
    const text = `release smoke ${randomBytes(4).toString("hex")}`;
    const res = await fetch(`${base}/api/messages/push`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, cookie },
      body: JSON.stringify({ to, messages: [{ type: "text", text }] }),
    });
    assert(res.status === 202, `POST /api/messages/push: ${res.status} ${await res.text()}`);
    const began = performance.now();
    await until(
      async () => {
        const inbox = (await (await fetch(`${fakeUrl}/__fake/inbox/${to}?kind=push`)).json()) as {
          entries: Array<{ messages: Array<{ message: { text?: string } }> }>;
        };
        return inbox.entries.some((e) => e.messages.some((m) => m.message.text === text));
      },
      30_000,
      "the push never reached the fake's inbox",
    );
    return `delivered to ${to} ${((performance.now() - began) / 1000).toFixed(1)} s after it was accepted`;
  });

  if (options.crash) {
    await check(`${name}: killed with SIGKILL and restarted at once, it is ready within seconds`, async () => {
      server.child.kill("SIGKILL");
      await exitOf(server.child, 10_000);
      const began = performance.now();
      server = start(env);
      await until(async () => (await fetch(`${base}/api/health/ready`)).ok, 60_000, `not ready after 60 s:\n${server.output()}`);
      const seconds = (performance.now() - began) / 1000;
      assert(seconds < 30, `ready only after ${seconds.toFixed(1)} s`);
      return `ready ${seconds.toFixed(1)} s after the restart`;
    });
  }

  await check(`${name}: SIGTERM stops it cleanly`, async () => {
    server.child.kill("SIGTERM");
    const code = await exitOf(server.child, 20_000);
    assert(code === 0, `exit code ${code}:\n${server.output()}`);
    return "exit 0";
  });
}

function start(env: NodeJS.ProcessEnv) {
  // Only Node and the release directory: no npm, no tsx, nothing of the repository.
  const child = spawn(process.execPath, ["server.js"], { cwd: app, env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return { child, output: () => output.trim().split("\n").slice(-20).join("\n") };
}

// What a deployment sets, and nothing of this process's environment but PATH (HOME is the smoke test's
// directory: Node would look for packages in ~/.node_modules).
async function serverEnv(database: Record<string, string>): Promise<NodeJS.ProcessEnv> {
  const port = await freePort();
  return {
    PATH: process.env.PATH,
    HOME: work,
    NODE_ENV: "production",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    APP_URL: `http://127.0.0.1:${port}`,
    BETTER_AUTH_SECRET: AUTH_SECRET,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LINE_CHANNEL_SECRET: DEMO_CHANNEL_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: DEMO_CHANNEL_ACCESS_TOKEN,
    LINE_API_BASE_URL: fakeUrl,
    LINE_DATA_API_BASE_URL: fakeUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    ...database,
  };
}

async function postWebhook(base: string, user: string, webhookEventId: string): Promise<number> {
  const body = JSON.stringify({
    destination: "U58b2a2055bb55bcbb37d2f2a4276b0bd",
    events: [
      {
        type: "message",
        mode: "active",
        timestamp: Date.now(),
        source: { type: "user", userId: user },
        webhookEventId,
        deliveryContext: { isRedelivery: false },
        replyToken: randomBytes(16).toString("hex"),
        message: { type: "text", id: String(Date.now()), quoteToken: "q", text: "release smoke" },
      },
    ],
  });
  const signature = createHmac("sha256", DEMO_CHANNEL_SECRET).update(body).digest("base64");
  const res = await fetch(`${base}/api/line/webhook`, { method: "POST", headers: { "content-type": "application/json", "x-line-signature": signature }, body });
  await res.arrayBuffer();
  return res.status;
}

async function check(name: string, run: () => Promise<string>): Promise<boolean> {
  const began = performance.now();
  try {
    const detail = await run();
    record(name, true, `${detail} (${((performance.now() - began) / 1000).toFixed(1)} s)`);
    return true;
  } catch (err) {
    record(name, false, (err as Error).message);
    return false;
  }
}

function record(name: string, ok: boolean, detail: string) {
  results.push({ name, ok, detail });
  console.log(`    ${ok ? "✔" : "✘"} ${name}${detail ? `: ${detail.length > 400 ? `${detail.slice(0, 400)}…` : detail}` : ""}`);
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function until(done: () => Promise<boolean>, ms: number, message: string) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await done().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function exitOf(child: ChildProcess, ms: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still running after ${ms / 1000} s`)), ms);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

function ancestors(dir: string): string[] {
  const parent = path.dirname(dir);
  return parent === dir ? [dir] : [dir, ...ancestors(parent)];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function adminQuery(url: string, query: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}
