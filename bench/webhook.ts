// npm run bench:webhook [-- --db pglite|postgres|both] [--seconds 10] [--concurrency 10] [--users 5000]
//
// Signed deliveries on loopback against `next start`, compared in the same run with a baseline route
// that verifies and parses but stores nothing (app/api/bench/webhook-baseline). Reports deliveries/s,
// p50/p99 acknowledgement latency, non-2xx answers and lost events (acknowledged but not stored), and
// the same while the timeline is being queried. Needs a production build (`npx next build`).
import { createHmac } from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { startApp, type AppServer } from "./lib/app-server";
import { startFakeLineProcess } from "./lib/fake-process";
import { closedLoop } from "./lib/load";
import { BENCH_DESTINATION, textMessageEvent } from "./lib/text-event";
import { freshDatabase } from "./lib/databases";
import { benchHeaders, prepareAuth, signIn } from "./lib/auth";
import { round, summarize } from "./lib/stats";

const { values: opts } = parseArgs({
  options: {
    db: { type: "string", default: "pglite" },
    seconds: { type: "string", default: "10" },
    concurrency: { type: "string", default: "10" },
    port: { type: "string", default: "3901" },
    "fake-port": { type: "string", default: "4951" },
    // Distinct senders: each new one is a new friend whose profile the console fetches in the background.
    users: { type: "string", default: "5000" },
  },
});
// Signed with the channel secret of the fake LINE platform the app is pointed at (see benchEngine).
let SECRET = "";
const seconds = Number(opts.seconds);
const concurrency = Number(opts.concurrency);
const users = Number(opts.users);
const engines = opts.db === "both" ? ["pglite", "postgres"] : [opts.db!];

let seq = 0;

function delivery(): { body: string; ids: string[] } {
  // Mostly one event a request, as LINE usually sends; now and then a burst of two or three.
  const n = seq % 10 === 0 ? 3 : seq % 5 === 0 ? 2 : 1;
  const events = Array.from({ length: n }, () => textMessageEvent(++seq, users));
  return { body: JSON.stringify({ destination: BENCH_DESTINATION, events }), ids: events.map((e) => e.webhookEventId) };
}

async function post(url: string, body: string) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-line-signature": createHmac("sha256", SECRET).update(body).digest("base64") },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

async function phase(app: AppServer, path: string, acknowledged?: Set<string>, withReaders = false) {
  const readers = withReaders ? timelineReaders(app) : undefined;
  const run = await closedLoop({
    concurrency,
    durationMs: seconds * 1000,
    task: async () => {
      const d = delivery();
      const status = await post(`${app.url}${path}`, d.body);
      if (status === 200 && acknowledged) for (const id of d.ids) acknowledged.add(id);
      return status;
    },
  });
  const reads = await readers?.stop();
  return {
    deliveriesPerSecond: round(run.results.length / (run.elapsedMs / 1000)),
    ...summarize(run.latencies),
    non2xx: run.results.filter((s) => s < 200 || s >= 300).length,
    ...(reads ? { timelineReads: reads.count, timelineReadP50: reads.p50, timelineReadP99: reads.p99 } : {}),
  };
}

// Two operators with the timeline open: first pages, filters and searches, back to back.
function timelineReaders(app: AppServer) {
  const queries = ["", "type=message", "messageType=text", "q=%E4%BB%8A%E5%A4%A9", "q=sale", "sourceType=user&limit=100"];
  let stop = false;
  const latencies: number[] = [];
  const loops = Array.from({ length: 2 }, async (_, w) => {
    for (let i = w; !stop; i++) {
      const t0 = performance.now();
      const res = await fetch(`${app.url}/api/events?${queries[i % queries.length]}`, { headers: benchHeaders() });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
    }
  });
  return {
    async stop() {
      stop = true;
      await Promise.all(loops);
      const s = summarize(latencies);
      return { count: s.n, p50: s.p50, p99: s.p99 };
    },
  };
}

async function lostEvents(app: AppServer, acknowledged: Set<string>) {
  const stored = new Set<string>();
  let cursor: string | null = null;
  do {
    const res = await fetch(`${app.url}/api/events?limit=200${cursor ? `&cursor=${cursor}` : ""}`, { headers: benchHeaders() });
    const page = (await res.json()) as { items: Array<{ webhookEventId: string }>; nextCursor: string | null };
    for (const e of page.items) stored.add(e.webhookEventId);
    cursor = page.nextCursor;
  } while (cursor);
  return [...acknowledged].filter((id) => !stored.has(id)).length;
}

