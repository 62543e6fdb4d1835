// npm run bench:retention [-- --events 1000000] [--seconds 20] [--control 300] [--concurrency 10]
//                         [--users 2000] [--per-delivery 2] [--backup 1]
//
// Retention's cost at a million events (PGlite; the console as `npm start` runs it, needs `npx next build`):
// a database of generated history (db/seed/generate-events.ts; deliveries of two events with their bodies,
// generated once into .tmp/ and copied for each run), then, under signed webhook load on loopback:
//   1. a baseline phase (no purge), then the same load for --control seconds (sustained, no purge),
//   2. the purge of the oldest 15 % of events (and the deliveries they leave) while the load goes on, until
//      the pass ends: rows/s, the longest batch, and the webhook's acknowledgement latency meanwhile,
//   3. a baseline phase again,
//   4. the purge of the next 15 % with no load (rows/s when nothing else runs),
//   5. the raw bodies of the deliveries between 30 % and 40 % of history emptied, under load,
//   6. with --backup 1: a backup (POST /api/backup) under the same load, then verified and restored.
// The server's peak resident memory (its PGlite thread included) is reported per phase, with what the
// server logged (stores that timed out, upkeep's slow VACUUMs); after it stops, a VACUUM is timed.
import { createHmac } from "node:crypto";
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { ensureDefaultChannel } from "@/db/queries/channels";
import { setProjectionPosition } from "@/db/queries/jobs";
import { generateEvents } from "@/db/seed/generate-events";
import { verifyBackup } from "@/lib/backup/download";
import { restoreBackup } from "@/lib/backup/restore";
import { FRIENDS_PROJECTION } from "@/lib/contacts/friends-projection";
import type { RetentionStats } from "@/lib/retention/retention-task";
import { startApp, type AppServer } from "./lib/app-server";
import { benchHeaders, prepareAuth, signIn } from "./lib/auth";
import { startFakeLineProcess } from "./lib/fake-process";
import { openConnection, type HttpConnection } from "./lib/http-client";
import { peakMemoryMb, resetPeakMemory } from "./lib/memory";
import { settle } from "./lib/settle";
import { round, summarize } from "./lib/stats";
import { BENCH_DESTINATION, textMessageEvent } from "./lib/text-event";

const { values: opts } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    seconds: { type: "string", default: "20" },
    concurrency: { type: "string", default: "10" },
    users: { type: "string", default: "2000" },
    "per-delivery": { type: "string", default: "2" },
    backup: { type: "string", default: "1" },
    // Load without purging for this long first: how the server fares under sustained load alone (memory,
    // non-2xx), to set the purge's figures against.
    control: { type: "string", default: "300" },
    port: { type: "string", default: "3903" },
    "fake-port": { type: "string", default: "4953" },
  },
});
const total = Number(opts.events);
const seconds = Number(opts.seconds);
const concurrency = Number(opts.concurrency);
const users = Number(opts.users);
const perDelivery = Number(opts["per-delivery"]);
const DAY = 86_400_000;
const template = `.tmp/bench-retention-${total}-${perDelivery}`;
const run = `.tmp/bench-retention-run-${Date.now()}`;

const rows = (result: unknown) => (result as { rows: Array<Record<string, unknown>> }).rows;
const one = async (db: Db, query: ReturnType<typeof sql>) => rows(await db.execute(query))[0]!;

// Generated once: a million events over 90 days, marked as already read by the friends projection, and
// vacuumed (so the server's upkeep does not vacuum a fresh million rows in the middle of a phase).
async function ensureTemplate() {
  if (fs.existsSync(`${template}/PG_VERSION`) && fs.existsSync(`${template}.ready`)) return;
  fs.rmSync(template, { recursive: true, force: true });
  console.log(`[bench:retention] generating ${total.toLocaleString()} events, ${perDelivery} a delivery, into ${template} …`);
  const t0 = Date.now();
  const handle = await openDatabase({ kind: "pglite", dataDir: template });
  try {
    const channelId = await ensureDefaultChannel(handle.db, { lineChannelId: null });
    await generateEvents(handle.db, {
      channelId,
      total,
      chunk: 20_000,
      eventsPerDelivery: perDelivery,
      deliveryBodies: true,
      onProgress: (n) => process.stdout.write(`\r  ${n.toLocaleString()}`),
    });
    const maxId = Number((await one(handle.db, sql`select coalesce(max(id), 0) as m from events`)).m);
    await setProjectionPosition(handle.db, { name: FRIENDS_PROJECTION, lastEventId: maxId });
    await handle.db.execute(sql`vacuum analyze`);
  } finally {
    await handle.close();
  }
  fs.writeFileSync(`${template}.ready`, new Date().toISOString());
  console.log(`\n  generated in ${round((Date.now() - t0) / 1000)} s`);
}

