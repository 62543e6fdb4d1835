import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { adminQuery, withDatabase } from "../helpers/db-global-setup";

// The real parts of the multi-instance test, each its own process in its own process group: the fake
// LINE platform, and consoles started as `npm start` starts them (scripts/launch.ts, no npm in between).
// A kill of the group takes the console and anything it started, as a machine going away would.

export interface Started {
  url: string;
  pid: number;
  /** The last lines it printed, for a failure's message. */
  output(): string;
  /** SIGKILL to the whole process group; resolves once it has exited. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

export async function startFakeLine(options: { args: string[]; logFile: string }): Promise<Started & { channelSecret: string; channelAccessToken: string }> {
  const port = await freePort();
  const child = spawnGroup(process.execPath, ["--import", "tsx", "fake-line/main.ts", "--port", String(port), ...options.args], process.env, options.logFile);
  const started = handle(child, `http://127.0.0.1:${port}`, options.logFile);
  const config = await until(
    async () => {
      const res = await fetch(`${started.url}/__fake/config`);
      return res.ok ? ((await res.json()) as { channel: { channelSecret: string; channelAccessToken: string } }) : undefined;
    },
    child,
    60_000,
    () => `the fake LINE platform did not start:\n${started.output()}`,
  );
  return { ...started, channelSecret: config.channel.channelSecret, channelAccessToken: config.channel.channelAccessToken };
}

/** A console of the production build in .next on `port`; resolves once it is ready. */
export async function startConsole(options: { port: number; env: Record<string, string>; logFile: string }): Promise<Started> {
  const port = options.port;
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Nothing of the runner's own database or demo settings may leak into the instance.
  for (const name of ["DATABASE_URL", "TEST_DATABASE_URL", "PGLITE_DATA_DIR", "DEMO_MODE", "FAKE_LINE_URL", "ADMIN_EMAIL", "ADMIN_PASSWORD"]) delete env[name];
  Object.assign(env, { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", HOSTNAME: "127.0.0.1", PORT: String(port), DEMO_MODE: "0", ...options.env });
  const child = spawnGroup(process.execPath, ["--import", "tsx", path.join("scripts", "launch.ts"), "start"], env, options.logFile);
  const started = handle(child, `http://127.0.0.1:${port}`, options.logFile);
  // Readiness, not liveness: the database opened and migrated, background work (sending) running.
  await until(
    async () => (await fetch(`${started.url}/api/health/ready`)).ok || undefined,
    child,
    120_000,
    () => `the console on port ${port} did not become ready:\n${started.output()}`,
  );
  return started;
}

/** A new, empty database on the server of `adminUrl`, and how to drop it. */
export async function createDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `oa_instances_${randomBytes(5).toString("hex")}`;
  await adminQuery(adminUrl, `create database ${name}`);
  return { url: withDatabase(adminUrl, name), drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`) };
}

function spawnGroup(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, "a");
  // detached: a process group of its own, so a kill reaches everything it started.
  const child = spawn(command, args, { env, stdio: ["ignore", log, log], detached: true });
  fs.closeSync(log);
  return child;
}

function handle(child: ChildProcess, url: string, logFile: string): Started {
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const alive = () => child.exitCode === null && child.signalCode === null;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {}
  };
  return {
    url,
    pid: child.pid!,
    output: () => tail(logFile),
    async kill() {
      if (alive()) signal("SIGKILL");
      await exited;
    },
    async stop() {
      if (!alive()) return;
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function until<T>(probe: () => Promise<T | undefined>, child: ChildProcess, ms: number, message: () => string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(message());
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(message());
    await new Promise((r) => setTimeout(r, 200));
  }
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, "utf8").trim().split("\n").slice(-30).join("\n");
  } catch {
    return "";
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
