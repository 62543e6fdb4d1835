// npm run bench:timeline [-- --db pglite|postgres|both] [--events 1000000] [--channels 1] [--requests 200] [--prepare]
//
// GET /api/events over a million generated events: p50/p95 for the first page, deep cursor pages, a
// type filter, a user filter and text searches (Chinese, Japanese, Thai, English, a rare term and a
// one-character query). The PGlite database is generated once into .tmp/ and reused by later runs.
//
// --channels N spreads the same total over N channels (each delivery to one of them) and reads the first
// channel's timeline, as the console's pages do (the X-OA-Channel header); "1,5" measures one database of
// each, one after the other, in the same run. Each count has a database of its own. --prepare generates
// the databases and stops (a million events take minutes: generate while the machine is busy, measure
// once it is quiet).
import fs from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { enqueueJob, setProjectionPosition } from "@/db/queries/jobs";
import { CONTACT_JOBS } from "@/lib/contacts/job-kinds";
import { FRIENDS_PROJECTION } from "@/lib/contacts/friends-projection";
import { encodeCursor } from "@/lib/events/cursor";
import { CHANNEL_HEADER } from "@/lib/client/channel-path";
import { peakMemoryMb, resetPeakMemory } from "./lib/memory";
import { startApp } from "./lib/app-server";
import { benchHeaders, prepareAuth, signIn } from "./lib/auth";
import { ensureBenchChannels } from "./lib/channels";
import { generateEvents, SEARCH_TERMS } from "@/db/seed/generate-events";
import { round, summarize } from "./lib/stats";
import { settle } from "./lib/settle";

