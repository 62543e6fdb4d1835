import os from "node:os";
import type { Db } from "@/db/client";
import { reserveRate } from "@/db/queries/rate-windows";
import { dropAggregationUnit } from "@/db/queries/campaigns";
import { claimDueChunks, finishChunks, type ChunkFinish, type ChunkResult, type ClaimedChunk } from "@/db/queries/sends";
import { createGroupCommit } from "@/lib/platform/group-commit";
import { ChannelArchivedError } from "@/lib/channel/credentials";
import type { ClientsFor, LineClients } from "@/lib/line/clients";
import type { CallOutcome } from "./classify";
import { callLine } from "./line-request";
import { rateWindow } from "./rate-limits";
import { log } from "@/lib/platform/log";

// Makes the LINE requests of stored sends. Any number of workers (one per instance) share the queue:
// a request is leased to one worker at a time, and if that worker dies the lease runs out and another
// repeats the request with the same retry key — LINE then answers 409, which counts as delivered.

/** LINE remembers a retry key for 24 h; past that a retry could deliver twice, so we stop before. */
const RETRY_KEY_LIFETIME_MS = 23 * 3_600_000;

export interface SendWorkerOptions {
  db: Db;
  clients: ClientsFor;
  workerId?: string;
  maxInFlight?: number;
  leaseMs?: number;
}

export function createSendWorker(options: SendWorkerOptions) {
  const worker = options.workerId ?? `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const maxInFlight = options.maxInFlight ?? 32;
  const leaseMs = options.leaseMs ?? 60_000;
  const inFlight = new Set<Promise<void>>();
  // Results are recorded in batches: one transaction for all the requests that finished meanwhile.
  const finisher = createGroupCommit<ChunkFinish>((items) => finishChunks(options.db, { worker, items }).then(() => {}), {
    maxBatch: 200,
    concurrency: 1,
    lingerMs: 5,
  });

  /** Lease what is due (up to the free slots) and start on it; resolves with how many were taken. */
  async function tick(): Promise<number> {
    const chunks = await claimDueChunks(options.db, { worker, limit: maxInFlight - inFlight.size, leaseMs });
    for (const chunk of chunks) {
      const p: Promise<void> = work(chunk)
        .catch((err: unknown) => log().error({ scope: "send", sendId: chunk.sendId, requestId: chunk.id, err }, "request failed unexpectedly"))
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    return chunks.length;
  }

  async function work(chunk: ClaimedChunk) {
    const clients = await clientsOf(chunk);
    if (!clients) return;
    const window = rateWindow(chunk.channelId, chunk.kind);
    if (!(await reserveRate(options.db, { key: window.key, windowStart: window.windowStart, limit: window.limit }))) {
      // Our own share of LINE's rate limit is used up: come back next window; nothing was sent.
      await finisher.submit({
        chunkId: chunk.id,
        result: { status: "pending", nextAttemptAt: window.windowEnd, lastError: chunk.lastError, uncountAttempt: true },
      });
      return;
    }
    let startedAt = new Date();
    let t0 = performance.now();
    let outcome = await callLine(clients, chunk, chunk);
    let refusedAttempt: ChunkFinish["refusedAttempt"];
    if (chunk.aggregationUnit && outcome.kind === "failed" && outcome.reason === "aggregation_unit") {
      // LINE refused the unit (its monthly budget spent elsewhere): the send goes unmeasured rather than
      // not at all. The same retry key is safe: LINE accepted nothing. The send's other requests follow.
      refusedAttempt = attemptOf(chunk, outcome, startedAt, t0, "unit_refused");
      await dropAggregationUnit(options.db, { sendId: chunk.sendId, campaignId: chunk.campaignId, unit: chunk.aggregationUnit });
      startedAt = new Date();
      t0 = performance.now();
      outcome = await callLine(clients, { ...chunk, aggregationUnit: null }, chunk);
    }
    await finisher.submit({
      chunkId: chunk.id,
      result: nextStep(outcome, chunk, startedAt),
      attempt: attemptOf(chunk, outcome, startedAt, t0, outcome.kind),
      refusedAttempt,
    });
  }

  function attemptOf(chunk: ClaimedChunk, outcome: CallOutcome, startedAt: Date, t0: number, kind: string): NonNullable<ChunkFinish["attempt"]> {
    return {
      sendId: chunk.sendId,
      chunkId: chunk.id,
      attempt: chunk.attempts,
      startedAt,
      durationMs: Math.round(performance.now() - t0),
      httpStatus: outcome.status,
      lineRequestId: outcome.requestId,
      acceptedRequestId: outcome.kind === "duplicate" ? outcome.acceptedRequestId : null,
      outcome: kind,
      error: outcome.kind === "accepted" || outcome.kind === "duplicate" ? null : errorOf(outcome),
      worker,
    };
  }

  // A channel archived since the send was stored sends nothing: the request fails, saying why.
  async function clientsOf(chunk: ClaimedChunk): Promise<LineClients | null> {
    try {
      return await options.clients(chunk.channelId);
    } catch (err) {
      if (!(err instanceof ChannelArchivedError)) throw err;
      await finisher.submit({ chunkId: chunk.id, result: { status: "failed", lastError: { status: err.status, message: err.message, reason: err.code } } });
      return null;
    }
  }

  return {
    worker,
    tick,
    get busy() {
      return inFlight.size;
    },
    /** Wait for the requests under way (shutdown, tests). */
    async drain() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
}

function nextStep(outcome: CallOutcome, chunk: ClaimedChunk, now: Date): ChunkResult {
  switch (outcome.kind) {
    case "accepted":
      return {
        status: "accepted",
        lineRequestId: outcome.requestId,
        acceptedRequestId: null,
        sentMessages: (outcome.body as { sentMessages?: unknown })?.sentMessages ?? null,
      };
    case "duplicate":
      return {
        status: "accepted",
        lineRequestId: outcome.requestId,
        acceptedRequestId: outcome.acceptedRequestId,
        sentMessages: (outcome.body as { sentMessages?: unknown })?.sentMessages ?? null,
      };
    case "failed":
      return { status: "failed", lastError: errorOf(outcome) };
    case "wait":
      return { status: "pending", nextAttemptAt: new Date(now.getTime() + backoff(chunk.attempts, 2_000, 300_000)), lastError: errorOf(outcome) };
    case "retry": {
      const first = chunk.firstAttemptAt?.getTime() ?? now.getTime();
      if (chunk.kind !== "reply" && now.getTime() - first > RETRY_KEY_LIFETIME_MS) {
        return { status: "failed", lastError: { ...errorOf(outcome), reason: "gave_up" } };
      }
      // A reply token is single-use: after a few tries it has expired anyway (LINE: one minute).
      if (chunk.kind === "reply" && chunk.attempts >= 3) return { status: "failed", lastError: { ...errorOf(outcome), reason: "gave_up" } };
      return { status: "pending", nextAttemptAt: new Date(now.getTime() + backoff(chunk.attempts, 500, 60_000)), lastError: errorOf(outcome) };
    }
  }
}

function errorOf(o: CallOutcome) {
  if (o.kind === "accepted" || o.kind === "duplicate") return null;
  return {
    status: o.status,
    message: o.message,
    reason: o.kind === "failed" ? o.reason : o.kind === "wait" ? o.reason : "retryable",
    requestId: o.requestId,
    ...(o.kind === "failed" && o.details ? { details: o.details } : {}),
  };
}

// Exponential, with ±50 % jitter so retries from many requests do not arrive together.
function backoff(attempt: number, baseMs: number, capMs: number) {
  const raw = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.5 + Math.random()));
}
