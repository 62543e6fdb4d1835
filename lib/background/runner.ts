import type { DatabaseHandle } from "@/db/client";
import { JOBS_CHANNEL } from "@/db/queries/sends";

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
  let wake: (() => void) | undefined;
  const unlisten = options.handle.listen(JOBS_CHANNEL, () => wake?.());

  const loop = (async () => {
    while (!stopped) {
      const roundStarted = performance.now();
      let found = 0;
      for (const task of options.tasks) {
        try {
          found += await task.tick();
        } catch (err) {
          if (!stopped) console.error(`[background] ${task.name}:`, (err as Error).message);
        }
        if (stopped) break;
      }
      if (stopped) break;
      // Work found: look again at once (unless every slot is busy). Nothing: sleep until woken.
      const allFull = options.tasks.every((t) => t.full?.() ?? false);
      let wait = allFull ? 20 : found > 0 ? 0 : idleMs;
      if (found > 0 && options.yieldTo?.()) {
        wait = Math.min(YIELD_MAX_MS, Math.max(wait, YIELD_MIN_MS, 3 * (performance.now() - roundStarted)));
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  })();

  return {
    nudge: () => wake?.(),
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      await Promise.all(options.tasks.map((t) => t.drain?.()));
      await (await unlisten)().catch(() => {});
    },
  };
}
