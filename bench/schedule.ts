// npm run bench:schedule [-- --schedules 1000 --spread-seconds 60 --port 3911 --port2 3912 --fake-port 4961]
//
// 1,000 sends scheduled for the same minute through the API of two console instances (`npm start`, a
// production build: run `npx next build` first) sharing one PostgreSQL database (a fresh one, created on
// the server of BENCH_DATABASE_URL, else DATABASE_URL, else postgres://oa:oa@127.0.0.1:5432/postgres),
// each a push to its own friend of the fake LINE platform (its own process). Reports how late each send
// started — the send stored, and its request reaching LINE, after its time: p50/p95/p99/max — and checks
// that each schedule made exactly one send and LINE received each request once (its request log). Also
// the servers' peak memory while the sends start.
import fs from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { startApp, type AppServer } from "./lib/app-server";
import { prepareAuth, signIn, benchHeaders } from "./lib/auth";
import { freshDatabase } from "./lib/databases";
import { startFakeLineProcess } from "./lib/fake-process";
import { peakMemoryMb, resetPeakMemory } from "./lib/memory";
import { round, summarize } from "./lib/stats";

const { values: opts } = parseArgs({
  options: {
    schedules: { type: "string", default: "1000" },
    "spread-seconds": { type: "string", default: "60" },
    port: { type: "string", default: "3911" },
    port2: { type: "string", default: "3912" },
    "fake-port": { type: "string", default: "4961" },
  },
});
const count = Number(opts.schedules);
const spreadMs = Number(opts["spread-seconds"]) * 1000;
process.env.BENCH_DATABASE_URL ??= process.env.DATABASE_URL;

const db = await freshDatabase("postgres", "schedule");
const fake = await startFakeLineProcess({
  port: Number(opts["fake-port"]),
  args: ["--friends", String(count + 200), "--quota", "none", "--request-log-limit", String(count * 10 + 1000)],
});
const apps: AppServer[] = [];
let failed = false;
try {
  const auth = await prepareAuth(db.env);
  const env = {
    ...db.env,
    ...auth.env,
    LINE_CHANNEL_SECRET: fake.channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
    LINE_API_BASE_URL: fake.url,
    LINE_DATA_API_BASE_URL: fake.url,
    LOG_LEVEL: "warn",
  };
  // One after the other: the first migrates the new database, the second finds it ready.
  for (const [i, port] of [opts.port, opts.port2].entries()) {
    apps.push(await startApp({ port: Number(port), env, logFile: `.tmp/bench-schedule-server-${i + 1}.log` }));
  }
  await signIn(apps[0]!.url);
  const key = await apiKey(apps[0]!);
  const friends = await friendIds(count);

  // The minute: the next whole one that leaves time to schedule them all.
  const start = Math.ceil((Date.now() + 45_000) / 60_000) * 60_000;
  const runAts = Array.from({ length: count }, () => start + Math.floor(Math.random() * spreadMs));
  console.log(
    `[bench:schedule] scheduling ${count} pushes between ${new Date(start).toISOString()} and +${spreadMs / 1000} s, through ${apps.length} instances…`,
  );
  const t0 = performance.now();
  const created = await scheduleAll(key, friends, runAts);
  const createMs = performance.now() - t0;
  console.log(`[bench:schedule] ${created.ok} scheduled in ${round(createMs / 1000)} s (${created.errors.length} refused)`);
  if (Date.now() > start - 2000) throw new Error("scheduling took longer than the lead time: the measured minute had already begun");

  // Peak memory from here on: the minute the sends start, not start-up or the scheduling above.
  for (const app of apps) resetPeakMemory(app.pid);
  await sleepUntil(start + spreadMs + 5_000);
  const client = new pg.Client({ connectionString: db.env.DATABASE_URL });
  await client.connect();
  try {
    const settled = await waitSettled(client, created.ok);
    const memory = apps.map((a) => peakMemoryMb(a.pid));
    const result = await measure(client, settled.ms);
    const summary = {
      date: new Date().toISOString(),
      schedules: count,
      instances: apps.length,
      spreadSeconds: spreadMs / 1000,
      createMs: round(createMs),
      ...result,
      serverPeakMemoryMb: memory,
    };
    console.log(JSON.stringify(summary, null, 2));
    fs.mkdirSync("bench/results", { recursive: true });
    fs.writeFileSync(`bench/results/schedule-${summary.date.replaceAll(":", "-")}.json`, JSON.stringify(summary, null, 2));
    failed = result.check.schedulesWithoutOneSend > 0 || result.check.requestsNotOnce > 0 || result.check.recipientsNotOnce > 0;
  } finally {
    await client.end();
  }
} finally {
  for (const app of apps) await app.stop();
  await fake.close();
  await db.drop();
}
if (failed) process.exit(1);

// --- helpers ---

