import type { Db } from "@/db/client";
import { getProjectionPosition } from "@/db/queries/jobs";
import {
  expireMedia,
  forgetMediaFiles,
  purgeDeliveryBodies,
  purgeEventlessDeliveries,
  purgeEvents,
  purgeRejectedDeliveries,
  purgeRelayLog,
  type PurgeCursor,
  type PurgeResult,
} from "@/db/queries/retention";
import { FRIENDS_PROJECTION } from "@/lib/contacts/friends-projection";
import { deleteMediaFiles } from "@/lib/media/media-store";
import type { BackgroundTask } from "@/lib/platform/background/runner";
import { retentionCutoffs, type RetainedKind, type RetentionPolicy } from "./policy";

// Deletes what is older than its retention period (./policy.ts), a batch per tick of the background
// runner, so the runner's other work (sending, jobs) goes on between batches, and while LINE's
// deliveries arrive the runner spaces the rounds out (its yieldTo). On PGlite a batch holds the one
// connection the webhook writes on, so batches are sized by time, not rows: about BUSY_BATCH_MS while
// deliveries arrive, IDLE_BATCH_MS otherwise, whatever a row costs (an event with its 11 index entries,
// a 50 MB video's chunks). A pass starts every `checkEveryMs` and ends when no kind has anything left.

const CHECK_EVERY_MS = 10 * 60_000;
// Not in the first minute after start-up: a restarted server has LINE's redeliveries to take first.
const FIRST_CHECK_AFTER_MS = 60_000;
const BUSY_BATCH_MS = 10;
const IDLE_BATCH_MS = 50;
const MIN_BATCH = 20;
const MAX_BATCH = 5000;
const FIRST_BATCH = 200;

/** Per kind: rows purged, batches, their total and their longest time. */
type KindStats = Partial<Record<RetainedKind, { rows: number; batches: number; ms: number; longestMs: number }>>;

export interface RetentionStats {
  /** Since this process started. */
  kinds: KindStats;
  passes: number;
  /** The pass under way (its start), or null. */
  runningSince: Date | null;
  lastPass: { startedAt: Date; finishedAt: Date; kinds: KindStats } | null;
}

export interface RetentionTask extends BackgroundTask {
  stats(): RetentionStats;
  /** Start a pass at the next tick, with this policy from now on (the retention benchmark). */
  runNow(policy?: RetentionPolicy): void;
}

