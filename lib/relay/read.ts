import type { Db } from "@/db/client";
import { getDestination } from "@/db/queries/relay-destinations";
import {
  listRelayItems,
  relayAttemptsOf,
  relayItemsFor,
  relayItemWithContent,
  relayStats,
  type RelayItemSummary,
  type RelayOutcome,
} from "@/db/queries/relay-log";
import { getReplay, listReplays, type RelayReplayRow } from "@/db/queries/relay-replays";
import { env } from "@/lib/env.js";
import { notFound } from "@/lib/platform/http/errors";
import { forwardBody } from "./forward-body";
import { REPLY_TOKEN_MS } from "./retry-policy";

// What the console shows of relay: a destination's log, an event's or a delivery's forwards with every
// attempt, one item with the body sent, replays, and the overview's figures.

export async function readRelayLog(db: Db, params: { channelId: number; destinationId: number; outcome?: RelayOutcome; before?: number; limit: number }) {
  const destination = await getDestination(db, { channelId: params.channelId, id: params.destinationId });
  if (!destination) throw notFound("The relay destination");
  const items = await listRelayItems(db, params);
  const attempts = await relayAttemptsOf(db, { itemIds: items.map((i) => i.id) });
  return {
    items: items.map((i) => serializeItem(i, attempts)),
    nextBefore: items.length === params.limit ? items[items.length - 1]!.id : null,
  };
}

/** Every forward of a delivery (or of one of its events), to each destination and replay, with its attempts. */
export async function readRelayFor(db: Db, params: { channelId: number; deliveryId: string; eventId?: number }) {
  const items = await relayItemsFor(db, params);
  const attempts = await relayAttemptsOf(db, { itemIds: items.map((i) => i.id) });
  return { items: items.map((i) => serializeItem(i, attempts)) };
}

/** One item, its attempts, and the exact body it was (or will be) sent with. */
export async function readRelayItem(db: Db, params: { channelId: number; id: number }) {
  const item = await relayItemWithContent(db, params);
  if (!item) throw notFound("The relay item");
  const attempts = await relayAttemptsOf(db, { itemIds: [item.id] });
  // The body only: which secret signed it is not the browser's business.
  const { body } = forwardBody(item, { mode: "own", secret: null, channelSecret: null });
  // bodyRemoved: retention deleted the delivery's body and its events, so there is nothing to show.
  return { ...serializeItem(item.summary, attempts), body: item.contentRemoved ? "" : body.toString("utf8"), bodyRemoved: item.contentRemoved };
}

export async function readReplays(db: Db, params: { channelId: number }) {
  const rows = await listReplays(db, { channelId: params.channelId, limit: 20 });
  return { items: rows.map(serializeReplay) };
}

export async function readReplay(db: Db, params: { channelId: number; id: number }) {
  const replay = await getReplay(db, params);
  if (!replay) throw notFound("The replay");
  const done = (replay.byState.succeeded ?? 0) + (replay.byState.refused ?? 0) + (replay.byState.expired ?? 0);
  const pending = replay.byState.pending ?? 0;
  const state = replay.state === "running" && pending === 0 ? "finished" : replay.state;
  return { ...serializeReplay(replay), state, progress: { ...replay.byState, done, pending } };
}

/** The overview's relay card: per destination, the last hour (and its backlog now). */
export async function readRelayStats(db: Db, params: { channelId: number }) {
  const since = new Date(Date.now() - 3_600_000);
  const rows = await relayStats(db, { channelId: params.channelId, since });
  return {
    since: since.toISOString(),
    destinations: rows.map((r) => {
      const finished = r.succeeded + r.failed;
      const successRate = finished + r.failedAttempts === 0 ? null : r.succeeded / Math.max(1, finished + r.failedAttempts);
      const oldestPendingMs = r.oldestPendingAt ? Date.now() - r.oldestPendingAt.getTime() : null;
      return {
        ...r,
        oldestPendingAt: r.oldestPendingAt?.toISOString() ?? null,
        oldestPendingMs,
        successRate,
        health: health(successRate, r.p99Ms, oldestPendingMs, r.enabled),
      };
    }),
    retryHours: env().RELAY_RETRY_HOURS,
  };
}

// The intake card's bands: good, degraded, failing. A backlog older than a reply token's life means the
// bot gets events it can no longer answer.
function health(
  successRate: number | null,
  p99Ms: number | null,
  oldestPendingMs: number | null,
  enabled: boolean,
): "idle" | "paused" | "good" | "degraded" | "failing" {
  if (!enabled) return "paused";
  if (successRate === null && oldestPendingMs === null) return "idle";
  if ((successRate !== null && successRate < 0.9) || (oldestPendingMs !== null && oldestPendingMs > 5 * REPLY_TOKEN_MS)) return "failing";
  if ((successRate !== null && successRate < 0.99) || (p99Ms !== null && p99Ms > 1000) || (oldestPendingMs !== null && oldestPendingMs > 10_000))
    return "degraded";
  return "good";
}

function serializeItem(i: RelayItemSummary, attempts: Awaited<ReturnType<typeof relayAttemptsOf>>) {
  return {
    id: i.id,
    destinationId: i.destinationId,
    replayId: i.replayId,
    deliveryId: i.deliveryId,
    eventIds: i.eventIds,
    state: i.state,
    attempts: attempts
      .filter((a) => a.itemId === i.id)
      .map((a) => ({
        attempt: a.attempt,
        startedAt: a.startedAt.toISOString(),
        durationMs: a.durationMs,
        statusCode: a.statusCode,
        responseHead: a.responseHead,
        error: a.error,
        afterReplyDeadline: a.afterReplyDeadline,
      })),
    nextAttemptAt: i.state === "pending" ? i.nextAttemptAt.toISOString() : null,
    receivedAt: i.receivedAt.toISOString(),
    finishedAt: i.finishedAt?.toISOString() ?? null,
    lastStatus: i.lastStatus,
    lastError: i.lastError,
    forwardMs: i.forwardMs,
  };
}

export type RelayItem = ReturnType<typeof serializeItem>;

function serializeReplay(r: RelayReplayRow) {
  return {
    id: r.id,
    destinationId: r.destinationId,
    url: r.url,
    scope: r.scope,
    filter: r.filter,
    total: r.total,
    perSecond: r.perSecond,
    state: r.state,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
  };
}