async function benchEngine(engine: string) {
  const db = await freshDatabase(engine, "webhook");
  const auth = await prepareAuth(db.env);
  // New senders make the console fetch their profiles in the background, as it does in production: that
  // work goes to a fake LINE platform in its own process (as LINE is elsewhere), and is part of the load.
  const fake = await startFakeLineProcess({ port: Number(opts["fake-port"]), args: ["--friends", "200"] });
  SECRET = fake.channelSecret;
  const app = await startApp({
    port: Number(opts.port),
    env: {
      ...db.env,
      ...auth.env,
      LINE_CHANNEL_SECRET: fake.channelSecret,
      LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
      LINE_API_BASE_URL: fake.url,
      LINE_DATA_API_BASE_URL: fake.url,
      BENCH_ROUTES: "1",
    },
  });
  await signIn(app.url);
  try {
    // Warm both routes (JIT, connection pools, first-request compilation of route modules).
    await closedLoop({ concurrency: 4, durationMs: 2000, task: () => post(`${app.url}/api/bench/webhook-baseline`, delivery().body) });
    await closedLoop({ concurrency: 4, durationMs: 2000, task: () => post(`${app.url}/api/line/webhook`, delivery().body) });

    const acknowledged = new Set<string>();
    // Alternate baseline and intake twice: the machine is noisy, and drift hits both alike.
    const baseline1 = await phase(app, "/api/bench/webhook-baseline");
    const intake1 = await phase(app, "/api/line/webhook", acknowledged);
    const baseline2 = await phase(app, "/api/bench/webhook-baseline");
    const intake2 = await phase(app, "/api/line/webhook", acknowledged);
    const underReads = await phase(app, "/api/line/webhook", acknowledged, true);
    const lost = await lostEvents(app, acknowledged);
    const baselineRate = (baseline1.deliveriesPerSecond + baseline2.deliveriesPerSecond) / 2;
    const intakeRate = (intake1.deliveriesPerSecond + intake2.deliveriesPerSecond) / 2;
    return {
      engine,
      baseline: [baseline1, baseline2],
      intake: [intake1, intake2],
      intakeWhileTimelineQueried: underReads,
      throughputRatio: round(intakeRate / baselineRate, 2),
      acknowledgedEvents: acknowledged.size,
      lostEvents: lost,
    };
  } finally {
    await app.stop();
    await fake.close();
    await db.drop();
  }
}

const results = [];
for (const engine of engines) {
  console.log(`\n[bench:webhook] ${engine}: ${seconds}s phases at ${concurrency} concurrent …`);
  const r = await benchEngine(engine);
  results.push(r);
  console.log(JSON.stringify(r, null, 2));
}

fs.mkdirSync("bench/results", { recursive: true });
const file = `bench/results/webhook-${new Date().toISOString().replaceAll(":", "-")}.json`;
fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), seconds, concurrency, results }, null, 2));
console.log(`\n| engine | baseline/s | intake/s | ratio | p50 | p99 | p99 with timeline reads | non-2xx | lost |`);
console.log(`|---|---|---|---|---|---|---|---|---|`);
for (const r of results) {
  const b = (r.baseline[0]!.deliveriesPerSecond + r.baseline[1]!.deliveriesPerSecond) / 2;
  const i = (r.intake[0]!.deliveriesPerSecond + r.intake[1]!.deliveriesPerSecond) / 2;
  const p50 = Math.max(r.intake[0]!.p50, r.intake[1]!.p50);
  const p99 = Math.max(r.intake[0]!.p99, r.intake[1]!.p99);
  const non2xx = r.intake[0]!.non2xx + r.intake[1]!.non2xx + r.intakeWhileTimelineQueried.non2xx;
  console.log(`| ${r.engine} | ${round(b)} | ${round(i)} | ${r.throughputRatio} | ${p50} ms | ${p99} ms | ${r.intakeWhileTimelineQueried.p99} ms | ${non2xx} | ${r.lostEvents} |`);
}
console.log(`\nwritten to ${file}`);
