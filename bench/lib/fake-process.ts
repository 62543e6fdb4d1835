import { spawn } from "node:child_process";
import path from "node:path";
import { refuseIfTaken } from "./port";

/** What the fake says of each of its channels (GET /__fake/config). */
export interface FakeChannelInfo {
  channelId: string;
  channelSecret: string;
  channelAccessToken: string;
  botUserId: string;
}

/** `npm run fake-line` as a child process (benchmarks: LINE's work must not share our CPU thread). */
export async function startFakeLineProcess(opts: { port: number; args?: string[] }) {
  const url = `http://127.0.0.1:${opts.port}`;
  await refuseIfTaken(url, "fake-line");
  const child = spawn(path.join("node_modules", ".bin", "tsx"), ["fake-line/main.ts", "--port", String(opts.port), ...(opts.args ?? [])], {
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const deadline = Date.now() + 60_000;
  let config: { channel: { channelAccessToken: string; channelSecret: string }; channels: FakeChannelInfo[] } | undefined;
  while (!config) {
    if (child.exitCode !== null) throw new Error(`fake-line exited:\n${output}`);
    try {
      const res = await fetch(`${url}/__fake/config`);
      if (res.ok) config = await res.json();
    } catch {}
    if (!config) {
      if (Date.now() > deadline) throw new Error(`fake-line did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    url,
    channelAccessToken: config.channel.channelAccessToken,
    channelSecret: config.channel.channelSecret,
    /** Every channel of the fake (with `--channels N`), the first first. */
    channels: config.channels,
    async close() {
      if (child.exitCode !== null) return;
      const done = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid!, "SIGTERM");
      await done;
    },
  };
}
