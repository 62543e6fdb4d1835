import { env } from "@/lib/env.js";
import { atShutdown } from "@/lib/platform/server/shutdown";
import { openDatabase, type DatabaseHandle } from "./client";
import { ensureDefaultChannel } from "./queries/channels";

// One database handle per process, opened on first use (never at import time), kept on globalThis so
// that module re-evaluation (HMR in `next dev`) reuses it instead of opening the data directory twice.

interface Instance {
  handle: DatabaseHandle;
  channelId: number;
}

const g = globalThis as typeof globalThis & { __oaDatabase?: Promise<Instance> };

export function getDatabase(): Promise<Instance> {
  g.__oaDatabase ??= open().catch((err) => {
    g.__oaDatabase = undefined;
    throw err;
  });
  return g.__oaDatabase;
}

/** Close the process database (shutdown, tests). */
export async function closeDatabase(): Promise<void> {
  const pending = g.__oaDatabase;
  g.__oaDatabase = undefined;
  if (pending) await (await pending.catch(() => undefined))?.handle.close();
}

async function open(): Promise<Instance> {
  const e = env();
  const handle = e.DATABASE_URL
    ? await openDatabase({ kind: "postgres", url: e.DATABASE_URL })
    : await openDatabase({ kind: "pglite", dataDir: e.PGLITE_DATA_DIR });
  const channelId = await ensureDefaultChannel(handle.db, { lineChannelId: e.LINE_CHANNEL_ID ?? null });
  closeOnShutdown();
  return { handle, channelId };
}

// Last of all when the server stops (lib/platform/server/shutdown.ts); scripts close it when they run out of work.
function closeOnShutdown() {
  atShutdown("database", 30, closeDatabase);
  process.once("beforeExit", () => void closeDatabase());
}
