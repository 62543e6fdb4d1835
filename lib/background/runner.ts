import type { DatabaseHandle } from "@/db/client";
import { JOBS_CHANNEL } from "@/db/queries/sends";

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
export function startBackgroundRunner(options: { handle: DatabaseHandle; tasks: BackgroundTask[]; idleMs?: number }) {
  const idleMs = options.idleMs ?? 500;
  let stopped = false;
  let wake: (() => void) | undefined;
  const unlisten = options.handle.listen(JOBS_CHANNEL, () => wake?.());

  const loop = (async () => {
    while (!stopped) {
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
      const wait = allFull ? 20 : found > 0 ? 0 : idleMs;
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
