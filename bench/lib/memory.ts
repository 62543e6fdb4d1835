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

/**
 * Start the peak over (Linux: VmHWM falls to the current resident size), so the next peakMemoryMb is the
 * peak of what follows: a phase's own, not start-up's. False when not possible (another OS, no rights).
 */
export function resetPeakMemory(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}