export function retentionTask(
  db: Db,
  options: {
    /** The channels to purge (read at the start of each pass, so a channel added later is purged too). */
    channelIds: () => Promise<number[]>;
    policy: RetentionPolicy;
    mediaDir: string;
    busy?: () => boolean;
    checkEveryMs?: number;
    firstCheckAfterMs?: number;
    now?: () => number;
    log?: (line: string) => void;
  },
): RetentionTask {
  const now = options.now ?? (() => performance.now());
  const checkEveryMs = options.checkEveryMs ?? CHECK_EVERY_MS;
  const log = options.log ?? ((line: string) => console.log(line));
  let policy = options.policy;
  let nextCheckAt = now() + (options.firstCheckAfterMs ?? FIRST_CHECK_AFTER_MS);
  let pass: {
    steps: Array<{ kind: RetainedKind; before: Date; channelId: number }>;
    step: number;
    /** Where the current step's last batch ended. */
    cursor: PurgeCursor | null;
    startedAt: Date;
    kinds: KindStats;
  } | null = null;
  // The batch size per kind, adjusted after every batch towards the time a batch may take.
  const sizes = new Map<RetainedKind, number>();
  const stats: RetentionStats = { kinds: {}, passes: 0, runningSince: null, lastPass: null };

  async function batch(channelId: number, kind: RetainedKind, before: Date, limit: number, after: PurgeCursor | null): Promise<PurgeResult> {
    const p = { channelId, before, limit, after };
    switch (kind) {
      case "relayLog":
        return purgeRelayLog(db, p);
      case "rejectedDeliveries":
        return purgeRejectedDeliveries(db, p);
      case "events":
        // Only events the friends projection has read: friends and chats are built from them.
        return purgeEvents(db, { ...p, upToEventId: await getProjectionPosition(db, { name: FRIENDS_PROJECTION }) });
      case "eventlessDeliveries":
        return purgeEventlessDeliveries(db, p);
      case "deliveryBodies":
        return purgeDeliveryBodies(db, p);
      case "media": {
        const expired = await expireMedia(db, p);
        const inDirectory = expired.filter((m) => m.storage === "directory").map((m) => m.messageId);
        for (const messageId of inDirectory) await deleteMediaFiles(options.mediaDir, { channelId, messageId });
        await forgetMediaFiles(db, { channelId, messageIds: inDirectory });
        return { rows: expired.length, last: null };
      }
    }
  }

  function record(kind: RetainedKind, rows: number, ms: number, limit: number) {
    for (const kinds of [stats.kinds, pass?.kinds]) {
      if (!kinds) continue;
      const k = (kinds[kind] ??= { rows: 0, batches: 0, ms: 0, longestMs: 0 });
      k.rows += rows;
      k.batches++;
      k.ms += ms;
      k.longestMs = Math.max(k.longestMs, ms);
    }
    // Towards the target time, at most doubling or halving at once (one slow batch is not a trend). A
    // short batch that was not full says nothing about a bigger one.
    const target = options.busy?.() ? BUSY_BATCH_MS : IDLE_BATCH_MS;
    if (rows >= limit || ms > target) {
      const scaled = limit * Math.min(2, Math.max(0.5, target / Math.max(ms, 0.1)));
      sizes.set(kind, Math.round(Math.min(MAX_BATCH, Math.max(MIN_BATCH, scaled))));
    }
  }

  function finishPass() {
    if (!pass) return;
    const purged = Object.entries(pass.kinds).filter(([, k]) => k.rows > 0);
    const finishedAt = new Date();
    stats.passes++;
    stats.runningSince = null;
    stats.lastPass = { startedAt: pass.startedAt, finishedAt, kinds: pass.kinds };
    if (purged.length > 0) {
      const parts = purged.map(([kind, k]) => `${kind} ${k.rows.toLocaleString("en")} (longest batch ${Math.round(k.longestMs)} ms)`);
      log(`[retention] purged in ${((finishedAt.getTime() - pass.startedAt.getTime()) / 1000).toFixed(1)} s: ${parts.join(", ")}`);
    }
    pass = null;
  }

  return {
    name: "retention",
    async tick() {
      if (!pass) {
        const t = now();
        if (t < nextCheckAt) return 0;
        nextCheckAt = t + checkEveryMs;
        const cutoffs = retentionCutoffs(policy, new Date());
        if (cutoffs.length === 0) return 0;
        const steps = (await options.channelIds()).flatMap((channelId) => cutoffs.map((c) => ({ ...c, channelId })));
        pass = { steps, step: 0, cursor: null, startedAt: new Date(), kinds: {} };
        stats.runningSince = pass.startedAt;
      }
      // One batch that purged something, then back to the runner; a kind with nothing (more) to purge
      // hands over to the next at once.
      while (pass.step < pass.steps.length) {
        const { kind, before, channelId } = pass.steps[pass.step]!;
        const limit = sizes.get(kind) ?? FIRST_BATCH;
        const started = performance.now();
        const { rows, last } = await batch(channelId, kind, before, limit, pass.cursor);
        record(kind, rows, performance.now() - started, limit);
        pass.cursor = last;
        // Fewer than asked: this kind is done (or another instance holds the rest).
        if (rows < limit) {
          pass.step++;
          pass.cursor = null;
        }
        if (rows > 0) return rows;
      }
      finishPass();
      return 0;
    },
    stats: () => structuredClone(stats),
    runNow(next) {
      if (next) policy = next;
      nextCheckAt = -Infinity;
      pass = null;
      stats.runningSince = null;
    },
  };
}
