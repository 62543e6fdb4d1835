import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";

// The web server's side of db/pglite-worker.ts: a client with the parts of PGlite's API that drizzle
// uses (query, transaction), each call a message to the database thread.

type RowMode = "array" | "object";

export interface QueryResult {
  rows: unknown[];
  fields: Array<{ name: string; dataTypeID: number }>;
  affectedRows?: number;
}

export interface BridgeClient {
  query(sql: string, params?: unknown[], options?: { rowMode?: RowMode; parsers?: Record<number, unknown> }): Promise<QueryResult>;
  transaction<T>(callback: (tx: Pick<BridgeClient, "query">) => Promise<T>): Promise<T>;
}

export interface PgliteBridge {
  /** Queries of a priority client go ahead of the others waiting for the database (the webhook's writes). */
  client(priority: boolean): BridgeClient;
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** The data directory as a tarball (tests clone a migrated database from it). */
  dumpDataDir(): Promise<Blob>;
  /** Requests sent to the database thread and not yet answered (one runs, the rest wait). */
  outstanding(): number;
  close(): Promise<void>;
}

type Message =
  | { op: "ready" }
  | { op: "failed"; error: ErrorFields }
  | { op: "notify"; channel: string; payload: string }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: ErrorFields };

type ErrorFields = Record<string, unknown> & { name: string; message: string };

// From the working directory, like the migrations: compiled to JavaScript in a release (scripts/release.ts),
// else the TypeScript file as it is (Node strips the types).
const workerBase = path.join(process.cwd(), "db", "pglite-worker");
const workerFile = fs.existsSync(`${workerBase}.js`) ? `${workerBase}.js` : `${workerBase}.ts`;

// The types drizzle's PGlite session keeps as PostgreSQL's text in every query: date, timestamp,
// timestamptz, interval, and the arrays of those and of numeric. The database thread returns them as
// text for every query (functions cannot cross threads, and per query they would cost PGlite a copy of
// all its parsers), so this client serves drizzle, and refuses a query that asks for other parsing.
const RAW_TYPES = [1082, 1114, 1115, 1182, 1184, 1185, 1186, 1187, 1231];

export async function startPgliteWorker(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PgliteBridge> {
  const loadDataDir = options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined;
  const worker = new Worker(workerFile, {
    workerData: { dataDir: options.dataDir, loadDataDir, rawTypes: RAW_TYPES },
    transferList: loadDataDir ? [loadDataDir] : [],
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let nextId = 1;
  let nextTx = 1;
  let stopped: Error | undefined;

  await new Promise<void>((resolve, reject) => {
    const onExit = (code: number) => reject(new Error(`The embedded database exited while opening (code ${code})`));
    worker.once("error", reject);
    worker.once("exit", onExit);
    worker.once("message", (m: Message) => {
      worker.off("error", reject);
      worker.off("exit", onExit);
      if ("op" in m && m.op === "failed") reject(toError(m.error));
      else resolve();
    });
  }).catch(async (err) => {
    await worker.terminate();
    throw err;
  });

  worker.on("message", (m: Message) => {
    if ("op" in m) {
      if (m.op === "notify") for (const fn of listeners.get(m.channel) ?? []) fn(m.payload);
      return;
    }
    const waiter = pending.get(m.id);
    if (!waiter) return;
    pending.delete(m.id);
    if (pending.size === 0) worker.unref();
    if (m.ok) waiter.resolve(m.value);
    else waiter.reject(toError(m.error));
  });
  // A crash of the database thread fails what was waiting and everything after, loudly.
  const stop = (err: Error) => {
    stopped ??= err;
    for (const waiter of pending.values()) waiter.reject(stopped);
    pending.clear();
  };
  worker.on("error", (err) => {
    console.error("[db] the embedded database thread failed:", err);
    stop(new Error(`The embedded database stopped: ${err.message}`));
  });
  worker.on("exit", (code) => stop(new Error(`The embedded database stopped (exit code ${code})`)));
  worker.unref();

  function request<T>(message: Record<string, unknown>): Promise<T> {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    // Keep the process alive while an answer is due (a script awaiting its last query), not otherwise.
    if (pending.size === 0) worker.ref();
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...message, id });
    });
  }

  function query(
    priority: boolean,
    tx: { id: number; begin: boolean } | undefined,
    sql: string,
    params: unknown[] = [],
    options: Parameters<BridgeClient["query"]>[2] = {},
  ) {
    const asked = Object.keys(options.parsers ?? {}).map(Number);
    if (asked.length && (asked.length !== RAW_TYPES.length || !asked.every((t) => RAW_TYPES.includes(t)))) {
      return Promise.reject(
        new Error(
          `The embedded database returns types ${RAW_TYPES.join(", ")} as text, as drizzle asks; other parsers (${asked.join(", ")}) are not supported`,
        ),
      );
    }
    return request<QueryResult>({ op: "query", sql, params, rowMode: options.rowMode ?? "object", priority, tx: tx?.id, begin: tx?.begin });
  }

  function client(priority: boolean): BridgeClient {
    return {
      query: (sql, params, options) => query(priority, undefined, sql, params, options),
      async transaction(callback) {
        // The first statement opens the transaction on the database thread (no round trip of its own).
        const id = nextTx++;
        let begun = false;
        const txQuery: BridgeClient["query"] = (sql, params, options) => {
          const begin = !begun;
          begun = true;
          return query(priority, { id, begin }, sql, params, options);
        };
        let result;
        try {
          result = await callback({ query: txQuery });
        } catch (err) {
          if (begun) await request({ op: "end", tx: id, commit: false }).catch(() => {});
          throw err;
        }
        if (begun) await request({ op: "end", tx: id, commit: true });
        return result;
      },
    };
  }

  return {
    client,
    outstanding: () => pending.size,
    async listen(channel, onPayload) {
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        await request({ op: "listen", channel });
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
        if (set.size === 0 && listeners.get(channel) === set) {
          listeners.delete(channel);
          if (!stopped) await request({ op: "unlisten", channel });
        }
      };
    },
    async dumpDataDir() {
      return new Blob([await request<ArrayBuffer>({ op: "dump" })]);
    },
    async close() {
      if (!stopped) await request({ op: "close" }).catch(() => {});
      stop(new Error("The database is closed"));
      await worker.terminate();
    },
  };
}

function toError(fields: ErrorFields): Error {
  const err = new Error(fields.message);
  Object.assign(err, fields);
  return err;
}