async function apiKey(app: AppServer): Promise<string> {
  const res = await fetch(`${app.url}/api/api-keys`, {
    method: "POST",
    headers: { ...benchHeaders(), origin: app.url, "content-type": "application/json" },
    body: JSON.stringify({ name: "bench:schedule", role: "operator" }),
  });
  if (!res.ok) throw new Error(`creating an API key failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { key: string }).key;
}

async function friendIds(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ids.length < n; offset += 1000) {
    const res = await fetch(`${fake.url}/__fake/friends?status=following&limit=1000&offset=${offset}`);
    const page = (await res.json()) as { users: Array<{ userId: string }> };
    if (page.users.length === 0) break;
    ids.push(...page.users.map((u) => u.userId));
  }
  if (ids.length < n) throw new Error(`the fake has ${ids.length} friends, not ${n}`);
  return ids.slice(0, n);
}

// Half through each instance, eight at a time.
async function scheduleAll(key: string, friends: string[], runAts: number[]) {
  let next = 0;
  let ok = 0;
  const errors: string[] = [];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < runAts.length; i = next++) {
        const app = apps[i % apps.length]!;
        const res = await fetch(`${app.url}/api/schedules`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify({
            kind: "push",
            request: { to: friends[i], messages: [{ type: "text", text: `Your appointment reminder #${i}` }] },
            runAt: new Date(runAts[i]!).toISOString(),
            timeZone: "Asia/Taipei",
          }),
        });
        if (res.status === 201) ok++;
        else errors.push(`${res.status} ${await res.text()}`);
        await res.arrayBuffer().catch(() => {});
      }
    }),
  );
  if (errors.length) console.log(`[bench:schedule] first refusal: ${errors[0]}`);
  return { ok, errors };
}

// Every schedule started, and every send's request answered by LINE.
async function waitSettled(client: pg.Client, expected: number) {
  const t0 = Date.now();
  for (;;) {
    const { rows } = await client.query(`
      select (select count(*) from schedules where status = 'started')::int as started,
             (select count(*) from schedules where status <> 'started')::int as other,
             (select count(*) from sends where status in ('sent', 'failed', 'partially_sent'))::int as done`);
    const r = rows[0] as { started: number; other: number; done: number };
    if (r.started + r.other >= expected && r.other === 0 && r.done >= r.started) return { ms: Date.now() - t0 };
    if (Date.now() - t0 > 180_000) throw new Error(`not settled after 3 minutes: ${JSON.stringify(r)}`);
    await sleep(250);
  }
}

async function measure(client: pg.Client, settleMs: number) {
  const { rows } = await client.query(`
    select s.id, extract(epoch from s.run_at) * 1000 as run_at, s.last_late_ms,
           (select count(*) from sends x where x.schedule_id = s.id)::int as sends,
           extract(epoch from d.created_at) * 1000 as send_created, c.retry_key
    from schedules s left join sends d on d.id = s.last_send_id left join send_chunks c on c.send_id = d.id`);
  const schedules = rows as Array<{
    id: string;
    run_at: string;
    last_late_ms: number | null;
    sends: number;
    send_created: string | null;
    retry_key: string | null;
  }>;
  // What LINE saw: every push, when it arrived, its retry key and answer.
  const log = (await (await fetch(`${fake.url}/__fake/requests?path=/v2/bot/message/push&method=POST&limit=100000`)).json()) as {
    requests: Array<{ time: string; status: number; headers: Record<string, string>; body: { to?: string } }>;
    dropped: number;
  };
  const byKey = new Map<string, Array<{ time: number; status: number }>>();
  const toCount = new Map<string, number>();
  for (const r of log.requests) {
    const key = r.headers["x-line-retry-key"] ?? "";
    byKey.set(key, [...(byKey.get(key) ?? []), { time: Date.parse(r.time), status: r.status }]);
    if (r.status === 200 && r.body.to) toCount.set(r.body.to, (toCount.get(r.body.to) ?? 0) + 1);
  }
  const stored: number[] = [];
  const atLine: number[] = [];
  for (const s of schedules) {
    if (s.send_created) stored.push(Number(s.send_created) - Number(s.run_at));
    const first = s.retry_key ? byKey.get(s.retry_key)?.[0] : undefined;
    if (first) atLine.push(first.time - Number(s.run_at));
  }
  const keys = new Set(schedules.map((s) => s.retry_key).filter(Boolean));
  // Which instance started each (the scheduler's id names the server's process).
  const by = await client.query(
    `select split_part(details->>'by', ':', 2) as pid, count(*)::int as n from audit_log where action = 'schedule.started' group by 1 order by 1`,
  );
  return {
    settleMs,
    // Lateness, ms after each send's time: the send stored (by the scheduler), its push reaching LINE.
    lateSendStoredMs: summarize(stored),
    lateAtLineMs: summarize(atLine),
    markedLate: schedules.filter((s) => (s.last_late_ms ?? 0) > 1000).length,
    startedPerInstance: Object.fromEntries((by.rows as Array<{ pid: string; n: number }>).map((r) => [`pid ${r.pid}`, r.n])),
    check: {
      schedulesWithoutOneSend: schedules.filter((s) => s.sends !== 1).length,
      lineRequests: log.requests.length,
      lineRequestLogDropped: log.dropped,
      // Each send's one request reached LINE exactly once (a retry would show as a second, a 409).
      requestsNotOnce: [...keys].filter((k) => (byKey.get(k!)?.length ?? 0) !== 1).length,
      recipientsNotOnce: schedules.length - [...toCount.values()].filter((n) => n === 1).length,
    },
  };
}

async function sleepUntil(t: number) {
  while (Date.now() < t) await sleep(Math.min(1000, t - Date.now()));
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
