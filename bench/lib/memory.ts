import fs from "node:fs";

/**
 * The process's peak resident memory in MB since it started or since the last resetPeakMemory (VmHWM in
 * /proc; Linux only, else null). PGlite runs in a thread of the server's process, so this is the console
 * and its embedded database together.
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
 * Start the peak over (writing 5 to /proc/<pid>/clear_refs), and answer the peak until now. The server's
 * start-up has a peak of its own — PGlite's first seconds in a fresh process reach about 1 GB for a
 * moment, then settle near 500 MB — which would otherwise hide what the measured work needs.
 */
export function resetPeakMemory(pid: number): number | null {
  const before = peakMemoryMb(pid);
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    // Not Linux, or not allowed: the peak then includes start-up, and says so by being the same.
  }
  return before;
}
