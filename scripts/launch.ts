// `npm run dev` and `npm start`: the console's own HTTP server with Next inside it (lib/platform/server/console-server.ts),
// in this process. With LINE credentials configured that is all. Without them it runs the console in
// demo mode: the fake LINE platform (fake-line/) starts alongside, seeded, wired both ways (the app's SDK
// clients call it; it delivers signed webhooks to the app), and the console shows a banner saying it is
// connected to the local fake, not LINE. Beside the fake runs a sample bot (examples/echo-bot), the
// team's own bot of the demo, for the console to relay deliveries to. DEMO_MODE=0 keeps the fake off
// (the benchmarks measure the console alone).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startEchoBot, type EchoBot } from "../examples/echo-bot/echo-bot";
import { startFakeLine, type FakeLine } from "../fake-line/server";
import { EnvError, parseEnv } from "../lib/env.js";
import { awaitRuntimeStartup, runtimeSlot, stopRuntime } from "@/lib/runtime/current";

const mode = process.argv[2] === "start" ? "start" : "dev";
// Node closes an idle keep-alive connection after 5 s. A load balancer that keeps its upstream
// connections open longer (60 s is common) can send a request down one the server is closing that very
// moment, and the client gets a 502. The server must be the side that waits longer.
const KEEP_ALIVE_MS = 65_000;
// Orchestrators wait 10–30 s after SIGTERM before they kill; the drain takes at most 5 s of this.
const STOP_WITHIN_MS = 15_000;
// How long Next may take to call instrumentation.ts, which starts building the runtime (`next dev`
// compiles it first). Building it takes no deadline: migrations on a big PostgreSQL database may be slow.
const RUNTIME_BEGINS_WITHIN_MS = 120_000;
if (fs.existsSync(".env")) process.loadEnvFile(".env");
// As `next start` and `next dev` do; before Next (and React, which picks its build by it) is loaded.
Object.assign(process.env, { NODE_ENV: mode === "start" ? "production" : "development" });

const env = validatedEnv();
// HOSTNAME binds `npm start` only: development containers export HOSTNAME as the container's name, and
// `npm run dev` must still answer on localhost there.
const listenOn = mode === "start" ? env.HOSTNAME : undefined;
// From here on a stop signal closes whatever has been opened (the database, jobs) before exiting.
let server: Awaited<ReturnType<typeof import("@/lib/platform/server/console-server").startConsoleServer>> | undefined;
let fake: FakeLine | undefined;
let echoBot: EchoBot | undefined;
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stopEverything().finally(() => process.exit(0));
  });
}

const secret = process.env.BETTER_AUTH_SECRET ? undefined : persistentSecret();
if (secret) process.env.BETTER_AUTH_SECRET = secret;

if (!env.lineConfigured && !/^(0|false|no)$/i.test(process.env.DEMO_MODE ?? "")) {
  const fakePort = Number(process.env.FAKE_LINE_PORT ?? 4010);
  fake = await startFakeLine({
    port: fakePort,
    seed: Number(process.env.FAKE_LINE_SEED ?? 42),
    // Two Official Accounts (a café in Taipei, a shop in Bangkok) under two providers: the console adds
    // the second at start-up (lib/demo/demo-channels.ts), so the channel switcher is there from the start.
    preset: "demo-two",
    webhookUrl: `http://${loopbackHost(listenOn)}:${env.PORT}/api/line/webhook`,
    redelivery: true,
  });
  Object.assign(process.env, {
    DEMO_MODE: "1",
    FAKE_LINE_URL: fake.url,
    LINE_CHANNEL_SECRET: fake.channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
  });
  echoBot = await startDemoEchoBot(fake, env.ECHO_BOT_PORT);
  // Only the launcher says where the bot is: a value left in the environment would name a bot not running.
  if (echoBot) process.env.DEMO_ECHO_BOT_URL = echoBot.url;
  else delete process.env.DEMO_ECHO_BOT_URL;
  console.log(
    `\n  Demo mode: no LINE credentials are set, so the console is connected to the local fake LINE\n` +
      `  platform at ${fake.url} (seeded world, seed ${fake.platform.seed}).\n` +
      (echoBot ? `  A sample bot that echoes what friends write listens at ${echoBot.url} (examples/echo-bot).\n` : "") +
      `  Set LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN (see .env.example) to use a real channel.\n`,
  );
}

