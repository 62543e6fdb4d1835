import os from "node:os";
import type { DatabaseHandle } from "@/db/client";
import {
  listForwardingDestinations,
  DESTINATIONS_CHANGED,
  RELAY_CHANNEL,
  recordDestinationFailure,
  recordDestinationSuccess,
  type RelayDestinationRow,
} from "@/db/queries/relay-destinations";
import { claimRelayItems, finishRelayAttempts, releaseRelayItems, type ClaimedRelayItem, type RelayAttemptResult } from "@/db/queries/relay-items";
import { listOneOffReplayTargets, type OneOffTarget } from "@/db/queries/relay-replays";
import { createGroupCommit } from "@/lib/platform/group-commit";
import { forwardBody } from "./forward-body";
import { createBotAgents, postToBot } from "./post-to-bot";
import { BREAKER_FIRST_MS, BREAKER_LONGEST_MS, BREAKER_THRESHOLD, nextAttemptDelay, REPLY_TOKEN_MS, verdict } from "./retry-policy";
import { openSecret } from "@/lib/platform/secret-box";
import { log } from "@/lib/platform/log";
import { metrics } from "@/lib/platform/metrics";

const IDLE_MS = 500;
// A small, bounded number of deliveries in flight per destination (per instance): enough to keep up with
// LINE's peaks at a few milliseconds a forward, few enough not to flood a small bot.
const IN_FLIGHT_PER_TARGET = 8;
// A bot answering faster than this gets FAST_IN_FLIGHT sends at once and up to CLAIM_AHEAD items claimed
// ahead, topped up when half are gone, so that its queue never runs dry while the next claim waits its
// turn for the database (on PGlite, behind the webhook's writes).
const FAST_BOT_MS = 100;
const FAST_IN_FLIGHT = 16;
const CLAIM_AHEAD = 64;
const TARGETS_TTL_MS = 1000;
// Claims are at least this far apart unless the last one took all it asked for: a steady trickle of
// deliveries (each one a NOTIFY) is claimed a few at a time instead of one query per delivery, for at
// most this much more latency, while a backlog is claimed as fast as the bot takes it.
const CLAIM_GAP_MS = 25;
// The relay log is kept for RETAIN_RELAY_LOG_DAYS: lib/retention/ deletes older finished items.

interface Target {
  key: string;
  /** As the metrics name it: the destination's name, or "replay" for a one-off URL. */
  name: string;
  destinationId: number | null;
  url: string;
  timeoutMs: number;
  signing: { mode: "line" | "own"; secret: string | null };
  failures: number;
  breakerOpenUntil: Date | null;
  /** A paused destination still gets what an admin replays to it; its live backlog waits. */
  replaysOnly: boolean;
  /** The announced changes this was read after (targetsVersion then), and the destination's last change. */
  version: number;
  updatedAt: Date | null;
}

/**
 * This instance's relay: takes due items (on NOTIFY 'oa_relay' from the intake's write, and every half
 * second for retries), sends each to its bot and records what happened. Items are claimed under a lease
 * (SKIP LOCKED), so any number of instances share one backlog and none sends an item another is sending.
 */
