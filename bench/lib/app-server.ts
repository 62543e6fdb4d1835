import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { refuseIfTaken } from "./port";

export interface AppServer {
  url: string;
  /** The server process (the launcher runs the server, and Next inside it, in the process it starts as). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * The console started as `npm start` starts it (scripts/launch.ts, without npm in between) on a port,
 * with the given environment; resolves when /api/health answers ok. Without LINE credentials in `env`
 * it runs without the demo's fake platform (DEMO_MODE=0): the benchmark measures the console alone.
 */
export async function startApp(opts: { port: number; env: Record<string, string>; logFile?: string }): Promise<AppServer> {
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npx next build` first (the benchmark measures `npm start`).");
  }
  const url = `http://127.0.0.1:${opts.port}`;
  await refuseIfTaken(url, "npm start");
  // APP_URL is the origin sign-in and state-changing requests must come from.
  const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "launch.ts"), "start"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DEMO_MODE: "0", PORT: String(opts.port), HOSTNAME: "127.0.0.1", APP_URL: url, ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  // The server's own output, also to a file when asked (what it said before it stopped, in a long run).
  const log = opts.logFile ? fs.createWriteStream(opts.logFile) : undefined;
  child.stdout!.on("data", (d) => {
    output += d;
    log?.write(d);
  });
  child.stderr!.on("data", (d) => {
    output += d;
    log?.write(d);
  });
  child.once("exit", (code, signal) => log?.end(`[bench] the server exited: code ${code}, signal ${signal}\n`));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await kill(child);
      throw new Error(`npm start did not become healthy:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, pid: child.pid!, stop: () => kill(child) };
}

async function kill(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {}
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {}
  }, 5000);
  await done;
  clearTimeout(timer);
}
