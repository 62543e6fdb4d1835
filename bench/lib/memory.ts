import fs from "node:fs";

/**
 * The process's peak resident memory so far in MB (VmHWM in /proc; Linux only, else null). PGlite runs
 * in a thread of the server's process, so this is the console and its embedded database together.
 */
export function peakMemoryMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}
