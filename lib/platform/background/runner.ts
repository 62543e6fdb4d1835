import type { DatabaseHandle } from "@/db/client";
import { JOBS_CHANNEL } from "@/db/queries/jobs";
import { log } from "../log";

// While yielding: at least this long between rounds (so work gathers into larger batches), at most this.
const YIELD_MIN_MS = 100;
const YIELD_MAX_MS = 1000;

/** One kind of background work: `tick` takes what is due and answers how much it took. */
export interface BackgroundTask {
  name: string;
  tick(): Promise<number>;
  /** True while the task cannot take more (all its slots busy). */
  full?(): boolean;
  drain?(): Promise<void>;
  /**
   * Handed the runner's nudge at start: a task that knows when its next work comes due (a scheduled send)
   * wakes the runner at that moment instead of waiting for the next idle round.
   */
  wakeWith?(nudge: () => void): void;
}

/**
 * The background loop of one instance. It wakes on NOTIFY 'oa_jobs' (work was queued, on any
 * instance) and otherwise every `idleMs`, so retries and waits come due without anyone asking. Every
 * task claims its work with a lease in the database, so any number of instances can run this loop.
 */
export function startBackgroundRunner(options: {
  handle: DatabaseHandle;
  tasks: BackgroundTask[];
  idleMs?: number;
  /**
   * True while something more urgent is going on in this process (LINE's deliveries arriving). Rounds
   * that found work are then spaced out so that background work takes about a quarter of the time:
   * it keeps going, in larger batches, and the urgent work keeps the rest of the machine.
   */
  yieldTo?: () => boolean;
}) {
  const idleMs = options.idleMs ?? 500;
  let stopped = false;
  // When the loop last began a round (readiness asks), and whether it has ended.
  let roundAt = Date.now();
  let ended = false;
  let wake: (() => void) | undefined;
  // Set by a wake-up that came while a round was running: the next round then asks every task.
  let woken = false;
  const nudge = () => {
    woken = true;
    wake?.();
  };
  const unlisten = options.handle.listen(JOBS_CHANNEL, nudge);
  for (const task of options.tasks) task.wakeWith?.(nudge);

  // Per task: when it last looked for work, and whether it found any.
  const lastTick = new Map<BackgroundTask, { at: number; found: number }>();
  // Whether this round follows one that found work (and not a wake-up or the idle timer).
  let followUp = false;

  const loop = (async () => {
    while (!stopped) {
      const roundStarted = performance.now();
      roundAt = Date.now();
      let found = 0;
      for (const task of options.tasks) {
        // A follow-up round is for the tasks that have work: the others were asked a moment ago and
        // said no. They are asked again at the usual interval, or at once when woken (their NOTIFY).
        // While deliveries arrive a busy task takes several rounds a second, and on PGlite each idle
        // poll holds the one connection the webhook's writes wait for.
        const last = lastTick.get(task);
        if (followUp && last && last.found === 0 && !(task.full?.() ?? false) && roundStarted - last.at < idleMs) continue;
        let n = 0;
        try {
          n = await task.tick();
        } catch (err) {
          if (!stopped) log().error({ scope: "background", task: task.name, err }, "task failed");
        }
        lastTick.set(task, { at: roundStarted, found: n });
        found += n;
        if (stopped) break;
      }
      if (stopped) break;
      // Work found: look again at once (unless every slot is busy). Nothing: sleep until woken.
      const allFull = options.tasks.every((t) => t.full?.() ?? false);
      let wait = allFull ? 20 : found > 0 ? 0 : idleMs;
      // While yielding, a wake-up does not cut the wait short (the work it announces waits its turn like
      // the rest; the projection's own job inserts would otherwise undo the spacing), but the next round
      // asks every task.
      const yielding = found > 0 && (options.yieldTo?.() ?? false);
      if (yielding) wait = Math.min(YIELD_MAX_MS, Math.max(wait, YIELD_MIN_MS, 3 * (performance.now() - roundStarted)));
      await new Promise<void>((resolve) => {
        if (woken && !yielding) return resolve();
        const timer = setTimeout(resolve, wait);
        wake = () => {
          if (yielding && !stopped) return;
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
      followUp = !woken && (found > 0 || allFull);
      woken = false;
    }
  })().finally(() => (ended = true));

  return {
    nudge,
    /** Whether the loop runs, and when it last began a round. */
    status: () => ({ running: !stopped && !ended, lastRoundAt: roundAt }),
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      await Promise.all(options.tasks.map((t) => t.drain?.()));
      await (await unlisten)().catch(() => {});
    },
  };
}
