import type { Db } from "@/db/client";
import { pruneThrottle } from "@/db/queries/auth-throttle";
import type { BackgroundTask } from "@/lib/platform/background/runner";

const EVERY_MS = 3_600_000;
const KEEP_MS = 24 * 3_600_000;

/**
 * Sign-in throttle rows nobody has failed on for a day are dropped, once an hour: each wrong password
 * from a new address adds one, so without this the table only grows.
 */
export function authHousekeepingTask(db: Db, options: { now?: () => number } = {}): BackgroundTask {
  const now = options.now ?? Date.now;
  let last = -Infinity;
  return {
    name: "auth-housekeeping",
    async tick() {
      if (now() - last < EVERY_MS) return 0;
      last = now();
      await pruneThrottle(db, { before: new Date(now() - KEEP_MS) });
      return 0;
    },
    full: () => true,
  };
}