// The event timestamps at 15 % and 30 % of history: the two purges' cutoffs.
async function describeRun() {
  const handle = await openDatabase({ kind: "pglite", dataDir: run });
  try {
    const n = Number((await one(handle.db, sql`select count(*) as n from events`)).n);
    const at = async (share: number) =>
      new Date(
        String((await one(handle.db, sql`select "timestamp"::text as t from events order by "timestamp", id offset ${Math.floor(n * share)} limit 1`)).t),
      );
    return {
      events: n,
      deliveries: Number((await one(handle.db, sql`select count(*) as n from webhook_deliveries`)).n),
      databaseMb: round(Number((await one(handle.db, sql`select pg_database_size(current_database()) as b`)).b) / 1024 / 1024),
      cut15: await at(0.15),
      cut30: await at(0.3),
      cut40: await at(0.4),
    };
  } finally {
    await handle.close();
  }
}

let SECRET = "";
let seq = 0;
function delivery(): string {
  const n = seq % 10 === 0 ? 3 : seq % 5 === 0 ? 2 : 1;
  return JSON.stringify({ destination: BENCH_DESTINATION, events: Array.from({ length: n }, () => textMessageEvent(++seq, users)) });
}

/** Signed deliveries from `concurrency` keep-alive connections until `done()` (checked between requests) or `maxMs`. */
async function load(app: AppServer, stop: { done: () => boolean; maxMs: number }) {
  const latencies: number[] = [];
  let non2xx = 0;
  const started = performance.now();
  const connections: HttpConnection[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const connection = await openConnection(app.url);
      connections.push(connection);
      while (!stop.done() && performance.now() - started < stop.maxMs) {
        const body = delivery();
        const headers = { "content-type": "application/json", "x-line-signature": createHmac("sha256", SECRET).update(body).digest("base64") };
        const t0 = performance.now();
        const answer = await connection.request("POST", "/api/line/webhook", headers, body);
        latencies.push(performance.now() - t0);
        if (answer.status !== 200) non2xx++;
      }
    }),
  );
  for (const c of connections) c.close();
  const elapsed = performance.now() - started;
  return { ...summarize(latencies), perSecond: round(latencies.length / (elapsed / 1000)), non2xx, seconds: round(elapsed / 1000) };
}

