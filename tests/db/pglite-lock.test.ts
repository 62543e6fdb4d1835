import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockPathFor } from "@/db/pglite-lock";
import { engine } from "../helpers/test-db";

// The PGlite data directory's lock, held by real processes. The one that matters: a server killed with
// SIGKILL (a crash, the OOM killer, a supervisor out of patience) and not yet reaped by its parent — a
// zombie, whose pid still answers kill(pid, 0) — must not keep its replacement from opening the database.
describe.runIf(engine() === "pglite")("PGlite data directory lock", () => {
  let dir: string;
  const started: ChildProcess[] = [];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "oa-lock-"));
  });
  afterAll(() => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a second process while the first has the directory open, naming the first", async () => {
    const dataDir = path.join(dir, "refused");
    const holder = await hold(dataDir);
    try {
      const second = await read(dataDir);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`The embedded database at ${dataDir} is already open in another process (pid ${holder.pid})`);
    } finally {
      holder.kill();
      await holder.exited;
    }
  });

  it("lets a new process open the directory within seconds of its owner's SIGKILL, while the owner is still a zombie", async () => {
    // The owner's parent is `sleep` (the shell execs it), which never reaps a child: SIGKILLed, the
    // owner stays a zombie until the sleep ends, as a server does under a supervisor that has not yet
    // collected its exit status.
    const dataDir = path.join(dir, "crashed");
    const parent = spawn("sh", ["-c", `node --import tsx tests/helpers/pglite-process.ts hold '${dataDir}' & echo "pid $!"; exec sleep 120`], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    started.push(parent);
    const out = await waitForOutput(parent, /pid (\d+)[\s\S]*open/, 60_000);
    const ownerPid = Number(/pid (\d+)/.exec(out)![1]);
    process.kill(ownerPid, "SIGKILL");
    await until(() => processState(ownerPid) === "Z", 5_000);
    expect(processState(ownerPid), "the killed owner is a zombie").toBe("Z");
    expect(fs.existsSync(lockPathFor(dataDir)), "its lock file is still there").toBe(true);

    const began = performance.now();
    const next = await read(dataDir);
    const seconds = (performance.now() - began) / 1000;
    expect(next.stderr).toBe("");
    expect(next.code).toBe(0);
    // The row the killed owner wrote survived it.
    expect(next.stdout).toMatch(/rows 1/);
    // Node with tsx starting (~1 s) and PGlite reopening a directory that was not closed (~1–2 s).
    expect(seconds).toBeLessThan(10);
    parent.kill("SIGKILL");
  });
});

interface Holder {
  pid: number;
  exited: Promise<void>;
  kill(): void;
}

async function hold(dataDir: string): Promise<Holder> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/pglite-process.ts", "hold", dataDir], { stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitForOutput(child, /open/, 60_000);
  return { pid: child.pid!, exited, kill: () => child.kill("SIGKILL") };
}

function read(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/pglite-process.ts", "read", dataDir], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr: stderr.trim() })));
}

function waitForOutput(child: ChildProcess, pattern: RegExp, ms: number): Promise<string> {
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms:\n${output}`)), ms);
    const onData = (d: Buffer) => {
      output += d;
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (d: Buffer) => (output += d));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before ${pattern}:\n${output}`));
    });
  });
}

// The state letter of /proc/<pid>/stat (R, S, Z…), or undefined once the process is gone.
function processState(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  } catch {
    return undefined;
  }
}

async function until(done: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}
