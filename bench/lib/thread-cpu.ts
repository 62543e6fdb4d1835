import fs from "node:fs";

// CPU time of a process's threads, by thread name, from /proc (Linux; elsewhere the readings are
// empty). Throughput on a shared machine drifts from one phase to the next; CPU milliseconds per
// request are steadier, and say which thread the time goes to: the web server's (the process's main
// thread since the console runs its own HTTP server; "next-server" under `next start`), the embedded
// database's ("WorkerThread"), V8's garbage collection helpers, libuv's pool.

export type ThreadCpu = Map<string, number>;

export function readThreadCpu(pid: number): ThreadCpu {
  const byName: ThreadCpu = new Map();
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return byName;
  }
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  for (const tid of tasks) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime and stime are fields 14 and 15 of stat; 12 and 13 after the name.
      const ms = (Number(fields[11]) + Number(fields[12])) * tick;
      const key = tid === String(pid) || name.startsWith("next-server") ? "server" : name === "WorkerThread" ? "db" : name.startsWith("V8") ? "gc" : "other";
      byName.set(key, (byName.get(key) ?? 0) + ms);
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return byName;
}

/** Milliseconds of CPU per request, by thread, between two readings. */
export function cpuPerRequest(before: ThreadCpu, after: ThreadCpu, requests: number): Record<string, number> {
  const out: Record<string, number> = {};
  if (requests === 0 || after.size === 0) return out;
  for (const [key, ms] of after) out[key] = Math.round(((ms - (before.get(key) ?? 0)) / requests) * 1000) / 1000;
  return out;
}
