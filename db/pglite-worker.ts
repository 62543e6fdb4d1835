// PGlite in its own thread. It imports nothing from the project: `next build` bundles it, but tests and
// scripts have Node run it as it is (type stripping), with no path aliases. PGlite executes SQL synchronously in WebAssembly: on the web server's thread, every query
// stalls every request, and the webhook's acknowledgements queue behind background work. Here the
// queries run beside the server, one at a time (PGlite has one connection), and the webhook's writes go
// ahead of whatever else is waiting. The other side of the messages is db/pglite-bridge.ts.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, type Transaction } from "@electric-sql/pglite";

type RowMode = "array" | "object";

// What the bridge sends; every request is answered with { id, ok, value } or { id, ok: false, error }.
// A transaction has no "begin" of its own: its first statement carries `begin` (one round trip less
// while the transaction holds the database), and "end" says commit or roll back.
type Query = { id: number; op: "query"; sql: string; params: unknown[]; rowMode: RowMode; priority: boolean; tx?: number; begin?: boolean };
type Request =
  | Query
  | { id: number; op: "end"; tx: number; commit: boolean }
  | { id: number; op: "listen" | "unlisten"; channel: string }
  | { id: number; op: "dump" }
  | { id: number; op: "close" };

// What waits for its turn: a request, or a transaction (from its first statement to its end).
type Work = Exclude<Request, { op: "end" }> | { id: number; op: "begin"; tx: number; priority: boolean };

interface TransactionEnd {
  commit: boolean;
  replyTo: number;
}

interface OpenTransaction {
  id: number;
  tx: Transaction;
  finish: (end: TransactionEnd) => void;
}

// A transaction waiting for its turn: its statements (and maybe its end) wait with it.
interface QueuedTransaction {
  statements: Query[];
  end?: TransactionEnd;
}

const port = parentPort!;
const { dataDir, loadDataDir, rawTypes } = workerData as { dataDir?: string; loadDataDir?: ArrayBuffer; rawTypes: number[] };

const urgent: Work[] = [];
const waiting: Work[] = [];
let busy = false;
let open: OpenTransaction | undefined;
const queued = new Map<number, QueuedTransaction>();
const unlisteners = new Map<string, () => Promise<void>>();

let pg: PGlite;
try {
  pg = await PGlite.create({ dataDir, loadDataDir: loadDataDir ? new Blob([loadDataDir]) : undefined });
  // The types drizzle keeps as PostgreSQL's text, for every query (the bridge refuses other parsers).
  // Set once, after PGlite has added its array parsers (it adds them while starting, over any given to
  // create()). Passed with each query instead, they cost a copy of all of PGlite's ~300 parsers per
  // query: 0.12 ms, more than a whole `select 1` takes without them.
  const keep = (value: string) => value;
  pg.parsers = { ...pg.parsers, ...Object.fromEntries(rawTypes.map((t) => [t, keep])) };
  port.postMessage({ op: "ready" });
} catch (err) {
  port.postMessage({ op: "failed", error: serializeError(err) });
  process.exit(1);
}

port.on("message", (request: Request) => {
  if (request.op === "end") {
    const end = { commit: request.commit, replyTo: request.id };
    if (open?.id === request.tx) open.finish(end);
    else if (queued.has(request.tx)) queued.get(request.tx)!.end = end;
    else void reply(request.id, Promise.reject(new Error(`No open transaction ${request.tx}`)));
    return;
  }
  if (request.op === "query" && request.tx !== undefined) {
    if (request.begin) {
      queued.set(request.tx, { statements: [request] });
      return schedule({ id: request.id, op: "begin", tx: request.tx, priority: request.priority });
    }
    // Inside the open transaction: PGlite runs a transaction's statements in the order they arrive.
    if (open?.id === request.tx) return inTransaction(open.tx, request);
    const waitingTx = queued.get(request.tx);
    if (waitingTx) return void waitingTx.statements.push(request);
    return void reply(request.id, Promise.reject(new Error("Transaction is closed")));
  }
  schedule(request);
});

