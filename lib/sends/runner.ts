import type { DatabaseHandle, Db } from "@/db/client";
import { pruneRateWindows } from "@/db/queries/rate-windows";
import { startBackgroundRunner, type BackgroundTask } from "@/lib/platform/background/runner";
import type { ClientsFor } from "@/lib/line/clients";
import { pollNarrowcasts } from "./narrowcast-poller";
import { createSendWorker } from "./worker";

/** Sending's background tasks: make due LINE requests; poll narrowcast progress; tidy rate windows. */
export function sendingTasks(options: { db: Db; clients: ClientsFor; maxInFlight?: number; workerId?: string }): BackgroundTask[] {
  const worker = createSendWorker(options);
  const maxInFlight = options.maxInFlight ?? 32;
  let lastPrune = 0;
  return [
    { name: "send", tick: worker.tick, full: () => worker.busy >= maxInFlight, drain: worker.drain },
    { name: "narrowcast-progress", tick: () => pollNarrowcasts(options.db, options.clients) },
    {
      name: "rate-windows",
      tick: async () => {
        if (Date.now() - lastPrune < 600_000) return 0;
        lastPrune = Date.now();
        await pruneRateWindows(options.db, { before: new Date(Date.now() - 2 * 3_600_000) });
        return 0;
      },
      full: () => true,
    },
  ];
}

/** A runner with just the sending tasks (tests). */
export function startSendRunner(options: { handle: DatabaseHandle; clients: ClientsFor; idleMs?: number; maxInFlight?: number; workerId?: string }) {
  return startBackgroundRunner({ handle: options.handle, idleMs: options.idleMs, tasks: sendingTasks({ db: options.handle.db, ...options }) });
}