// The database opened and migrated and background work started before the first connection is taken.
// When that fails the process exits, saying why, for its supervisor to restart it: a server that cannot
// open its database must not stay up answering every request (LINE's webhooks included) with 500.
const runtimeStartup = awaitRuntimeStartup();
// Loaded only now: Next reads NODE_ENV and the demo settings above as it loads.
const { startConsoleServer } = await import("@/lib/platform/server/console-server");
try {
  server = await startConsoleServer({
    dev: mode === "dev",
    port: env.PORT,
    hostname: listenOn,
    trustedHops: env.TRUST_PROXY,
    hsts: mode === "start" && env.APP_URL.startsWith("https://"),
    keepAliveMs: KEEP_ALIVE_MS,
    beforeListen: async () => {
      const { runtime } = await within(RUNTIME_BEGINS_WITHIN_MS, runtimeStartup, "instrumentation.ts did not start the runtime");
      await runtime;
    },
  });
} catch (err) {
  console.error(`The console could not start: ${(err as Error).message}`);
  // What did start (the fake, the echo bot; the runtime, if only listening failed) stops first.
  if (!stopping) {
    stopping = true;
    await stopEverything();
  }
  process.exit(1);
}
console.log(`  oa-console (${mode === "start" ? "production" : "development"}) listening on ${server.url}${listenOn ? "" : " (every interface)"}\n`);

// A deploy, `docker stop`, Ctrl+C. Within STOP_WITHIN_MS, else the process exits anyway.
async function stopEverything() {
  const late = setTimeout(() => {
    console.error(`[server] still stopping after ${STOP_WITHIN_MS / 1000} s; exiting anyway`);
    process.exit(1);
  }, STOP_WITHIN_MS);
  const step = (name: string) => (err: unknown) => console.error(`[server] stopping ${name}:`, (err as Error).message);
  // 1. Open live streams end now: they never finish by themselves and would hold the drain open.
  //    Browsers reconnect on their own (to another instance, behind a load balancer).
  await (await runtimeSlot()?.catch(() => undefined))?.live.close().catch(step("live streams"));
  // 2. No new connections; the requests under way finish (a few seconds at most).
  await server?.stop().catch(step("the HTTP server"));
  // 3. The runtime in reverse of how it was built: background work finishes or gives its leases back,
  //    the webhook's pending timings are written, the database closes (and PGlite's lock goes).
  await stopRuntime().catch(step("the runtime"));
  // 4. The echo bot before the fake, so the replies it is still sending reach it.
  await echoBot?.close().catch(step("the echo bot"));
  await fake?.close().catch(step("the fake LINE platform"));
  clearTimeout(late);
}

// The demo's echo bot, with the fake's credentials. Best effort: the console and the fake work without
// it, so a taken port is a warning, not a reason to stop.
async function startDemoEchoBot(fake: FakeLine, port: number): Promise<EchoBot | undefined> {
  if (port === 0) return undefined;
  try {
    return await startEchoBot({
      port,
      hostname: "127.0.0.1",
      channelSecret: fake.channelSecret,
      channelAccessToken: fake.channelAccessToken,
      apiBaseUrl: fake.url,
    });
  } catch (err) {
    console.warn(`  The sample echo bot could not start on port ${port} (${(err as Error).message}): set ECHO_BOT_PORT to a free port, or 0.`);
    return undefined;
  }
}

function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function validatedEnv() {
  try {
    return parseEnv(process.env);
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

// Sessions are signed with BETTER_AUTH_SECRET. In development it is generated once and kept in .data/
// so sign-ins survive restarts; production must set it (lib/env.js says so at start-up).
function persistentSecret(): string | undefined {
  if (mode === "start" && env.lineConfigured) return undefined;
  const file = path.join(".data", "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(".data", { recursive: true });
  const secret = randomBytes(32).toString("hex");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

// Where the fake platform reaches the console: the address it listens on, or loopback when that is
// every interface.
function loopbackHost(hostname: string | undefined): string {
  if (!hostname || hostname === "0.0.0.0" || hostname === "::") return "127.0.0.1";
  return hostname.includes(":") ? `[${hostname}]` : hostname;
}
