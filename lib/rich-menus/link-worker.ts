import os from "node:os";
import { HTTPFetchError } from "@line/bot-sdk";
import type { Db } from "@/db/client";
import { claimLinkBatches, finishLinkBatch, type BatchOutcome, type ClaimedBatch } from "@/db/queries/rich-menu-link-runs";
import { getRichMenu } from "@/db/queries/rich-menus";
import type { ClientsFor } from "@/lib/line/clients";
import type { BackgroundTask } from "@/lib/platform/background/runner";
import { log } from "@/lib/platform/log";

// Sends link runs' batches with LINE's bulk link/unlink (≤ 500 friends a request, 202, idempotent). Any
// number of workers (one per instance) share the queue: a batch is leased to one worker (FOR UPDATE SKIP
// LOCKED), sent, and marked done with its links in one transaction while the lease is held. A failure
// LINE may recover from (5xx, 429, no answer) is retried with backoff up to `maxAttempts`; then the
// batch fails and, once nothing is pending, the run is failed until someone resumes it. A batch whose
// answer was lost is sent again — the only repeat, harmless since linking again changes nothing.

export interface LinkWorkerOptions {
  db: Db;
  clients: ClientsFor;
  workerId?: string;
  maxInFlight?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** First retry after about this long, doubling each attempt (capped at 5 minutes). */
  backoffMs?: number;
  /** No LINE call may hang a worker: the SDK's fetch has no timeout of its own. */
  callTimeoutMs?: number;
}

export function createLinkWorker(options: LinkWorkerOptions) {
  const worker = options.workerId ?? `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}:links`;
  const maxInFlight = options.maxInFlight ?? 4;
  const leaseMs = options.leaseMs ?? 120_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const backoffMs = options.backoffMs ?? 5_000;
  const callTimeoutMs = options.callTimeoutMs ?? 30_000;
  const inFlight = new Set<Promise<void>>();

  async function tick(): Promise<number> {
    const free = maxInFlight - inFlight.size;
    if (free <= 0) return 0;
    const batches = await claimLinkBatches(options.db, { worker, limit: free, leaseMs });
    for (const batch of batches) {
      const p: Promise<void> = work(batch)
        .catch((err: unknown) => log().error({ scope: "rich-menu-links", runId: batch.runId, seq: batch.seq, err }, "batch failed unexpectedly"))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    return batches.length;
  }

  async function work(batch: ClaimedBatch) {
    const outcome = await send(batch);
    await finishLinkBatch(options.db, { batch, worker, outcome });
  }

  async function send(batch: ClaimedBatch): Promise<BatchOutcome> {
    let lineRichMenuId: string | null = null;
    if (batch.action === "link") {
      // The menu as published now: a menu republished since the run began links its new LINE menu.
      const menu = await getRichMenu(options.db, { channelId: batch.channelId, id: batch.richMenuId ?? "" });
      if (!menu?.lineRichMenuId) return { status: "failed", error: { message: "The rich menu was deleted or is no longer on LINE", reason: "rich_menu_gone" } };
      lineRichMenuId = menu.lineRichMenuId;
    }
    try {
      const { api } = await options.clients(batch.channelId);
      const id = lineRichMenuId;
      await withTimeout(callTimeoutMs, () =>
        id ? api.linkRichMenuIdToUsers({ richMenuId: id, userIds: batch.userIds }) : api.unlinkRichMenuIdFromUsers({ userIds: batch.userIds }),
      );
      return { status: "done", lineRichMenuId };
    } catch (err) {
      const error = errorOf(err);
      if (!error.retryable || batch.attempts >= maxAttempts) return { status: "failed", error };
      return { status: "retry", error, nextAttemptInMs: backoff(batch.attempts, backoffMs) };
    }
  }

  return {
    worker,
    tick,
    get busy() {
      return inFlight.size;
    },
    async drain() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
}

/** The link worker as one of the instance's background tasks. */
export function linkRunTask(options: LinkWorkerOptions): BackgroundTask {
  const w = createLinkWorker(options);
  const max = options.maxInFlight ?? 4;
  return { name: "rich-menu-links", tick: w.tick, full: () => w.busy >= max, drain: w.drain };
}

function errorOf(err: unknown): { status: number | null; message: string; retryable: boolean } {
  if (err instanceof HTTPFetchError) {
    let message = `LINE answered ${err.status}`;
    try {
      message = (JSON.parse(err.body) as { message?: string }).message ?? message;
    } catch {}
    return { status: err.status, message, retryable: err.status === 429 || err.status >= 500 };
  }
  return { status: null, message: (err as Error).message ?? String(err), retryable: true };
}

// Exponential, with ±50 % jitter, at most 5 minutes.
function backoff(attempt: number, baseMs: number) {
  return Math.round(Math.min(300_000, baseMs * 2 ** Math.max(0, attempt - 1)) * (0.5 + Math.random()));
}

async function withTimeout<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      fn(),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`LINE did not answer within ${ms / 1000} s`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
