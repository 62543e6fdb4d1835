// `npm run dev` and `npm start`. With LINE credentials configured, this just runs Next. Without them it
// runs the console in demo mode: the fake LINE platform (fake-line/) starts alongside, seeded, wired
// both ways (the app's SDK clients call it; it delivers signed webhooks to the app), and the console
// shows a banner saying it is connected to the local fake, not LINE.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startFakeLine, type FakeLine } from "../fake-line/server";
import { EnvError, parseEnv } from "../lib/env.js";

const mode = process.argv[2] === "start" ? "start" : "dev";
// Node closes an idle keep-alive connection after 5 s. A load balancer that keeps its upstream
// connections open longer (60 s is common) can send a request down one the server is closing that very
// moment, and the client gets a 502. The server must be the side that waits longer.
const KEEP_ALIVE_MS = 65_000;
if (fs.existsSync(".env")) process.loadEnvFile(".env");

const env = validatedEnv();

const childEnv: NodeJS.ProcessEnv = { ...process.env };
childEnv.BETTER_AUTH_SECRET ??= persistentSecret();

let fake: FakeLine | undefined;
if (!env.lineConfigured) {
  const fakePort = Number(process.env.FAKE_LINE_PORT ?? 4010);
  fake = await startFakeLine({
    port: fakePort,
    seed: Number(process.env.FAKE_LINE_SEED ?? 42),
    webhookUrl: `http://127.0.0.1:${env.PORT}/api/line/webhook`,
    redelivery: true,
  });
  Object.assign(childEnv, {
    DEMO_MODE: "1",
    FAKE_LINE_URL: fake.url,
    LINE_CHANNEL_SECRET: fake.channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
  });
  console.log(
    `\n  Demo mode: no LINE credentials are set, so the console is connected to the local fake LINE\n` +
      `  platform at ${fake.url} (seeded world, seed ${fake.platform.seed}).\n` +
      `  Set LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN (see .env.example) to use a real channel.\n`,
  );
}

const next = path.join("node_modules", ".bin", "next");
const args = mode === "dev" ? ["dev", "-p", String(env.PORT)] : ["start", "-p", String(env.PORT), "--keepAliveTimeout", String(KEEP_ALIVE_MS)];
const child = spawn(next, args, { stdio: "inherit", env: childEnv });

const stop = (signal: NodeJS.Signals) => {
  child.kill(signal);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.on("exit", async (code) => {
  await fake?.close();
  process.exit(code ?? 0);
});

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
