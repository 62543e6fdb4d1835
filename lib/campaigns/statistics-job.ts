import type { Db } from "@/db/client";
import { exhaustRate, reserveRate } from "@/db/queries/rate-windows";
import { claimDueStatistics, claimStatistics, saveStatistics, STATISTICS_KEPT_MS, type StatisticsRow } from "@/db/queries/send-statistics";
import type { ClientsFor } from "@/lib/line/clients";
import { lineDate } from "@/lib/line/line-dates";
import type { BackgroundTask } from "@/lib/platform/background/runner";
import { log } from "@/lib/platform/log";
import { classifyError } from "@/lib/sends/classify";

// LINE's statistics of sends, fetched on a schedule while LINE keeps them: a broadcast's or narrowcast's
// per request (GET /v2/bot/insight/message/event), a campaign's pushes and multicasts per aggregation
// unit (GET /v2/bot/insight/message/event/aggregation). Rows are leased (FOR UPDATE SKIP LOCKED, then a
// lease), so with several instances one statistic is never fetched twice at once.

/**
 * LINE allows 60 calls an hour to each insight endpoint, per channel (it counts per endpoint; the fake
 * platform too). The console takes at most this many of each, shared by its instances through
 * rate_windows, leaving the rest to the console's own live insight calls and the channel's other tools.
 */
export const INSIGHT_CALLS_PER_HOUR = 50;
const HOUR_MS = 3_600_000;
const LEASE_MS = 60_000;
const CALL_TIMEOUT_MS = 30_000;
/** LINE takes at most 30 days between a unit's `from` and `to`. */
const UNIT_RANGE_MS = 30 * 86_400_000;

/** The background task: every few seconds, fetch what is due. */
export function statisticsTask(options: { db: Db; clients: ClientsFor; everyMs?: number; limit?: number }): BackgroundTask {
  const everyMs = options.everyMs ?? 5_000;
  let last = 0;
  return {
    name: "send-statistics",
    tick: async () => {
      if (Date.now() - last < everyMs) return 0;
      last = Date.now();
      return fetchDueStatistics(options.db, options.clients, { limit: options.limit });
    },
    // Cheap when nothing is due (it looks every few seconds): it never holds the loop back.
    full: () => true,
  };
}

/** Fetch the statistics that are due (a batch, leased to this instance); answers how many were taken. */
export async function fetchDueStatistics(db: Db, clients: ClientsFor, opts: { limit?: number } = {}) {
  const rows = await claimDueStatistics(db, { limit: opts.limit ?? 5, leaseMs: LEASE_MS });
  for (const row of rows) {
    await fetchOne(db, clients, row, Date.now()).catch(async (err: unknown) => {
      log().error({ scope: "statistics", channelId: row.channelId, subject: row.subject, err }, "fetching statistics failed unexpectedly");
      await saveStatistics(db, { channelId: row.channelId, subject: row.subject, nextFetchAt: new Date(Date.now() + HOUR_MS) });
    });
  }
  return rows.length;
}

/**
 * Fetch some statistics of a channel now, due or not (an A/B test's decision wants fresh figures),
 * leased like the schedule's: one being fetched elsewhere at this moment is left to that fetch.
 */
export async function fetchStatisticsNow(db: Db, clients: ClientsFor, params: { channelId: number; subjects: string[] }) {
  const rows = await claimStatistics(db, { ...params, leaseMs: LEASE_MS });
  for (const row of rows) {
    await fetchOne(db, clients, row, Date.now()).catch(async (err: unknown) => {
      log().error({ scope: "statistics", channelId: row.channelId, subject: row.subject, err }, "fetching statistics failed unexpectedly");
      await saveStatistics(db, { channelId: row.channelId, subject: row.subject, nextFetchAt: new Date(Date.now() + HOUR_MS) });
    });
  }
  return rows.length;
}

/**
 * When to look again: an hour after the (latest) send, then every six hours; a last look just before
 * LINE lets the figures go (14 days after the latest send), then never again.
 */
export function nextFetchAt(row: Pick<StatisticsRow, "keepUntil">, now: number): Date | null {
  const keepUntil = row.keepUntil.getTime();
  const sentAt = keepUntil - STATISTICS_KEPT_MS;
  const next = now - sentAt < HOUR_MS ? sentAt + HOUR_MS : now + 6 * HOUR_MS;
  if (next < keepUntil) return new Date(next);
  const lastLook = keepUntil - 5 * 60_000;
  return lastLook > now ? new Date(lastLook) : null;
}

async function fetchOne(db: Db, clients: ClientsFor, row: StatisticsRow, now: number) {
  const key = { channelId: row.channelId, subject: row.subject };
  if (now >= row.keepUntil.getTime()) return saveStatistics(db, { ...key, nextFetchAt: null, uncountAttempt: true });
  const byUnit = row.subject.startsWith("unit:");
  const window = insightWindow(row.channelId, byUnit ? "unit" : "event", now);
  if (!(await reserveRate(db, window))) {
    // This hour's share is spent: the next hour, without counting it as an attempt.
    return saveStatistics(db, { ...key, nextFetchAt: new Date(window.windowStart.getTime() + HOUR_MS), uncountAttempt: true });
  }
  try {
    const { insight } = await clients(row.channelId);
    const name = row.subject.slice(row.subject.indexOf(":") + 1);
    const body = await withTimeout(() => {
      if (!byUnit) return insight.getMessageEvent(name);
      const from = Math.max(row.since.getTime(), now - UNIT_RANGE_MS + 86_400_000);
      return insight.getStatisticsPerUnit(name, lineDate(from), lineDate(now));
    });
    await saveStatistics(db, { ...key, body, nextFetchAt: nextFetchAt(row, now) });
  } catch (err) {
    const outcome = classifyError(err);
    const error = { status: outcome.status, message: "message" in outcome ? outcome.message : "", at: new Date(now).toISOString() };
    if (outcome.kind === "wait") {
      // LINE says the hour's calls are spent (another tool shares them): nobody here asks again this hour.
      await exhaustRate(db, window);
      const later = Math.max(window.windowStart.getTime() + HOUR_MS, now + 15 * 60_000);
      return saveStatistics(db, { ...key, error, nextFetchAt: capped(row, later) });
    }
    if (outcome.kind === "retry") {
      const later = now + Math.min(HOUR_MS, 5 * 60_000 * 2 ** Math.max(0, row.attempts - 1));
      return saveStatistics(db, { ...key, error, nextFetchAt: capped(row, later) });
    }
    // A 4xx (404: LINE has no figures for it yet, or a narrowcast that failed): ask again on schedule.
    await saveStatistics(db, { ...key, error, nextFetchAt: nextFetchAt(row, now) });
  }
}

function capped(row: StatisticsRow, at: number): Date | null {
  return at < row.keepUntil.getTime() ? new Date(at) : null;
}

function insightWindow(channelId: number, endpoint: "event" | "unit", now: number) {
  const start = Math.floor(now / HOUR_MS) * HOUR_MS;
  return { key: `insight:${channelId}:${endpoint}`, windowStart: new Date(start), limit: INSIGHT_CALLS_PER_HOUR };
}

async function withTimeout<T>(fn: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`LINE did not answer within ${CALL_TIMEOUT_MS / 1000} s`)), CALL_TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
