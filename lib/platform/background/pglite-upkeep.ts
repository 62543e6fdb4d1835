import type { Db } from "@/db/client";
import { tablesDueForUpkeep, upkeepTable } from "@/db/queries/upkeep";
import type { BackgroundTask } from "./runner";

// PGlite's stand-in for autovacuum (see db/queries/upkeep.ts). It looks every `checkEveryMs`. While
// LINE's deliveries keep arriving it waits, because an ANALYZE or VACUUM holds PGlite's one connection
// for tens of milliseconds and every acknowledgement waits behind it; but a table is never left stale
// for longer than `maxDeferMs`, so a channel that never goes quiet still gets its statistics.
const CHECK_EVERY_MS = 30_000;
const MAX_DEFER_MS = 5 * 60_000;
const SLOW_MS = 250;

export function pgliteUpkeepTask(
  db: Db,
  options: { busy?: () => boolean; checkEveryMs?: number; maxDeferMs?: number; now?: () => number } = {},
): BackgroundTask {
  const now = options.now ?? (() => performance.now());
  const checkEveryMs = options.checkEveryMs ?? CHECK_EVERY_MS;
  const maxDeferMs = options.maxDeferMs ?? MAX_DEFER_MS;
  // When this process first found each table due (the deferral is counted from there).
  const dueSince = new Map<string, number>();
  let nextCheckAt = -Infinity;

  return {
    name: "pglite-upkeep",
    async tick() {
      const t = now();
      if (t < nextCheckAt) return 0;
      nextCheckAt = t + checkEveryMs;
      const due = await tablesDueForUpkeep(db);
      for (const name of dueSince.keys()) if (!due.some((d) => d.table === name)) dueSince.delete(name);
      let done = 0;
      for (const table of due) {
        if (!dueSince.has(table.table)) dueSince.set(table.table, t);
        if (options.busy?.() && t - dueSince.get(table.table)! < maxDeferMs) continue;
        const started = performance.now();
        await upkeepTable(db, table);
        // Long enough for LINE's deliveries to have waited for it (a VACUUM of a big table after many
        // deletes, e.g. retention's): say so, with what it was.
        const ms = performance.now() - started;
        if (ms >= SLOW_MS)
          console.warn(`[upkeep] ${[table.vacuum && "vacuum", table.analyze && "analyze"].filter(Boolean).join(" and ")} ${table.table}: ${Math.round(ms)} ms`);
        dueSince.delete(table.table);
        done++;
      }
      return done;
    },
  };
}
