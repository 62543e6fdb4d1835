import os from "node:os";
import type { DatabaseHandle } from "@/db/client";
import {
  listForwardingDestinations,
  RELAY_CHANNEL,
  recordDestinationFailure,
  recordDestinationSuccess,
  type RelayDestinationRow,
} from "@/db/queries/relay-destinations";
import { claimRelayItems, finishRelayAttempts, type ClaimedRelayItem, type RelayAttemptResult } from "@/db/queries/relay-items";
import { listOneOffReplayTargets, type OneOffTarget } from "@/db/queries/relay-replays";
import { createGroupCommit } from "@/lib/platform/group-commit";
import { forwardBody } from "./forward-body";
import { createBotAgents, postToBot } from "./post-to-bot";
import { BREAKER_LONGEST_MS, BREAKER_THRESHOLD, nextAttemptDelay, REPLY_TOKEN_MS, verdict } from "./retry-policy";
import { openSecret } from "./secret-box";

const IDLE_MS = 500;
// A small, bounded number of deliveries in flight per destination (per instance): enough to keep up with
// LINE's peaks at a few milliseconds a forward, few enough not to flood a small bot.
const IN_FLIGHT_PER_TARGET = 8;
const TARGETS_TTL_MS = 1000;
// The relay log is kept for RETAIN_RELAY_LOG_DAYS: lib/retention/ deletes older finished items.

interface Target {
  key: string;
  destinationId: number | null;
  url: string;
  timeoutMs: number;
  signing: { mode: "line" | "own"; secret: string | null };
  failures: number;
  breakerOpenUntil: Date | null;
  /** A paused destination still gets what an admin replays to it; its live backlog waits. */
  replaysOnly: boolean;
}

/**
 * This instance's relay: takes due items (on NOTIFY 'oa_relay' from the intake's write, and every half
 * second for retries), sends each to its bot and records what happened. Items are claimed under a lease
 * (SKIP LOCKED), so any number of instances share one backlog and none sends an item another is sending.
 */
