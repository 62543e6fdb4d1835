import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquirePgliteLock, isPgliteLocked, lockPathFor } from "@/db/pglite-lock";

// The lock itself, in this process (tests/db/pglite-lock.test.ts holds it from real processes, and kills them).
describe("PGlite data directory lock", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oa-lock-unit-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is taken once: a second opener, even in the same process, is refused until it is released", () => {
    const dataDir = path.join(dir, "once");
    const release = acquirePgliteLock(dataDir);
    expect(() => acquirePgliteLock(dataDir)).toThrow(/is already open in another process\. Stop that process first/);
    expect(isPgliteLocked(dataDir)).toBe(true);
    release();
    expect(isPgliteLocked(dataDir)).toBe(false);
    acquirePgliteLock(dataDir)();
  });

  it("replaces an earlier version's lock file (a pid in text) when that process is gone", async () => {
    const dataDir = path.join(dir, "old-gone");
    const gone = spawn("true");
    await new Promise((r) => gone.once("exit", r));
    fs.writeFileSync(lockPathFor(dataDir), String(gone.pid));
    const release = acquirePgliteLock(dataDir);
    expect(isPgliteLocked(dataDir)).toBe(true);
    release();
  });

  it("refuses an earlier version's lock file while its process still runs", async () => {
    const dataDir = path.join(dir, "old-running");
    const running = spawn("sleep", ["30"]);
    try {
      fs.writeFileSync(lockPathFor(dataDir), String(running.pid));
      expect(() => acquirePgliteLock(dataDir)).toThrow(`already open in another process (pid ${running.pid})`);
    } finally {
      running.kill("SIGKILL");
    }
  });
});
