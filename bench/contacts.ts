// npm run bench:contacts [-- --db pglite|postgres|both] [--friends 100000] [--requests 200]
//
// GET /api/contacts over 100,000 generated friends (names in Chinese, Japanese, Thai and English, tags
// of very different sizes): p50/p95 for the first page, deep keyset pages, status/tag/language filters,
// name searches in each script, an id search, a segment's live count and a CSV export. The PGlite
// database is generated once into .tmp/ and reused by later runs. Needs a production build.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { ensureDefaultChannel } from "@/db/queries/channels";
import { FRIEND_SEARCH_TERMS, friendUserId, generateFriends } from "@/db/seed/generate-friends";
import { encodeFriendCursor } from "@/lib/contacts/friend-cursor";
import { peakMemoryMb, resetPeakMemory } from "./lib/memory";
import { startApp } from "./lib/app-server";
import { benchHeaders, prepareAuth, signIn } from "./lib/auth";
import { round, summarize } from "./lib/stats";

const { values: opts } = parseArgs({
  options: {
    db: { type: "string", default: "pglite" },
    friends: { type: "string", default: "100000" },
    requests: { type: "string", default: "200" },
    port: { type: "string", default: "3730" },
  },
});
const total = Number(opts.friends);
const requests = Number(opts.requests);
const engines = opts.db === "both" ? ["pglite", "postgres"] : [opts.db!];

async function prepare(engine: string) {
  if (engine === "pglite") {
    const dir = `.tmp/bench-contacts-${total}`;
    return { env: { PGLITE_DATA_DIR: dir } as Record<string, string>, handle: await openDatabase({ kind: "pglite", dataDir: dir }) };
  }
  const admin = process.env.BENCH_DATABASE_URL ?? "postgres://oa:oa@127.0.0.1:5432/postgres";
  const url = new URL(admin);
  url.pathname = `/bench_contacts_${total}`;
  const pg = await import("pg");
  const c = new pg.default.Client({ connectionString: admin });
  await c.connect();
  if ((await c.query("select 1 from pg_database where datname = $1", [url.pathname.slice(1)])).rowCount === 0)
    await c.query(`create database ${url.pathname.slice(1)}`);
  await c.end();
  return { env: { DATABASE_URL: url.toString() } as Record<string, string>, handle: await openDatabase({ kind: "postgres", url: url.toString() }) };
}