export function startRelayForwarder(options: {
  handle: DatabaseHandle;
  channelSecret: string | null;
  allowPrivate: boolean;
  /** How long an item is tried before it is given up (24 h unless configured). */
  retryWindowMs: number;
  workerId?: string;
  idleMs?: number;
}) {
  const db = options.handle.db;
  const worker = options.workerId ?? `${os.hostname()}:${process.pid}:relay`;
  const agents = createBotAgents({ allowPrivate: options.allowPrivate });
  const inFlight = new Map<string, number>();
  const sending = new Set<Promise<void>>();
  const finisher = createGroupCommit<RelayAttemptResult>((results) => finishRelayAttempts(db, { results }), { maxBatch: 200, concurrency: 1 });
  let stopped = false;
  let woken = false;
  let wake: (() => void) | undefined;
  const nudge = () => {
    woken = true;
    wake?.();
  };
  const unlisten = options.handle.listen(RELAY_CHANNEL, nudge);
  const secrets = new Map<string, string>();
  // The targets are read at most every TARGETS_TTL_MS: a busy intake wakes the loop hundreds of times a
  // second, and on PGlite every query waits for the one connection the webhook writes on.
  let cachedTargets: { at: number; list: Target[] } | undefined;

  const loop = (async () => {
    while (!stopped) {
      let claimed = 0;
      try {
        for (const target of await targets()) {
          if (stopped) break;
          claimed += await claimFor(target);
        }
      } catch (err) {
        if (!stopped) console.error("[relay] claiming:", (err as Error).message);
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        if (woken) return resolve();
        const timer = setTimeout(resolve, claimed > 0 ? IDLE_MS / 5 : (options.idleMs ?? IDLE_MS));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
      woken = false;
    }
  })();

  async function targets(): Promise<Target[]> {
    if (cachedTargets && Date.now() - cachedTargets.at < TARGETS_TTL_MS) return cachedTargets.list;
    const destinations = await listForwardingDestinations(db);
    const oneOff = await listOneOffReplayTargets(db);
    cachedTargets = { at: Date.now(), list: [...destinations.map(destinationTarget), ...oneOff.map(oneOffTarget)] };
    return cachedTargets.list;
  }

  async function claimFor(target: Target): Promise<number> {
    const now = Date.now();
    if (target.breakerOpenUntil && target.breakerOpenUntil.getTime() > now) return 0;
    const busy = inFlight.get(target.key) ?? 0;
    // Half-open: after the breaker's pause one probe goes out; its answer closes or reopens the breaker.
    const allowance = target.failures >= BREAKER_THRESHOLD ? (busy === 0 ? 1 : 0) : IN_FLIGHT_PER_TARGET - busy;
    if (allowance <= 0) return 0;
    const items = await claimRelayItems(db, {
      destinationId: target.destinationId,
      limit: allowance,
      worker,
      leaseMs: target.timeoutMs + 30_000,
      replaysOnly: target.replaysOnly,
      ...(target.destinationId === null ? { replayId: Number(target.key.slice("replay:".length)) } : {}),
    });
    for (const item of items) {
      inFlight.set(target.key, (inFlight.get(target.key) ?? 0) + 1);
      const p = send(target, item)
        .catch((err: unknown) => console.error("[relay] recording an attempt:", (err as Error).message))
        .finally(() => {
          inFlight.set(target.key, (inFlight.get(target.key) ?? 1) - 1);
          sending.delete(p);
          nudge();
        });
      sending.add(p);
    }
    return items.length;
  }

  async function send(target: Target, item: ClaimedRelayItem) {
    const startedAt = new Date();
    const base = { itemId: item.id, attempt: item.attempts, startedAt, afterReplyDeadline: false, forwardMs: null, nextAttemptAt: null };
    // Live deliveries are tried for the retry window from their receipt; a replay from when it was asked for.
    if (startedAt.getTime() - item.receivedAt.getTime() > options.retryWindowMs) {
      const hours = Math.round(options.retryWindowMs / 3_600_000);
      return finisher.submit({
        ...base,
        durationMs: 0,
        statusCode: null,
        responseHead: null,
        error: `not delivered within ${hours} h; given up`,
        state: "expired",
      });
    }
    const { body, signature } = forwardBody(item, { ...target.signing, channelSecret: options.channelSecret });
    const answer = await postToBot(agents, { url: target.url, body, signature, timeoutMs: target.timeoutMs });
    const afterReplyDeadline = item.replayId === null && item.replyFrom !== null && Date.now() > item.replyFrom.getTime() + REPLY_TOKEN_MS;
    const v = verdict(answer);
    const result: RelayAttemptResult = {
      ...base,
      afterReplyDeadline,
      durationMs: answer.durationMs,
      statusCode: answer.statusCode,
      responseHead: answer.head,
      error: answer.error,
      state: v === "retry" ? "pending" : v,
      forwardMs: v === "succeeded" ? Date.now() - item.receivedAt.getTime() : null,
    };
    if (v === "retry") {
      const delay = nextAttemptDelay(item.attempts, answer.retryAfterMs);
      const next = Date.now() + delay;
      if (next - item.receivedAt.getTime() > options.retryWindowMs) result.state = "expired";
      else result.nextAttemptAt = new Date(next);
    }
    await finisher.submit(result);
    if (target.destinationId === null) return;
    if (v === "retry") {
      target.failures += 1;
      // As the database's breaker does (recordDestinationFailure), so this instance stops at once too.
      if (target.failures >= BREAKER_THRESHOLD) {
        target.breakerOpenUntil = new Date(Date.now() + Math.min(BREAKER_LONGEST_MS, 5000 * 2 ** Math.min(20, target.failures - BREAKER_THRESHOLD)));
      }
      await recordDestinationFailure(db, { id: target.destinationId, threshold: BREAKER_THRESHOLD, maxOpenMs: BREAKER_LONGEST_MS });
    } else if (target.failures > 0) {
      target.failures = 0;
      target.breakerOpenUntil = null;
      await recordDestinationSuccess(db, { id: target.destinationId });
    }
  }

  function destinationTarget(d: RelayDestinationRow): Target {
    return {
      key: `destination:${d.id}`,
      destinationId: d.id,
      url: d.url,
      timeoutMs: d.timeoutMs,
      signing: { mode: d.signing, secret: d.signing === "own" && d.secretCiphertext ? secret(d.secretCiphertext) : null },
      failures: d.consecutiveFailures,
      breakerOpenUntil: d.breakerOpenUntil,
      replaysOnly: !d.enabled,
    };
  }

  function oneOffTarget(r: OneOffTarget): Target {
    return {
      key: `replay:${r.id}`,
      destinationId: null,
      url: r.url,
      timeoutMs: 10_000,
      signing: { mode: r.secretCiphertext ? "own" : "line", secret: r.secretCiphertext ? secret(r.secretCiphertext) : null },
      failures: 0,
      breakerOpenUntil: null,
      replaysOnly: true,
    };
  }

  function secret(sealed: string) {
    let plain = secrets.get(sealed);
    if (plain === undefined) secrets.set(sealed, (plain = openSecret(sealed)));
    return plain;
  }

  return {
    nudge,
    /** Sends under way finish and are recorded; nothing new is claimed. */
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      await Promise.allSettled([...sending]);
      await (await unlisten)().catch(() => {});
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