const { values: opts } = parseArgs({
  options: {
    db: { type: "string", default: "pglite" },
    events: { type: "string", default: "1000000" },
    channels: { type: "string", default: "1" },
    requests: { type: "string", default: "200" },
    port: { type: "string", default: "3902" },
    prepare: { type: "boolean", default: false },
  },
});
const total = Number(opts.events);
const BASELINE = "baseline";
const requests = Number(opts.requests);
const engines = opts.db === "both" ? ["pglite", "postgres"] : [opts.db!];
const channelCounts = opts.channels!.split(",").map(Number);
if (channelCounts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--channels is a whole number of channels (or several: 1,5)");
const loadAverage = () => fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

async function prepare(engine: string, channelCount: number) {
  // One channel keeps the name databases generated before --channels had.
  const name = `bench-timeline-${total}${channelCount > 1 ? `-${channelCount}ch` : ""}`;
  if (engine === "pglite") {
    const dir = `.tmp/${name}`;
    const env = { PGLITE_DATA_DIR: dir };
    const handle = await openDatabase({ kind: "pglite", dataDir: dir });
    return { env, handle, drop: async () => {} };
  }
  const admin = process.env.BENCH_DATABASE_URL ?? "postgres://oa:oa@127.0.0.1:5432/postgres";
  const url = new URL(admin);
  url.pathname = `/${name.replaceAll("-", "_")}`;
  const pg = await import("pg");
  const c = new pg.default.Client({ connectionString: admin });
  await c.connect();
  const exists = await c.query("select 1 from pg_database where datname = $1", [url.pathname.slice(1)]);
  if (exists.rowCount === 0) await c.query(`create database ${url.pathname.slice(1)}`);
  await c.end();
  const handle = await openDatabase({ kind: "postgres", url: url.toString() });
  return { env: { DATABASE_URL: url.toString() }, handle, drop: async () => {} };
}

async function benchEngine(engine: string, channelCount: number) {
  const { env, handle } = await prepare(engine, channelCount);
  const auth = await prepareAuth(env);
  const channelIds = await ensureBenchChannels(handle.db, { count: channelCount, authEnv: auth.env });
  // The timeline read is the first channel's.
  const channelId = channelIds[0]!;
  const spread = (await handle.db.execute(sql`select count(*) as n, count(distinct channel_id) as c from events`)) as unknown as {
    rows: Array<{ n: string; c: string }>;
  };
  const count = Number(spread.rows[0]!.n);
  if (count < total || Number(spread.rows[0]!.c) !== channelCount) {
    console.log(`[bench:timeline] ${engine}: generating ${total.toLocaleString()} events over ${channelCount} channel(s) …`);
    const t0 = Date.now();
    await handle.db.execute(sql`truncate events, webhook_deliveries, event_counts`);
    // 20,000 rows a statement: inside the 15 s statement timeout the app sets on PostgreSQL, even on a busy machine.
    await generateEvents(handle.db, { channelIds, total, chunk: 20_000, onProgress: (n) => process.stdout.write(`\r  ${n.toLocaleString()}`) });
    console.log(`\n  generated in ${round((Date.now() - t0) / 1000)} s`);
  }
  // The generated history is the timeline's, not the friend list's: mark it projected, so the app does
  // not spend the run turning a million events into friends (on PGlite, on the thread that answers).
  const maxId = Number(((await handle.db.execute(sql`select coalesce(max(id), 0) as m from events`)) as unknown as { rows: Array<{ m: string }> }).rows[0]!.m);
  await setProjectionPosition(handle.db, { name: FRIENDS_PROJECTION, lastEventId: maxId });
  // Nor fetch profiles and media for it (left by a run before this rule): this app has no LINE to ask.
  await handle.db.execute(sql`delete from jobs`);
  // For the same reason, the channels after the first (which has no LINE credentials here, so the console
  // lists no friends for it) are shown as a console whose channels were synced today: their next friend
  // syncs are due tomorrow, so the start-up does not schedule syncs that would fail and be retried through
  // the run (work the one-channel run would not have).
  const tomorrow = new Date(Date.now() + 86_400_000);
  for (const id of channelIds.slice(1)) {
    for (const kind of [CONTACT_JOBS.followersSync, CONTACT_JOBS.profilesRefresh])
      await enqueueJob(handle.db, { kind, key: String(id), payload: { channelId: id }, runAt: tomorrow });
  }
  const ownEvents = Number(
    ((await handle.db.execute(sql`select count(*) as n from events where channel_id = ${channelId}`)) as unknown as { rows: Array<{ n: string }> }).rows[0]!.n,
  );
  // Cursors at depths spread through the middle of history (every 9,973rd event of a million in one
  // channel, as before channels; as many, at the same depths, in a channel that holds a share of them),
  // and users that exist.
  const every = Math.max(1, Math.round((9973 * ownEvents) / Math.max(1, total)));
  const sample = (await handle.db.execute(sql`
    select id, "timestamp" from (select id, "timestamp", row_number() over (order by id) as k from events where channel_id = ${channelId}) s
    where k % ${every} = 0 order by id`)) as unknown as {
    rows: Array<{ id: string; timestamp: string | Date }>;
  };
  const cursors = sample.rows.map((r) => encodeCursor({ id: Number(r.id), timestamp: new Date(r.timestamp) }));
  const users = Array.from({ length: 50 }, (_, i) => `U${((i * 397) % 20000).toString(16).padStart(32, "0")}`);
  const size = ((await handle.db.execute(sql`select pg_database_size(current_database()) as b`)) as unknown as { rows: Array<{ b: string }> }).rows[0]!.b;
  await handle.close();
  if (opts.prepare) return null;
  console.log(
    `  ${channelCount} channel(s), ${total.toLocaleString()} events; the first channel's timeline holds ${ownEvents.toLocaleString()}; load average ${loadAverage()}`,
  );

  const app = await startApp({ port: Number(opts.port), env: { ...env, ...auth.env } });
  await signIn(app.url);
  // Measure once the start-up's own work is done (PGlite's upkeep, the background loop's first rounds):
  // otherwise it lands on the first scenarios' p95 alone.
  const startup = await settle(app.pid);
  console.log(`  the server was quiet ${round(startup.ms / 1000)} s after start-up${startup.timedOut ? " (timed out)" : ""}; load average ${loadAverage()}`);
  const startupPeakMemoryMb = resetPeakMemory(app.pid);
  try {
    // The baseline: an API call with the same session check and JSON answer but no event query. The
    // machine is noisy; each scenario's p50 divided by this one's says what the query itself costs.
    const scenarios: Record<string, (i: number) => string> = {
      "baseline (GET /api/me)": () => BASELINE,
      "first page": () => "limit=50",
      "deep cursor page": (i) => `limit=50&cursor=${cursors[i % cursors.length]}`,
      "type filter (follow)": (i) => `limit=50&type=follow${i % 2 ? `&cursor=${cursors[i % cursors.length]}` : ""}`,
      "user filter": (i) => `limit=50&userId=${users[i % users.length]}`,
      "search: Chinese, common (營業)": () => `limit=50&q=${encodeURIComponent(SEARCH_TERMS.common)}`,
      "search: Japanese (東京タワー)": () => `limit=50&q=${encodeURIComponent(SEARCH_TERMS.japanese)}`,
      "search: Thai (กรุงเทพ)": () => `limit=50&q=${encodeURIComponent(SEARCH_TERMS.thai)}`,
      "search: English (coupon)": () => `limit=50&q=${SEARCH_TERMS.english}`,
      "search: rare term": () => `limit=50&q=${SEARCH_TERMS.rare}`,
      "search: one CJK character (貨)": () => `limit=50&q=${encodeURIComponent(SEARCH_TERMS.singleCjk)}`,
    };
    const results: Record<string, ReturnType<typeof summarize> & { items: number }> = {};
    for (const [name, query] of Object.entries(scenarios)) {
      for (let i = 0; i < 10; i++) await get(app.url, query(i)); // warm
      const latencies: number[] = [];
      let items = 0;
      for (let i = 0; i < requests; i++) {
        const t0 = performance.now();
        const page = await get(app.url, query(i));
        latencies.push(performance.now() - t0);
        items += page.items.length;
      }
      results[name] = { ...summarize(latencies), items: round(items / requests) };
      const ratio = results["baseline (GET /api/me)"] ? round(results[name].p50 / results["baseline (GET /api/me)"].p50, 1) : 1;
      console.log(
        `  ${name.padEnd(36)} p50 ${String(results[name].p50).padStart(6)} ms   p95 ${String(results[name].p95).padStart(6)} ms   ×${ratio} baseline p50   (${results[name].items} items/page)`,
      );
    }
    const serverPeakMemoryMb = peakMemoryMb(app.pid);
    console.log(
      `  server peak memory ${serverPeakMemoryMb ?? "?"} MB while measured, ${startupPeakMemoryMb ?? "?"} MB at start-up (resident, the database thread included on PGlite); load average ${loadAverage()}`,
    );
    return {
      engine,
      events: total,
      channels: channelCount,
      channelEvents: ownEvents,
      databaseBytes: Number(size),
      serverPeakMemoryMb,
      startupPeakMemoryMb,
      loadAverage: loadAverage(),
      results,
    };
  } finally {
    await app.stop();
  }
}

async function get(base: string, query: string) {
  // The first channel named as the console's pages name theirs (the same path with one channel or several).
  const res = await fetch(query === BASELINE ? `${base}/api/me` : `${base}/api/events?${query}`, {
    headers: { ...benchHeaders(), [CHANNEL_HEADER]: "default" },
  });
  if (!res.ok) throw new Error(`${res.status} for ${query}: ${await res.text()}`);
  const body = (await res.json()) as { items?: unknown[] };
  return { items: body.items ?? [] };
}

const all = [];
for (const engine of engines) {
  for (const channelCount of channelCounts) {
    console.log(`\n[bench:timeline] ${engine}, ${channelCount} channel(s)`);
    const measured = await benchEngine(engine, channelCount);
    if (measured) all.push(measured);
  }
}
if (opts.prepare) process.exit(0);
fs.mkdirSync("bench/results", { recursive: true });
const file = `bench/results/timeline-${new Date().toISOString().replaceAll(":", "-")}.json`;
fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), requests, results: all }, null, 2));
if (all.length > 1) {
  // Side by side: p50 / p95 (ms) of each database measured in this run.
  const head = all.map((r) => `${r.engine}, ${r.channels} ch (${r.channelEvents.toLocaleString()} in the timeline)`);
  console.log(`\n| scenario | ${head.join(" | ")} |\n|---|${head.map(() => "---:").join("|")}|`);
  for (const name of Object.keys(all[0]!.results))
    console.log(`| ${name} | ${all.map((r) => `${r.results[name]?.p50} / ${r.results[name]?.p95}`).join(" | ")} |`);
  console.log(`| server peak memory | ${all.map((r) => `${r.serverPeakMemoryMb ?? "?"} MB`).join(" | ")} |`);
}
console.log(`\nwritten to ${file}`);
