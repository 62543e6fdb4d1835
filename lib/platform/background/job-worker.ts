import os from "node:os";
import type { Db } from "@/db/client";
import { claimJobs, completeJob, failJob, rescheduleJob, type JobRow } from "@/db/queries/jobs";
import { log } from "../log";

/**
 * What a job handler may answer: nothing (done), or "not yet" — come back at `retryAt` without counting
 * an attempt (LINE's 202 "still preparing", a rate-limit window). `holdKind` says the wait is not this
 * job's alone (the rate window is used up, LINE answered 429): this worker then claims no job of the kind
 * before `retryAt`, instead of claiming a backlog only to put every job of it back. Throwing counts a
 * failed attempt: it is retried with backoff until maxAttempts, then marked failed with the error.
 */
export type JobResult = void | { retryAt: Date; payload?: unknown; holdKind?: boolean };
export type JobHandler = (job: JobRow, ctx: { db: Db }) => Promise<JobResult>;

export function createJobWorker(options: { db: Db; handlers: Record<string, JobHandler>; workerId?: string; maxInFlight?: number; leaseMs?: number }) {
  const worker = options.workerId ?? `${os.hostname()}:${process.pid}:jobs`;
  const maxInFlight = options.maxInFlight ?? 8;
  const kinds = Object.keys(options.handlers);
  const inFlight = new Set<Promise<void>>();
  const heldUntil = new Map<string, number>();

  async function run(job: JobRow) {
    const handler = options.handlers[job.kind]!;
    try {
      const result = await handler(job, { db: options.db });
      if (result && "retryAt" in result) {
        if (result.holdKind) heldUntil.set(job.kind, Math.max(heldUntil.get(job.kind) ?? 0, result.retryAt.getTime()));
        await rescheduleJob(options.db, { id: job.id, worker, runAt: result.retryAt, uncount: true, payload: result.payload });
      } else {
        await completeJob(options.db, { id: job.id, worker });
      }
    } catch (err) {
      const message = (err as Error)?.message ?? String(err);
      if (job.attempts >= job.maxAttempts) {
        await failJob(options.db, { id: job.id, worker, error: message });
      } else {
        const delay = Math.min(3_600_000, 2_000 * 2 ** (job.attempts - 1)) * (0.5 + Math.random());
        await rescheduleJob(options.db, { id: job.id, worker, runAt: new Date(Date.now() + delay), error: message });
      }
    }
  }

  return {
    async tick(): Promise<number> {
      const now = Date.now();
      const open = kinds.filter((kind) => (heldUntil.get(kind) ?? 0) <= now);
      const limit = maxInFlight - inFlight.size;
      if (open.length === 0 || limit <= 0) return 0;
      const claimed = await claimJobs(options.db, { kinds: open, worker, limit, leaseMs: options.leaseMs ?? 120_000 });
      for (const job of claimed) {
        const p: Promise<void> = run(job)
          .catch((err: unknown) => log().error({ scope: "jobs", kind: job.kind, key: job.key, err }, "job failed unexpectedly"))
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      return claimed.length;
    },
    get busy() {
      return inFlight.size;
    },
    async drain() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
}
