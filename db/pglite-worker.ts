// PGlite in its own thread. Node runs this file directly (type stripping), so it imports nothing from
// the project. PGlite executes SQL synchronously in WebAssembly: on the web server's thread, every query
// stalls every request, and the webhook's acknowledgements queue behind background work. Here the
// queries run beside the server, one at a time (PGlite has one connection), and the webhook's writes go
// ahead of whatever else is waiting. The other side of the messages is db/pglite-bridge.ts.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, type Transaction } from "@electric-sql/pglite";

type RowMode = "array" | "object";

// What the bridge sends; every request is answered with { id, ok, value } or { id, ok: false, error }.
type Request =
  | { id: number; op: "query"; sql: string; params: unknown[]; rowMode: RowMode; rawTypes: number[]; priority: boolean; tx?: number }
  | { id: number; op: "begin"; priority: boolean }
  | { id: number; op: "end"; tx: number; commit: boolean }
  | { id: number; op: "listen" | "unlisten"; channel: string }
  | { id: number; op: "dump" }
  | { id: number; op: "close" };

interface Unit {
  request: Exclude<Request, { op: "end" }>;
  priority: boolean;
}

interface TransactionEnd {
  commit: boolean;
  replyTo: number;
}

interface OpenTransaction {
  id: number;
  tx: Transaction;
  finish: (end: TransactionEnd) => void;
}

const port = parentPort!;
const { dataDir, loadDataDir } = workerData as { dataDir?: string; loadDataDir?: ArrayBuffer };

const urgent: Unit[] = [];
const waiting: Unit[] = [];
let busy = false;
let open: OpenTransaction | undefined;
const unlisteners = new Map<string, () => Promise<void>>();

let pg: PGlite;
try {
  pg = await PGlite.create({ dataDir, loadDataDir: loadDataDir ? new Blob([loadDataDir]) : undefined });
  port.postMessage({ op: "ready" });
} catch (err) {
  port.postMessage({ op: "failed", error: serializeError(err) });
  process.exit(1);
}

port.on("message", (request: Request) => {
  if (request.op === "end") {
    if (open?.id === request.tx) open.finish({ commit: request.commit, replyTo: request.id });
    else void reply(request.id, Promise.reject(new Error(`No open transaction ${request.tx}`)));
    return;
  }
  if (request.op === "query" && request.tx !== undefined) {
    // Inside the open transaction: PGlite runs a transaction's statements in the order they arrive.
    const tx = open?.id === request.tx ? open.tx : undefined;
    void reply(request.id, tx ? tx.query(request.sql, request.params, queryOptions(request)).then(plainResult) : Promise.reject(new Error("Transaction is closed")));
    return;
  }
  const unit = { request, priority: "priority" in request && request.priority };
  (unit.priority ? urgent : waiting).push(unit);
  pump();
});

// One unit at a time, a whole transaction being one unit: nothing else may run between its statements.
function pump() {
  if (busy) return;
  const unit = urgent.shift() ?? waiting.shift();
  if (!unit) return;
  busy = true;
  void run(unit.request).finally(() => {
    busy = false;
    pump();
  });
}

async function run(request: Unit["request"]): Promise<void> {
  switch (request.op) {
    case "query":
      return reply(request.id, pg.query(request.sql, request.params, queryOptions(request)).then(plainResult));
    case "begin":
      return transaction(request.id);
    case "listen":
      if (!unlisteners.has(request.channel)) {
        const channel = request.channel;
        unlisteners.set(channel, await pg.listen(channel, (payload) => port.postMessage({ op: "notify", channel, payload })));
      }
      return reply(request.id, Promise.resolve(null));
    case "unlisten": {
      const unlisten = unlisteners.get(request.channel);
      unlisteners.delete(request.channel);
      return reply(request.id, (unlisten?.() ?? Promise.resolve()).then(() => null));
    }
    case "dump":
      return reply(
        request.id,
        pg.dumpDataDir("none").then((blob) => blob.arrayBuffer()),
        true,
      );
    case "close":
      await reply(request.id, pg.close().then(() => null));
      return;
  }
}

// The transaction stays open until the bridge says how it ends; its statements arrive meanwhile. The
// answer to the "end" request says whether the commit held.
async function transaction(id: number): Promise<void> {
  let end: TransactionEnd | undefined;
  try {
    await pg.transaction(async (tx) => {
      end = await new Promise<TransactionEnd>((finish) => {
        open = { id, tx, finish };
        port.postMessage({ id, ok: true, value: id });
      });
      open = undefined;
      if (!end.commit) await tx.rollback();
    });
    if (end) port.postMessage({ id: end.replyTo, ok: true, value: null });
  } catch (err) {
    open = undefined;
    port.postMessage({ id: end?.replyTo ?? id, ok: false, error: serializeError(err) });
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

// drizzle passes parsers that keep dates, timestamps and intervals as PostgreSQL's text; functions
// cannot cross threads, so the bridge names the types and they are rebuilt here.
function queryOptions(request: { rowMode: RowMode; rawTypes: number[] }) {
  const keep = (value: string) => value;
  return { rowMode: request.rowMode, parsers: Object.fromEntries(request.rawTypes.map((t) => [t, keep])) };
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