async function benchEngine(engine: string) {
  const { env, handle } = await prepare(engine);
  const channelId = await ensureDefaultChannel(handle.db, { lineChannelId: null });
  const count = Number(((await handle.db.execute(sql`select count(*) as n from friends`)) as unknown as { rows: Array<{ n: string }> }).rows[0]!.n);
  if (count < total) {
    console.log(`[bench:contacts] ${engine}: generating ${total.toLocaleString()} friends …`);
    const t0 = Date.now();
    await handle.db.execute(sql`truncate friends, friend_tags, tags`);
    await generateFriends(handle.db, { channelId, total, onProgress: (n) => process.stdout.write(`\r  ${n.toLocaleString()}`) });
    console.log(`\n  generated in ${round((Date.now() - t0) / 1000)} s`);
  }
  const size = (
    (await handle.db.execute(sql`select pg_total_relation_size('friends') + pg_total_relation_size('friend_tags') as b`)) as unknown as {
      rows: Array<{ b: string }>;
    }
  ).rows[0]!.b;
  // Deep cursors spread through the list (in the default order), from rows that exist.
  const sample = (await handle.db.execute(
    sql`select last_active_at, user_id from friends where channel_id = ${channelId} and ('x' || substr(user_id, 26, 8))::bit(32)::int % 997 = 0 limit 100`,
  )) as unknown as { rows: Array<{ last_active_at: string | Date; user_id: string }> };
  const cursors = sample.rows.map((r) => encodeFriendCursor("lastActive", { v: new Date(r.last_active_at).toISOString(), u: r.user_id }));
  await handle.close();

  const auth = await prepareAuth(env);
  const app = await startApp({ port: Number(opts.port), env: { ...env, ...auth.env } });
  try {
    await signIn(app.url);
    const startupPeakMemoryMb = resetPeakMemory(app.pid);
    const q = encodeURIComponent;
    const scenarios: Record<string, { path: (i: number) => string; method?: "POST"; body?: unknown }> = {
      "first page": { path: () => "/api/contacts?limit=50" },
      "deep keyset page": { path: (i) => `/api/contacts?limit=50&cursor=${cursors[i % cursors.length]}` },
      "status filter (blocked)": { path: () => "/api/contacts?limit=50&status=blocked" },
      "language filter (th)": { path: () => "/api/contacts?limit=50&language=th" },
      "tag filter, rare (vip)": { path: () => "/api/contacts?limit=50&tag=vip" },
      "tag filter, common (newsletter)": { path: () => "/api/contacts?limit=50&tag=newsletter" },
      "tag + active 30 days": { path: () => `/api/contacts?limit=50&tag=${q("台北店")}&activeSince=${new Date(Date.now() - 30 * 86_400_000).toISOString()}` },
      "sort by name, deep": { path: () => `/api/contacts?limit=50&sort=name&cursor=${encodeFriendCursor("name", { v: "林", u: friendUserId(1) })}` },
      [`search: Chinese, common (${FRIEND_SEARCH_TERMS.chineseCommon})`]: { path: () => `/api/contacts?limit=50&q=${q(FRIEND_SEARCH_TERMS.chineseCommon)}` },
      [`search: Chinese, full name (${FRIEND_SEARCH_TERMS.chinese})`]: { path: () => `/api/contacts?limit=50&q=${q(FRIEND_SEARCH_TERMS.chinese)}` },
      [`search: Japanese (${FRIEND_SEARCH_TERMS.japanese})`]: { path: () => `/api/contacts?limit=50&q=${q(FRIEND_SEARCH_TERMS.japanese)}` },
      [`search: Thai (${FRIEND_SEARCH_TERMS.thai})`]: { path: () => `/api/contacts?limit=50&q=${q(FRIEND_SEARCH_TERMS.thai)}` },
      [`search: English (${FRIEND_SEARCH_TERMS.english})`]: { path: () => `/api/contacts?limit=50&q=${FRIEND_SEARCH_TERMS.english}` },
      "search: rare name": { path: () => `/api/contacts?limit=50&q=${FRIEND_SEARCH_TERMS.rare}` },
      "search: user id": { path: (i) => `/api/contacts?limit=50&q=${friendUserId((i * 7919) % total)}` },
      "segment size (tag any + active 30 d)": {
        path: () => "/api/segments/count",
        method: "POST",
        body: { filter: { tags: { mode: "any", values: ["vip", "台北店"] }, lastActive: { withinDays: 30 } } },
      },
      "segment size (all friends)": { path: () => "/api/segments/count", method: "POST", body: { filter: {} } },
    };
    const results: Record<string, ReturnType<typeof summarize> & { items: number }> = {};
    for (const [name, s] of Object.entries(scenarios)) {
      for (let i = 0; i < 5; i++) await call(app.url, s, i); // warm
      const latencies: number[] = [];
      let items = 0;
      for (let i = 0; i < requests; i++) {
        const t0 = performance.now();
        items += await call(app.url, s, i);
        latencies.push(performance.now() - t0);
      }
      results[name] = { ...summarize(latencies), items: round(items / requests) };
      console.log(
        `  ${name.padEnd(40)} p50 ${String(results[name].p50).padStart(6)} ms   p95 ${String(results[name].p95).padStart(6)} ms   (${results[name].items} ${s.method ? "friends" : "items/page"})`,
      );
    }
    // The whole list as CSV, streamed a page of 1,000 at a time.
    const t0 = performance.now();
    const csv = await fetch(`${app.url}/api/contacts/export`, { headers: benchHeaders() });
    const bytes = (await csv.arrayBuffer()).byteLength;
    const exportMs = round(performance.now() - t0, 0);
    console.log(`  ${"CSV export, all friends".padEnd(40)} ${exportMs} ms   (${round(bytes / 1e6)} MB)`);
    const serverPeakMemoryMb = peakMemoryMb(app.pid);
    console.log(
      `  server peak memory ${serverPeakMemoryMb ?? "?"} MB while measured, ${startupPeakMemoryMb ?? "?"} MB at start-up (resident, the database thread included on PGlite)`,
    );
    return { engine, friends: total, tableBytes: Number(size), serverPeakMemoryMb, startupPeakMemoryMb, results, export: { ms: exportMs, bytes } };
  } finally {
    await app.stop();
  }
}

async function call(base: string, s: { path: (i: number) => string; method?: "POST"; body?: unknown }, i: number): Promise<number> {
  const res = await fetch(base + s.path(i), {
    method: s.method ?? "GET",
    headers: { ...benchHeaders(), ...(s.body ? { "content-type": "application/json", origin: base } : {}) },
    body: s.body ? JSON.stringify(s.body) : undefined,
  });
  if (!res.ok) throw new Error(`${res.status} for ${s.path(i)}: ${await res.text()}`);
  const json = (await res.json()) as { items?: unknown[]; size?: number };
  return json.items?.length ?? json.size ?? 0;
}

const all = [];
for (const engine of engines) {
  console.log(`\n[bench:contacts] ${engine}`);
  all.push(await benchEngine(engine));
}
fs.mkdirSync("bench/results", { recursive: true });
const file = `bench/results/contacts-${new Date().toISOString().replaceAll(":", "-")}.json`;
fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), requests, results: all }, null, 2));
console.log(`\nwritten to ${file}`);
