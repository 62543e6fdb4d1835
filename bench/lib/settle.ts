import { readThreadCpu } from "./thread-cpu";

// Phases of a benchmark share one server. Work an intake phase leaves behind (the friends projection,
// profile fetches: background work steps back while deliveries arrive) would otherwise run during the
// next phase and slow it down; a baseline phase slowed that way flatters the ratio. So a phase starts
// only once the server has been nearly idle for a moment, and what it spent catching up is reported.

export interface Settled {
  /** How long until the server went quiet. */
  ms: number;
  /** CPU the server spent meanwhile, all threads. */
  cpuMs: number;
  timedOut: boolean;
}

export async function settle(pid: number, options: { windowMs?: number; idleShare?: number; quietWindows?: number; maxMs?: number } = {}): Promise<Settled> {
  const windowMs = options.windowMs ?? 1000;
  // Idle: under 5 % of one core over a window (the background loop's idle ticks stay well below).
  const idleCpuMs = windowMs * (options.idleShare ?? 0.05);
  // Background work comes in waves (jobs fall due at their rate, the projection runs in rounds): one
  // quiet window can fall between two of them.
  const quietWindows = options.quietWindows ?? 2;
  const maxMs = options.maxMs ?? 60_000;
  const start = performance.now();
  const first = totalCpu(pid);
  let last = first;
  let quiet = 0;
  while (performance.now() - start < maxMs) {
    await new Promise((r) => setTimeout(r, windowMs));
    const now = totalCpu(pid);
    quiet = now - last <= idleCpuMs ? quiet + 1 : 0;
    last = now;
    if (quiet >= quietWindows) return { ms: Math.round(performance.now() - start), cpuMs: Math.round(now - first), timedOut: false };
  }
  return { ms: Math.round(performance.now() - start), cpuMs: Math.round(last - first), timedOut: true };
}

function totalCpu(pid: number): number {
  let sum = 0;
  for (const ms of readThreadCpu(pid).values()) sum += ms;
  return sum;
}
