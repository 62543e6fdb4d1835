import type { DatabaseHandle } from "@/db/client";
import { pruneRateWindows } from "@/db/queries/rate-windows";
import { JOBS_CHANNEL } from "@/db/queries/sends";
import type { LineClients } from "@/lib/line/clients";
import { pollNarrowcasts } from "./narrowcast-poller";
import { createSendWorker } from "./worker";

// The background loop of one instance: make due LINE requests, poll narrowcast progress. It wakes on
// NOTIFY (a send was stored, on any instance) and otherwise every `idleMs`, so retries and rate-limit
// waits come due without anyone asking.

export interface RunnerOptions {
  handle: DatabaseHandle;
  clients: () => LineClients;
  idleMs?: number;
  maxInFlight?: number;
  workerId?: string;
}

export function startSendRunner(options: RunnerOptions) {
  const db = options.handle.db;
  const worker = createSendWorker({ db, clients: options.clients, maxInFlight: options.maxInFlight, workerId: options.workerId });
  const idleMs = options.idleMs ?? 500;
  let stopped = false;
  let wake: (() => void) | undefined;
  let lastPrune = 0;
  const unlisten = options.handle.listen(JOBS_CHANNEL, () => wake?.());

  const loop = (async () => {
    while (!stopped) {
      let busy = false;
      try {
        const taken = await worker.tick();
        const polled = await pollNarrowcasts(db, options.clients);
        busy = taken > 0 || polled > 0;
        if (Date.now() - lastPrune > 600_000) {
          lastPrune = Date.now();
          await pruneRateWindows(db, { before: new Date(Date.now() - 2 * 3_600_000) });
        }
      } catch (err) {
        if (!stopped) console.error("[send] runner:", (err as Error).message);
      }
      if (stopped) break;
      // Full slots: wait for one to free. Work found: look again at once. Nothing: sleep until woken.
      const wait = worker.busy >= (options.maxInFlight ?? 32) ? 20 : busy ? 0 : idleMs;
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
    worker,
    /** Wake the loop now (tests; the NOTIFY does this in normal running). */
    nudge: () => wake?.(),
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      await worker.drain();
      await (await unlisten)().catch(() => {});
    },
  };
}