async function api(app: AppServer, method: string, path: string, body?: unknown) {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { ...benchHeaders(), origin: app.url, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

const stats = async (app: AppServer) => (await (await api(app, "GET", "/bench/retention")).json()) as RetentionStats;

/** Start a retention pass with these periods and wait for it to end, with or without webhook load. */
async function purge(app: AppServer, policy: { eventsDays?: number; deliveryBodiesDays?: number }, withLoad: boolean) {
  const before = await stats(app);
  await api(app, "POST", "/bench/retention", policy);
  let finished: RetentionStats | undefined;
  let failed: Error | undefined;
  const poll = (async () => {
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      const s = await stats(app);
      if (s.passes > before.passes) return (finished = s);
    }
  })().catch((err: Error) => {
    // The load stops too, and the error is thrown below.
    failed = err;
    return undefined;
  });
  const loaded = withLoad ? await load(app, { done: () => finished !== undefined || failed !== undefined, maxMs: 60 * 60_000 }) : undefined;
  const s = await poll;
  if (!s) throw new Error(`lost the server during the purge (its output: ${serverLog}): ${failed?.message}`, { cause: failed });
  const pass = s.lastPass!;
  const seconds = (new Date(pass.finishedAt).getTime() - new Date(pass.startedAt).getTime()) / 1000;
  const kinds = Object.fromEntries(
    Object.entries(pass.kinds).map(([kind, k]) => [
      kind,
      {
        rows: k.rows,
        batches: k.batches,
        rowsPerSecond: round(k.rows / seconds),
        meanBatchMs: round(k.ms / k.batches, 2),
        longestBatchMs: round(k.longestMs, 1),
      },
    ]),
  );
  return { seconds: round(seconds), kinds, webhook: loaded };
}

async function backupUnderLoad(app: AppServer) {
  const file = `${run}-backup.tar`;
  let done = false;
  const t0 = performance.now();
  const taking = (async () => {
    const res = await api(app, "POST", "/api/backup");
    await pipeline(Readable.fromWeb(res.body as never), fs.createWriteStream(file));
    done = true;
    return (performance.now() - t0) / 1000;
  })();
  const loaded = await load(app, { done: () => done, maxMs: 30 * 60_000 });
  const backupSeconds = await taking;
  const t1 = performance.now();
  const manifest = await verifyBackup(file);
  const verifySeconds = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  const restored = await restoreBackup({ file, dataDir: `${run}-restored` });
  const restoreSeconds = (performance.now() - t2) / 1000;
  const result = {
    megabytes: round(fs.statSync(file).size / 1024 / 1024),
    seconds: round(backupSeconds),
    files: manifest.files,
    webhook: loaded,
    verifySeconds: round(verifySeconds),
    restoreSeconds: round(restoreSeconds),
    restored: restored.summary,
  };
  fs.rmSync(file, { force: true });
  fs.rmSync(`${run}-restored`, { recursive: true, force: true });
  return result;
}

// What the run left behind for VACUUM, timed on the database once the server has stopped (the server's
// upkeep runs it when LINE is quiet, or after 5 min of deliveries; it logs each one of 250 ms or more).
// (PGlite's activity statistics read 0 after a restart here, so this times the VACUUM, nothing more.)
async function vacuumAfter() {
  const handle = await openDatabase({ kind: "pglite", dataDir: run, migrate: false });
  try {
    const t0 = performance.now();
    await handle.db.execute(sql`vacuum events`);
    const eventsMs = performance.now() - t0;
    const t1 = performance.now();
    await handle.db.execute(sql`vacuum webhook_deliveries`);
    return { vacuumEventsMs: Math.round(eventsMs), vacuumDeliveriesMs: Math.round(performance.now() - t1) };
  } finally {
    await handle.close();
  }
}

await ensureTemplate();
console.log(`[bench:retention] copying ${template} to ${run} …`);
fs.cpSync(template, run, { recursive: true });
const data = await describeRun();
console.log(`  ${data.events.toLocaleString()} events, ${data.deliveries.toLocaleString()} deliveries, ${data.databaseMb} MB`);
const daysBefore = (at: Date) => (Date.now() - at.getTime()) / DAY;

const auth = await prepareAuth({});
const fake = await startFakeLineProcess({ port: Number(opts["fake-port"]), args: ["--friends", "200"] });
SECRET = fake.channelSecret;
const serverLog = `${run}.log`;
const app = await startApp({
  port: Number(opts.port),
  logFile: serverLog,
  env: {
    PGLITE_DATA_DIR: run,
    ...auth.env,
    LINE_CHANNEL_SECRET: fake.channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
    BENCH_ROUTES: "1",
    // Nothing is purged but what the benchmark asks for, when it asks.
    RETAIN_DELIVERY_BODIES_DAYS: "0",
    RETAIN_REJECTED_DELIVERIES_DAYS: "0",
    RETAIN_EVENTS_DAYS: "0",
    RETAIN_RELAY_LOG_DAYS: "0",
    RETAIN_MEDIA_DAYS: "0",
  },
});
const results: Record<string, unknown> = { date: new Date().toISOString(), events: total, perDelivery, seconds, concurrency, users, data };
try {
  await signIn(app.url);
  // Every sender once, then quiet (their profiles are fetched in the background), then warm the route.
  const warm = await load(app, { done: () => seq >= users, maxMs: 120_000 });
  await settle(app.pid, { quietWindows: 3, maxMs: 300_000 });
  await load(app, { done: () => false, maxMs: 3000 });
  await settle(app.pid);
  console.log(`[bench:retention] warmed up (${warm.n} deliveries); peak memory so far ${peakMemoryMb(app.pid)} MB`);

  // The server's peak resident memory, per phase: start-up's (PGlite's and Next's initialisation) and the
  // warm-up's first, then each phase's own (the peak is started over before it).
  const memory: Record<string, number | null> = { startUpAndWarmUp: peakMemoryMb(app.pid) };
  // And what the server said during each phase: stores that timed out (answered 503), upkeep's slow
  // VACUUM/ANALYZE, retention's summaries.
  const said: Record<string, { storeTimeouts: number; lines: string[] }> = {};
  const logLines = () => fs.readFileSync(serverLog, "utf8").split("\n");
  const measured = async <T>(name: string, phase: () => Promise<T>): Promise<T> => {
    const reset = resetPeakMemory(app.pid);
    const from = logLines().length - 1;
    const result = await phase();
    memory[name] = reset ? peakMemoryMb(app.pid) : null;
    const lines = logLines().slice(from).filter(Boolean);
    said[name] = {
      storeTimeouts: lines.filter((l) => l.includes("store did not finish")).length,
      lines: lines.filter((l) => /^\[(upkeep|retention)\]/.test(l)),
    };
    console.log(`  ${name}: ${JSON.stringify(result)} (peak memory ${memory[name] ?? "?"} MB; server: ${JSON.stringify(said[name])})`);
    return result;
  };
  const baseline = await measured("baseline", () => load(app, { done: () => false, maxMs: seconds * 1000 }));
  await settle(app.pid);
  const control = await measured("control", () => load(app, { done: () => false, maxMs: Number(opts.control) * 1000 }));
  await settle(app.pid, { maxMs: 120_000 });
  const loaded = await measured("purgeUnderLoad", () => purge(app, { eventsDays: daysBefore(data.cut15) }, true));
  const afterPurgeSettle = await settle(app.pid, { maxMs: 120_000 });
  const baselineAfter = await measured("baselineAfter", () => load(app, { done: () => false, maxMs: seconds * 1000 }));
  await settle(app.pid, { maxMs: 120_000 });
  const idle = await measured("purgeIdle", () => purge(app, { eventsDays: daysBefore(data.cut30) }, false));
  await settle(app.pid, { maxMs: 120_000 });
  // Raw bodies (kept 30 days by default: the purge every installation runs): those of the deliveries
  // between 30 % and 40 % of history, emptied while the load goes on.
  const bodies = await measured("bodiesUnderLoad", () => purge(app, { deliveryBodiesDays: daysBefore(data.cut40) }, true));
  await settle(app.pid, { maxMs: 120_000 });
  const backup = opts.backup === "1" ? await measured("backupUnderLoad", () => backupUnderLoad(app)) : undefined;
  Object.assign(results, {
    baseline,
    control,
    purgeUnderLoad: loaded,
    settleAfterPurge: afterPurgeSettle,
    baselineAfter,
    purgeIdle: idle,
    bodiesUnderLoad: bodies,
    backup,
    serverPeakMemoryMb: memory,
    serverSaid: said,
  });
} finally {
  await app.stop();
  await fake.close();
}
try {
  results.vacuum = await vacuumAfter();
  console.log(`  after the run: ${JSON.stringify(results.vacuum)}`);
} finally {
  fs.rmSync(run, { recursive: true, force: true });
}

fs.mkdirSync("bench/results", { recursive: true });
const file = `bench/results/retention-${new Date().toISOString().replaceAll(":", "-")}.json`;
fs.writeFileSync(file, JSON.stringify(results, null, 2));
const r = results as {
  baseline: ReturnType<typeof summarize> & { perSecond: number; non2xx: number };
  control: ReturnType<typeof summarize> & { perSecond: number; non2xx: number; seconds: number };
  baselineAfter: ReturnType<typeof summarize> & { perSecond: number; non2xx: number };
  purgeUnderLoad: Awaited<ReturnType<typeof purge>>;
  bodiesUnderLoad: Awaited<ReturnType<typeof purge>>;
  serverPeakMemoryMb: Record<string, number | null>;
};
const w = r.purgeUnderLoad.webhook!;
console.log(`\n| phase | deliveries/s | ack p50 | ack p99 | ack max | non-2xx |`);
console.log(`|---|---:|---:|---:|---:|---:|`);
for (const [name, p] of [
  ["baseline (no purge)", r.baseline],
  [`sustained load, no purge (${r.control.seconds} s)`, r.control],
  [`purging (${r.purgeUnderLoad.seconds} s)`, w],
  ["baseline after the purge", r.baselineAfter],
  [`emptying bodies (${r.bodiesUnderLoad.seconds} s)`, r.bodiesUnderLoad.webhook!],
] as const) {
  console.log(`| ${name} | ${p.perSecond} | ${p.p50} ms | ${p.p99} ms | ${p.max} ms | ${p.non2xx} |`);
}
console.log(`\nserver peak memory (MB) by phase: ${JSON.stringify(r.serverPeakMemoryMb)}\nwritten to ${file}`);