function schedule(work: Work) {
  ("priority" in work && work.priority ? urgent : waiting).push(work);
  pump();
}

function inTransaction(tx: Transaction, request: Query) {
  void reply(request.id, tx.query(request.sql, request.params, queryOptions(request)).then(plainResult));
}

// One unit at a time, a whole transaction being one unit: nothing else may run between its statements.
function pump() {
  if (busy) return;
  const work = urgent.shift() ?? waiting.shift();
  if (!work) return;
  busy = true;
  void run(work).finally(() => {
    busy = false;
    pump();
  });
}

async function run(request: Work): Promise<void> {
  switch (request.op) {
    case "query":
      return reply(request.id, pg.query(request.sql, request.params, queryOptions(request)).then(plainResult));
    case "begin":
      return transaction(request.tx);
    case "listen": {
      const channel = request.channel;
      const listening = unlisteners.has(channel)
        ? Promise.resolve()
        : pg.listen(channel, (payload) => port.postMessage({ op: "notify", channel, payload })).then((unlisten) => void unlisteners.set(channel, unlisten));
      return reply(
        request.id,
        listening.then(() => null),
      );
    }
    case "unlisten": {
      const unlisten = unlisteners.get(request.channel);
      unlisteners.delete(request.channel);
      return reply(
        request.id,
        (unlisten?.() ?? Promise.resolve()).then(() => null),
      );
    }
    case "dump":
      return reply(
        request.id,
        pg.dumpDataDir("none").then((blob) => blob.arrayBuffer()),
        true,
      );
    case "close":
      await reply(
        request.id,
        pg.close().then(() => null),
      );
      return;
  }
}

// The transaction stays open until the bridge says how it ends; its statements arrive meanwhile. The
// answer to the "end" request says whether the commit held.
async function transaction(id: number): Promise<void> {
  const waited = queued.get(id)!;
  queued.delete(id);
  let end: TransactionEnd | undefined;
  try {
    await pg.transaction(async (tx) => {
      end = await new Promise<TransactionEnd>((finish) => {
        open = { id, tx, finish };
        for (const statement of waited.statements) inTransaction(tx, statement);
        if (waited.end) finish(waited.end);
      });
      open = undefined;
      if (!end.commit) await tx.rollback();
    });
    if (end) port.postMessage({ id: end.replyTo, ok: true, value: null });
  } catch (err) {
    open = undefined;
    if (end) return port.postMessage({ id: end.replyTo, ok: false, error: serializeError(err) });
    // BEGIN itself failed: everything that waited for the transaction hears why.
    for (const statement of waited.statements) port.postMessage({ id: statement.id, ok: false, error: serializeError(err) });
    if (waited.end) port.postMessage({ id: waited.end.replyTo, ok: false, error: serializeError(err) });
  }
}

async function reply(id: number, result: Promise<unknown>, transfer = false): Promise<void> {
  try {
    const value = await result;
    port.postMessage({ id, ok: true, value }, transfer && value instanceof ArrayBuffer ? [value] : []);
  } catch (err) {
    port.postMessage({ id, ok: false, error: serializeError(err) });
  }
}

function queryOptions(request: { rowMode: RowMode }) {
  return request.rowMode === "object" ? undefined : { rowMode: request.rowMode };
}

function plainResult(result: { rows: unknown[]; fields: unknown[]; affectedRows?: number }) {
  return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
}

// PostgreSQL's error fields (code, detail, constraint…) survive; the rest (parsers, options) cannot.
function serializeError(err: unknown) {
  const e = err instanceof Error ? err : new Error(String(err));
  const fields: Record<string, unknown> = { name: e.name, message: e.message };
  for (const [key, value] of Object.entries(e)) {
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) fields[key] = value;
  }
  return fields;
}