export function startRelayForwarder(options: {
  handle: DatabaseHandle;
  /** The secret of the item's channel, to sign with when a destination takes LINE's own signature. */
  channelSecret: string | null | ((channelId: number) => Promise<string | null>);
  allowPrivate: boolean;
  /** How long an item is tried before it is given up (24 h unless configured). */
  retryWindowMs: number;
  workerId?: string;
  idleMs?: number;
  /** This is the only forwarder there can be (PGlite: one process), so leases found at start are a dead one's. */
  onlyInstance?: boolean;
}) {
  const db = options.handle.db;
  const worker = options.workerId ?? `${os.hostname()}:${process.pid}:relay`;
  const agents = createBotAgents({ allowPrivate: options.allowPrivate });
  // Per target: items claimed and not yet recorded, those being sent, those waiting for a slot, and the
  // bot's recent answer time (a moving average).
  const perTarget = new Map<string, { claimed: number; sending: number; queue: Array<{ item: ClaimedRelayItem; leasedUntil: number }>; recentMs: number }>();
  const sending = new Set<Promise<void>>();
  const finisher = createGroupCommit<RelayAttemptResult>((results) => finishRelayAttempts(db, { results }), { maxBatch: 200, concurrency: 1, lingerMs: 10 });
  let stopped = false;
  let woken = false;
  let wake: (() => void) | undefined;
  const nudge = () => {
    woken = true;
    wake?.();
  };
  const unlisten = options.handle.listen(RELAY_CHANNEL, (payload) => {
    // "*": notifications may have been lost (a reconnect), a destination's change among them.
    if (payload === DESTINATIONS_CHANGED || payload === "*") {
      cachedTargets = undefined;
      targetsVersion++;
    }
    nudge();
  });
  const secrets = new Map<string, string>();
  // The targets are read at most every TARGETS_TTL_MS: a busy intake wakes the loop hundreds of times a
  // second, and on PGlite every query waits for the one connection the webhook writes on.
  let cachedTargets: { at: number; list: Target[] } | undefined;
  // Bumped by every change announced: a read that began before one is used once, not kept.
  let targetsVersion = 0;
  // When the loop last began a round (readiness asks), and whether it has ended.
  let roundAt = Date.now();
  let ended = false;

  let lastClaimAt = 0;
  let lastClaimFull = false;
  const loop = (async () => {
    // PGlite is one process: leases still held in the database are a dead process's (a crash), not
    // another instance's. Given back at once, so a restarted server forwards them within seconds.
    if (options.onlyInstance) await releaseRelayItems(db, { all: true }).catch(() => {});
    while (!stopped) {
      const gap = lastClaimAt + CLAIM_GAP_MS - Date.now();
      if (gap > 0 && !lastClaimFull) await new Promise((r) => setTimeout(r, gap));
      lastClaimFull = false;
      lastClaimAt = Date.now();
      woken = false;
      roundAt = Date.now();
      let claimed = 0;
      try {
        for (const target of await targets()) {
          if (stopped) break;
          claimed += await claimFor(target);
        }
      } catch (err) {
        if (!stopped) log().error({ scope: "relay", err }, "claiming failed");
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
    }
  })().finally(() => (ended = true));

  async function targets(): Promise<Target[]> {
    if (cachedTargets && Date.now() - cachedTargets.at < TARGETS_TTL_MS) return cachedTargets.list;
    const version = targetsVersion;
    const destinations = await listForwardingDestinations(db);
    const oneOff = await listOneOffReplayTargets(db);
    const list = [...destinations.map((d) => destinationTarget(d, version)), ...oneOff.map((r) => oneOffTarget(r, version))];
    if (version === targetsVersion) cachedTargets = { at: Date.now(), list };
    return list;
  }

  async function claimFor(target: Target): Promise<number> {
    const now = Date.now();
    if (target.breakerOpenUntil && target.breakerOpenUntil.getTime() > now) return 0;
    const state = stateOf(target.key);
    // Half-open: after the breaker's pause one probe goes out; its answer closes or reopens the breaker.
    const halfOpen = target.failures >= BREAKER_THRESHOLD;
    // A fast bot gets a queue claimed ahead (fewer claims, each for many chats); a slow one no more than it
    // takes at once, so that nothing waits under a lease on a bot that answers in seconds.
    const ahead = aheadOf(state);
    if (halfOpen ? state.claimed > 0 : state.claimed > refillBelow(state)) return 0;
    const limit = halfOpen ? 1 : ahead - state.claimed;
    // The lease covers the wait in this queue too: another instance must not take an item this one holds.
    const leaseMs = target.timeoutMs * Math.ceil(ahead / inFlightOf(state)) + 30_000;
    const items = await claimRelayItems(db, {
      destinationId: target.destinationId,
      limit,
      worker,
      leaseMs,
      replaysOnly: target.replaysOnly,
      ...(target.destinationId === null ? { replayId: Number(target.key.slice("replay:".length)) } : {}),
    });
    const leasedUntil = Date.now() + leaseMs;
    for (const item of items) state.queue.push({ item, leasedUntil });
    state.claimed += items.length;
    if (items.length === limit && limit > 1) lastClaimFull = true;
    pump(target);
    return items.length;
  }

  // Start sends from the target's queue while it has a free slot.
  function pump(target: Target) {
    const state = stateOf(target.key);
    // The bot stopped answering: what was claimed ahead goes back, for when the breaker lets a probe through.
    if (target.breakerOpenUntil && target.breakerOpenUntil.getTime() > Date.now() && state.queue.length) {
      const back = state.queue.splice(0).map((q) => q.item.id);
      state.claimed -= back.length;
      void releaseRelayItems(db, { ids: back }).catch((err: unknown) => log().error({ scope: "relay", err }, "giving leases back failed"));
    }
    while (!stopped && state.sending < inFlightOf(state) && state.queue.length) {
      const { item, leasedUntil } = state.queue.shift()!;
      state.sending++;
      const started = performance.now();
      // An item whose lease would run out while it is being sent is left to whoever claims it next.
      const go = Date.now() + target.timeoutMs < leasedUntil ? send(target, item) : Promise.resolve();
      const p = go
        .catch((err: unknown) => log().error({ scope: "relay", itemId: item.id, err }, "recording an attempt failed"))
        .finally(() => {
          state.sending--;
          state.claimed--;
          state.recentMs = state.recentMs * 0.8 + (performance.now() - started) * 0.2;
          sending.delete(p);
          pump(target);
          if (state.claimed <= refillBelow(state)) nudge();
        });
      sending.add(p);
    }
  }

  function stateOf(key: string) {
    let state = perTarget.get(key);
    if (!state) perTarget.set(key, (state = { claimed: 0, sending: 0, queue: [], recentMs: 0 }));
    return state;
  }

  async function send(claimedFor: Target, item: ClaimedRelayItem) {
    // A change announced since the item was claimed (a new URL, a secret, a pause) applies to it too:
    // an item claimed ahead must not go to the URL an admin just replaced.
    // The claim also says when the destination last changed: a change whose announcement has not arrived yet.
    const stale =
      claimedFor.version !== targetsVersion ||
      (item.destinationUpdatedAt !== null && claimedFor.updatedAt !== null && item.destinationUpdatedAt > claimedFor.updatedAt);
    if (stale && claimedFor.version === targetsVersion) cachedTargets = undefined;
    const target = stale ? (await targets()).find((t) => t.key === claimedFor.key) : claimedFor;
    if (!target || (target.replaysOnly && item.replayId === null)) {
      await releaseRelayItems(db, { ids: [item.id] });
      return;
    }
    const startedAt = new Date();
    const base = { itemId: item.id, attempt: item.attempts, startedAt, afterReplyDeadline: false, forwardMs: null, nextAttemptAt: null };
    // Live deliveries are tried for the retry window from their receipt; a replay from when it was asked for.
    if (startedAt.getTime() - item.receivedAt.getTime() > options.retryWindowMs) {
      const hours = Math.round(options.retryWindowMs / 3_600_000);
      metrics().relayForwards.inc({ destination: target.name, outcome: "expired" });
      return finisher.submit({
        ...base,
        durationMs: 0,
        statusCode: null,
        responseHead: null,
        error: `not delivered within ${hours} h; given up`,
        state: "expired",
      });
    }
    const channelSecret = typeof options.channelSecret === "function" ? await options.channelSecret(item.channelId) : options.channelSecret;
    const { body, signature } = forwardBody(item, { ...target.signing, channelSecret });
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
    metrics().relayForwards.inc({ destination: target.name, outcome: result.state === "expired" ? "expired" : v });
    if (result.forwardMs !== null) metrics().relayForwardLatency.observe({ destination: target.name }, result.forwardMs / 1000);
    await finisher.submit(result);
    if (target.destinationId === null) return;
    if (v === "retry") {
      target.failures += 1;
      // As the database's breaker does (recordDestinationFailure), so this instance stops at once too.
      if (target.failures >= BREAKER_THRESHOLD) {
        target.breakerOpenUntil = new Date(
          Date.now() + Math.min(BREAKER_LONGEST_MS, BREAKER_FIRST_MS * 2 ** Math.min(20, target.failures - BREAKER_THRESHOLD)),
        );
      }
      await recordDestinationFailure(db, {
        id: target.destinationId,
        threshold: BREAKER_THRESHOLD,
        firstOpenMs: BREAKER_FIRST_MS,
        maxOpenMs: BREAKER_LONGEST_MS,
      });
    } else if (target.failures > 0) {
      target.failures = 0;
      target.breakerOpenUntil = null;
      await recordDestinationSuccess(db, { id: target.destinationId });
    }
  }

  function destinationTarget(d: RelayDestinationRow, version: number): Target {
    return {
      key: `destination:${d.id}`,
      name: d.name,
      destinationId: d.id,
      url: d.url,
      timeoutMs: d.timeoutMs,
      signing: { mode: d.signing, secret: d.signing === "own" && d.secretCiphertext ? secret(d.secretCiphertext) : null },
      failures: d.consecutiveFailures,
      breakerOpenUntil: d.breakerOpenUntil,
      replaysOnly: !d.enabled,
      version,
      updatedAt: d.updatedAt,
    };
  }

  function oneOffTarget(r: OneOffTarget, version: number): Target {
    return {
      key: `replay:${r.id}`,
      name: "replay",
      destinationId: null,
      url: r.url,
      timeoutMs: 10_000,
      signing: { mode: r.secretCiphertext ? "own" : "line", secret: r.secretCiphertext ? secret(r.secretCiphertext) : null },
      failures: 0,
      breakerOpenUntil: null,
      replaysOnly: true,
      version,
      updatedAt: null,
    };
  }

  function secret(sealed: string) {
    let plain = secrets.get(sealed);
    if (plain === undefined) secrets.set(sealed, (plain = openSecret(sealed)));
    return plain;
  }

  return {
    nudge,
    /** Whether the loop runs, and when it last began a round. */
    status: () => ({ running: !stopped && !ended, lastRoundAt: roundAt }),
    /** Sends under way finish and are recorded; nothing new is claimed. */
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      // What was claimed ahead and not started goes back at once (another instance, or this one after a
      // restart, takes it); what is being sent is finished and recorded before the connections close.
      const back = [...perTarget.values()].flatMap((state) => {
        state.claimed -= state.queue.length;
        return state.queue.splice(0).map((q) => q.item.id);
      });
      await releaseRelayItems(db, { ids: back }).catch((err: unknown) => log().error({ scope: "relay", err }, "giving leases back failed"));
      while (sending.size) await Promise.allSettled([...sending]);
      await (await unlisten)().catch(() => {});
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

type TargetState = { recentMs: number };

const fast = (state: TargetState) => state.recentMs < FAST_BOT_MS;
const inFlightOf = (state: TargetState) => (fast(state) ? FAST_IN_FLIGHT : IN_FLIGHT_PER_TARGET);
const aheadOf = (state: TargetState) => (fast(state) ? CLAIM_AHEAD : IN_FLIGHT_PER_TARGET);
// Claimed items left when the next claim is made: half the queue for a fast bot, its sends for a slow one.
const refillBelow = (state: TargetState) => (fast(state) ? CLAIM_AHEAD / 2 : IN_FLIGHT_PER_TARGET);
