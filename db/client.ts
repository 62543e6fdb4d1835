import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Pool } from "pg";
import { startPgliteWorker } from "./pglite-bridge";
import { acquirePgliteLock } from "./pglite-lock";
import { createPgListener } from "./pg-listener";

/** A drizzle database or transaction, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;
export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  kind: DatabaseKind;
  db: Db;
  /**
   * The same database for the webhook's writes, which LINE waits on: on PGlite they go ahead of queued
   * queries; on PostgreSQL they have connections of their own, so reads and background work cannot take
   * them all.
   */
  priorityDb: Db;
  /** This process's connections now, per pool (metrics). */
  stats(): Array<{ pool: string; inUse: number; idle: number; waiting: number }>;
  /** Subscribe to NOTIFY on a channel; "*" is delivered after a reconnect, when notifications may be lost. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (tests clone a migrated database from it). */
  dumpDataDir?: () => Promise<Blob>;
  /** PGlite on disk only: its data directory (absolute), which a backup copies (db/pglite-backup.ts). */
  dataDir?: string;
}

export type OpenDatabaseOptions =
  | {
      kind: "pglite";
      /** Omit for an in-memory database. */
      dataDir?: string;
      /** A tarball from dumpDataDir() to start from (tests clone a migrated database this way). */
      loadDataDir?: Blob | File;
      migrate?: boolean;
    }
  | { kind: "postgres"; url: string; poolSize?: number; migrate?: boolean };

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** The migrations this build ships (drizzle-kit's journal): how many, and the newest one's time. */
export function shippedMigrations(): { count: number; newest: number } {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: Array<{ when: number }> };
  return { count: journal.entries.length, newest: Math.max(...journal.entries.map((e) => e.when)) };
}

/** The one factory behind the app, the migration script, tests and benchmarks. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const handle = options.kind === "pglite" ? await openPglite(options) : await openPostgres(options);
  if (options.migrate !== false) {
    try {
      await migrateDatabase(handle);
    } catch (err) {
      await handle.close().catch(() => {});
      throw err;
    }
  }
  return handle;
}

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder });
    return;
  }
  // Several instances may start at once: the advisory lock makes the others wait for the first.
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = (handle as PostgresHandle).pool;
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('oa-console:migrate'))");
    await migrate(handle.db as never, { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock(hashtext('oa-console:migrate'))").catch(() => {});
    client.release();
  }
}

interface PostgresHandle extends DatabaseHandle {
  pool: Pool;
}

async function openPglite(options: Extract<OpenDatabaseOptions, { kind: "pglite" }>): Promise<DatabaseHandle> {
  const { drizzle } = await import("drizzle-orm/pglite");
  const release = options.dataDir ? acquirePgliteLock(options.dataDir) : () => {};
  let bridge: Awaited<ReturnType<typeof startPgliteWorker>>;
  try {
    // PGlite runs in a thread of its own, so its queries never stall the web server's requests.
    bridge = await startPgliteWorker({
      dataDir: options.dataDir ? path.resolve(options.dataDir) : undefined,
      loadDataDir: options.loadDataDir,
    });
  } catch (err) {
    release();
    throw err;
  }
  let closed = false;
  return {
    kind: "pglite",
    db: drizzle({ client: bridge.client(false) as never }) as unknown as Db,
    priorityDb: drizzle({ client: bridge.client(true) as never }) as unknown as Db,
    // One connection: in use while anything is outstanding, the rest of what is outstanding waits for it.
    stats: () => {
      const outstanding = bridge.outstanding();
      return [{ pool: "pglite", inUse: outstanding > 0 ? 1 : 0, idle: outstanding > 0 ? 0 : 1, waiting: Math.max(0, outstanding - 1) }];
    },
    listen: async (channel, onPayload) => {
      const unlisten = await bridge.listen(channel, onPayload);
      return async () => {
        if (!closed) await unlisten();
      };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await bridge.close();
      } finally {
        release();
      }
    },
    dumpDataDir: () => bridge.dumpDataDir(),
    dataDir: options.dataDir ? path.resolve(options.dataDir) : undefined,
  };
}

async function openPostgres(options: Extract<OpenDatabaseOptions, { kind: "postgres" }>): Promise<PostgresHandle> {
  const pg = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const newPool = (max: number) => {
    const created = new pg.default.Pool({
      connectionString: options.url,
      max,
      // A dead server must surface quickly: the webhook answers 503 within 1 s so LINE redelivers.
      connectionTimeoutMillis: 800,
      idleTimeoutMillis: 30_000,
      statement_timeout: 15_000,
    });
    // An idle client losing its connection emits on the pool; without a listener Node would crash.
    created.on("error", (err) => console.error("[db] idle PostgreSQL client error:", err.message));
    return created;
  };
  const pool = newPool(options.poolSize ?? 10);
  // The webhook's own connections (as many as its concurrent writes): a busy timeline or a backlog of
  // jobs holding every pooled connection cannot make LINE's deliveries wait.
  const priorityPool = newPool(4);
  const listener = createPgListener(options.url);
  let closed = false;
  return {
    kind: "postgres",
    pool,
    db: drizzle({ client: pool }) as unknown as Db,
    priorityDb: drizzle({ client: priorityPool }) as unknown as Db,
    stats: () =>
      [
        ["main", pool],
        ["webhook", priorityPool],
      ].map(([name, p]) => {
        const q = p as typeof pool;
        return { pool: name as string, inUse: q.totalCount - q.idleCount, idle: q.idleCount, waiting: q.waitingCount };
      }),
    listen: (channel, onPayload) => listener.listen(channel, onPayload),
    close: async () => {
      // Once: pg's pools throw when ended twice.
      if (closed) return;
      closed = true;
      await listener.close();
      await Promise.all([pool.end(), priorityPool.end()]);
    },
  };
}
