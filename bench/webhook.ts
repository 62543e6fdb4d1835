// npm run bench:webhook [-- --db pglite|postgres|both] [--seconds 10] [--concurrency 10] [--users 2000]
//                       [--client raw|fetch] [--rounds 3] [--channel-url [--channel-first]] [--spread 5]
//
// Signed deliveries on loopback against the console as `npm start` runs it, compared in the same run
// with a baseline route that verifies and parses but stores nothing (app/bench/webhook-baseline).
// Reports deliveries/s, p50/p99 acknowledgement latency, non-2xx answers and lost events (acknowledged
// but not stored), and the same while the timeline is being queried. Needs a production build
// (`npx next build`). Runs before 2026-12-04 measured `next start` itself, without the console's own
// server around it (lib/platform/server/console-server.ts).
//
// The client shares the machine with the server, so it is kept light: one keep-alive socket per
// concurrent sender and a minimal HTTP/1.1 reader (lib/http-client.ts). `--client fetch` sends with
// Node's fetch instead, as runs before 2026-11-22 did; it takes about half a millisecond of CPU per
// request from the server.
//
// --channel-url (issue 23) runs the whole benchmark twice per engine, each on a fresh database and server
// of the same build: deliveries to the first channel's URL (/api/line/webhook, as always), then to an
// added channel's own URL (/api/line/webhook/<key>), signed with that channel's secret. Both runs add
// the second channel first (POST /api/channels as the admin: the fake LINE platform checks its secret and
// token, the console seals them), so the two differ in the URL alone; their baselines say how far the
// machine moved between them. --channel-first runs the added channel's URL first (the order reversed).
// Every URL is signed with its own channel's secret; the baseline route verifies with the first
// channel's, so its deliveries are signed with that one (a baseline answering 401 would flatter nothing).
//
// --spread N adds a run whose deliveries go round-robin to N channels: the first channel's URL and N − 1
// added channels' own URLs (keys bench-2 …), each channel meeting every sender in the warm-up; the lost
// check reads every channel's timeline.
import { createHmac } from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { peakMemoryMb, resetPeakMemory } from "./lib/memory";
import { startApp, type AppServer } from "./lib/app-server";
import { startFakeLineProcess, type FakeChannelInfo } from "./lib/fake-process";
import { closedLoop } from "./lib/load";
import { openConnection, type HttpConnection } from "./lib/http-client";
import { BENCH_DESTINATION, textMessageEvent } from "./lib/text-event";
import { freshDatabase } from "./lib/databases";
import { benchHeaders, prepareAuth, signIn } from "./lib/auth";
import { mean, round, summarize } from "./lib/stats";
import { settle } from "./lib/settle";
import { CHANNEL_HEADER } from "@/lib/client/channel-path";
import { cpuPerRequest, readThreadCpu } from "./lib/thread-cpu";

const { values: opts } = parseArgs({
  options: {
    db: { type: "string", default: "pglite" },
    seconds: { type: "string", default: "10" },
    concurrency: { type: "string", default: "10" },
    port: { type: "string", default: "3901" },
    "fake-port": { type: "string", default: "4951" },
    // Distinct senders, all seen during the warm-up (a new sender's profile is fetched in the background).
    users: { type: "string", default: "2000" },
    client: { type: "string", default: "raw" },
    // Baseline and intake phases alternate this many times: drift on a shared machine hits both alike.
    rounds: { type: "string", default: "3" },
    "channel-url": { type: "boolean", default: false },
    "channel-first": { type: "boolean", default: false },
    spread: { type: "string" },
  },
});
// Each URL's channel secret (one of the fake LINE platform's channels), set for each run.
const secrets = new Map<string, string>();
const BASELINE_PATH = "/bench/webhook-baseline";
const FIRST_PATH = "/api/line/webhook";
const seconds = Number(opts.seconds);
const concurrency = Number(opts.concurrency);
const users = Number(opts.users);
const rounds = Number(opts.rounds);
const engines = opts.db === "both" ? ["pglite", "postgres"] : [opts.db!];
if (opts.client !== "raw" && opts.client !== "fetch") throw new Error("--client is raw or fetch");
/** Which URL a run posts to: the first channel's (/api/line/webhook), an added channel's own, or N channels' in turn. */
type Target = "first" | "channel" | "spread";
const spread = opts.spread === undefined ? 0 : Number(opts.spread);
if (opts.spread !== undefined && (!Number.isInteger(spread) || spread < 2)) throw new Error("--spread is a number of channels, 2 or more");
const targets: Target[] = [
  ...(!opts["channel-url"] ? ["first" as const] : opts["channel-first"] ? (["channel", "first"] as const) : (["first", "channel"] as const)),
  ...(spread ? ["spread" as const] : []),
];
// The fake platform is the same in every run of an invocation.
const fakeChannels = Math.max(opts["channel-url"] ? 2 : 1, spread);
const SECOND_CHANNEL_KEY = "bench-second";
const loadAverage = () => fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

let seq = 0;

function delivery(): { body: string; ids: string[] } {
  // Mostly one event a request, as LINE usually sends; now and then a burst of two or three.
  const n = seq % 10 === 0 ? 3 : seq % 5 === 0 ? 2 : 1;
  const events = Array.from({ length: n }, () => textMessageEvent(++seq, users));
  return { body: JSON.stringify({ destination: BENCH_DESTINATION, events }), ids: events.map((e) => e.webhookEventId) };
}

// One sender per closed-loop worker; with --client raw, each has a keep-alive connection of its own.
function senders(baseUrl: string) {
  const connections: Array<Promise<HttpConnection>> = [];
  return {
    async post(path: string, body: string, worker: number) {
      const secret = secrets.get(path);
      if (secret === undefined) throw new Error(`no channel secret for ${path}`);
      const headers = { "content-type": "application/json", "x-line-signature": createHmac("sha256", secret).update(body).digest("base64") };
      if (opts.client === "fetch") {
        const res = await fetch(`${baseUrl}${path}`, { method: "POST", headers, body });
        await res.arrayBuffer();
        return res.status;
      }
      connections[worker] ??= openConnection(baseUrl);
      const answer = await (await connections[worker]).request("POST", path, headers, body);
      return answer.status;
    },
    async close() {
      for (const c of await Promise.all(connections.filter(Boolean))) c.close();
    },
  };
}

async function phase(app: AppServer, paths: string[], acknowledged?: Set<string>, readsOf?: Record<string, string>) {
  // A phase starts from a quiet server (the warm-up and every phase end by settling) and ends only once
  // its own work is all done. Deliveries go to `paths` in turn. `readsOf`: the timeline is read meanwhile
  // (the headers naming its channel).
  const readers = readsOf === undefined ? undefined : timelineReaders(app, readsOf);
  const sender = senders(app.url);
  const cpuBefore = readThreadCpu(app.pid);
  const clientBefore = process.cpuUsage();
  const run = await closedLoop({
    concurrency,
    durationMs: seconds * 1000,
    task: async (i, worker) => {
      const d = delivery();
      const status = await sender.post(paths[i % paths.length]!, d.body, worker);
      if (status === 200 && acknowledged) for (const id of d.ids) acknowledged.add(id);
      return status;
    },
  });
  const cpu = cpuPerRequest(cpuBefore, readThreadCpu(app.pid), run.results.length);
  const clientCpu = process.cpuUsage(clientBefore);
  await sender.close();
  const reads = await readers?.stop();
  const catchUp = await settle(app.pid);
  return {
    deliveriesPerSecond: round(run.results.length / (run.elapsedMs / 1000)),
    ...summarize(run.latencies),
    non2xx: run.results.filter((s) => s < 200 || s >= 300).length,
    // CPU per delivery (ms): the server's threads, and this client (which shares the machine).
    serverCpuMs: cpu,
    clientCpuMs: round((clientCpu.user + clientCpu.system) / 1000 / Math.max(1, run.results.length), 3),
    // Background work the phase left behind: how long until the server went quiet, its CPU per delivery.
    catchUpMs: catchUp.ms,
    catchUpCpuMs: round(catchUp.cpuMs / Math.max(1, run.results.length), 3),
    ...(reads ? { timelineReads: reads.count, timelineReadP50: reads.p50, timelineReadP99: reads.p99 } : {}),
    loadAverage: loadAverage(),
  };
}

// Two operators with the timeline open: first pages, filters and searches, back to back.
function timelineReaders(app: AppServer, channelHeaders: Record<string, string>) {
  const queries = ["", "type=message", "messageType=text", "q=%E4%BB%8A%E5%A4%A9", "q=sale", "sourceType=user&limit=100"];
  let stop = false;
  const latencies: number[] = [];
  const loops = Array.from({ length: 2 }, async (_, w) => {
    for (let i = w; !stop; i++) {
      const t0 = performance.now();
      const res = await fetch(`${app.url}/api/events?${queries[i % queries.length]}`, { headers: { ...benchHeaders(), ...channelHeaders } });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`a timeline read was answered ${res.status}`);
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

// Every channel posted to is read back (`channels`: the headers naming each).
async function lostEvents(app: AppServer, acknowledged: Set<string>, channels: Array<Record<string, string>>) {
  const stored = new Set<string>();
  for (const channelHeaders of channels) {
    let cursor: string | null = null;
    do {
      const res = await fetch(`${app.url}/api/events?limit=200${cursor ? `&cursor=${cursor}` : ""}`, { headers: { ...benchHeaders(), ...channelHeaders } });
      if (!res.ok) throw new Error(`GET /api/events: ${res.status} ${await res.text()}`);
      const page = (await res.json()) as { items: Array<{ webhookEventId: string }>; nextCursor: string | null };
      for (const e of page.items) stored.add(e.webhookEventId);
      cursor = page.nextCursor;
    } while (cursor);
  }
  return [...acknowledged].filter((id) => !stored.has(id)).length;
}

// One of the fake's channels added as an admin adds one in Settings → Channels: the console checks the
// secret and token with (fake) LINE, reads the bot, seals both and starts taking the channel's webhook.
async function addChannel(app: AppServer, channel: FakeChannelInfo, key: string) {
  const res = await fetch(`${app.url}/api/channels`, {
    method: "POST",
    headers: { ...benchHeaders(), "content-type": "application/json", origin: app.url },
    body: JSON.stringify({
      lineChannelId: channel.channelId,
      secret: channel.channelSecret,
      accessToken: channel.channelAccessToken,
      key,
      name: `Bench channel ${key}`,
    }),
  });
  if (res.status !== 201) throw new Error(`adding channel ${key} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { key: string }).key;
}

async function benchEngine(engine: string, target: Target) {
  const db = await freshDatabase(engine, "webhook");
  const auth = await prepareAuth(db.env);
  // New senders make the console fetch their profiles in the background, from a fake LINE platform in
  // its own process (as LINE is elsewhere). That happens in the warm-up: the measured phases are an
  // account's steady state, messages from senders it knows, with the friends projection's work in each.
  const fake = await startFakeLineProcess({
    port: Number(opts["fake-port"]),
    args: ["--friends", "200", ...(fakeChannels > 1 ? ["--channels", String(fakeChannels)] : [])],
  });
  secrets.clear();
  secrets.set(BASELINE_PATH, fake.channelSecret);
  secrets.set(FIRST_PATH, fake.channelSecret);
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
    // The URLs posted to, and the headers that name their channels to GET /api/events (as the console's
    // pages do: a header, GET /api/events refusing ?channel=, its query schema being strict).
    let paths = [FIRST_PATH];
    let channels: Array<Record<string, string>> = [{}];
    if (target === "spread") {
      for (let i = 2; i <= spread; i++) {
        const key = await addChannel(app, fake.channels[i - 1]!, `bench-${i}`);
        secrets.set(`/api/line/webhook/${key}`, fake.channels[i - 1]!.channelSecret);
        paths.push(`/api/line/webhook/${key}`);
        channels.push({ [CHANNEL_HEADER]: key });
      }
    } else if (opts["channel-url"]) {
      const second = fake.channels[1]!;
      const key = await addChannel(app, second, SECOND_CHANNEL_KEY);
      secrets.set(`/api/line/webhook/${key}`, second.channelSecret);
      if (target === "channel") {
        paths = [`/api/line/webhook/${key}`];
        channels = [{ [CHANNEL_HEADER]: key }];
      }
    }
    const label = paths.length === 1 ? paths[0]! : `${paths.length} channels' URLs in turn`;
    const check = senders(app.url);
    for (const path of [BASELINE_PATH, ...paths]) {
      const status = await check.post(path, delivery().body, 0);
      if (status !== 200) throw new Error(`a signed delivery to ${path} was answered ${status}`);
    }
    await check.close();
    // Every sender once first (on every channel posted to), and wait for what that starts: each new
    // sender's profile is fetched in the background, paced at the console's share of LINE's rate limit,
    // and that would otherwise trickle on through the measured phases (the first baseline phase without
    // it, later ones with it).
    const first = senders(app.url);
    for (const path of paths) await closedLoop({ concurrency, durationMs: 120_000, maxRequests: users, task: (_, w) => first.post(path, delivery().body, w) });
    await first.close();
    const warmUp = await settle(app.pid, { quietWindows: 3, maxMs: 300_000 });
    console.log(
      `[bench:webhook] ${engine}, ${label}: ${users} senders seen; background work done after ${Math.round(warmUp.ms / 1000)} s${warmUp.timedOut ? " (timed out)" : ""}`,
    );
    // Then warm both routes just before measuring (JIT, first-request compilation of route modules): with
    // its warm-up a minute earlier, the first baseline phase ran 20–40 % slower than the later ones.
    const warm = senders(app.url);
    for (const route of [[BASELINE_PATH], paths]) {
      await closedLoop({ concurrency, durationMs: 3000, task: (i, w) => warm.post(route[i % route.length]!, delivery().body, w) });
    }
    await warm.close();
    await settle(app.pid);
    const startupPeakMemoryMb = resetPeakMemory(app.pid);

    const acknowledged = new Set<string>();
    const baseline: Array<Awaited<ReturnType<typeof phase>>> = [];
    const intake: Array<Awaited<ReturnType<typeof phase>>> = [];
    for (let i = 0; i < rounds; i++) {
      baseline.push(await phase(app, [BASELINE_PATH]));
      intake.push(await phase(app, paths, acknowledged));
    }
    // The timeline read meanwhile is the first posted-to channel's.
    const underReads = await phase(app, paths, acknowledged, channels[0]!);
    const lost = await lostEvents(app, acknowledged, channels);
    const rate = (phases: Array<{ deliveriesPerSecond: number }>) => mean(phases.map((p) => p.deliveriesPerSecond));
    return {
      engine,
      path: label,
      baseline,
      intake,
      intakeWhileTimelineQueried: underReads,
      throughputRatio: round(rate(intake) / rate(baseline), 2),
      roundRatios: intake.map((p, i) => round(p.deliveriesPerSecond / baseline[i]!.deliveriesPerSecond, 2)),
      acknowledgedEvents: acknowledged.size,
      lostEvents: lost,
      serverPeakMemoryMb: peakMemoryMb(app.pid),
      startupPeakMemoryMb,
    };
  } finally {
    await app.stop();
    await fake.close();
    await db.drop();
  }
}

const results = [];
for (const engine of engines) {
  for (const target of targets) {
    const url = target === "first" ? "the first channel's URL" : target === "channel" ? "an added channel's own URL" : `${spread} channels' URLs in turn`;
    console.log(`\n[bench:webhook] ${engine}, ${url}: ${seconds}s phases at ${concurrency} concurrent … (load average ${loadAverage()})`);
    const r = await benchEngine(engine, target);
    results.push(r);
    console.log(JSON.stringify(r, null, 2));
  }
}

fs.mkdirSync("bench/results", { recursive: true });
const file = `bench/results/webhook-${new Date().toISOString().replaceAll(":", "-")}.json`;
fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), seconds, concurrency, client: opts.client, results }, null, 2));
console.log(
  `\n| engine | URL | baseline/s | intake/s | ratio (per round) | p50 | p95 | p99 | p99 with timeline reads | non-2xx (baseline) | lost | server peak memory (start-up) | load average (phases) |`,
);
console.log(`|---|---|---|---|---|---|---|---|---|---|---|---|---|`);
for (const r of results) {
  const b = round(mean(r.baseline.map((p) => p.deliveriesPerSecond)));
  const i = round(mean(r.intake.map((p) => p.deliveriesPerSecond)));
  // The worst phase's latency, not a flattering one.
  const p50 = Math.max(...r.intake.map((p) => p.p50));
  const p95 = Math.max(...r.intake.map((p) => p.p95));
  const p99 = Math.max(...r.intake.map((p) => p.p99));
  const loads = [...r.baseline, ...r.intake, r.intakeWhileTimelineQueried].map((p) => Number(p.loadAverage.split(" ")[0]));
  const non2xx = r.intake.reduce((n, p) => n + p.non2xx, 0) + r.intakeWhileTimelineQueried.non2xx;
  const baselineNon2xx = r.baseline.reduce((n, p) => n + p.non2xx, 0);
  console.log(
    `| ${r.engine} | ${r.path} | ${b} | ${i} | ${r.throughputRatio} (${r.roundRatios.join(", ")}) | ${p50} ms | ${p95} ms | ${p99} ms | ${r.intakeWhileTimelineQueried.p99} ms | ${non2xx} (${baselineNon2xx}) | ${r.lostEvents} | ${r.serverPeakMemoryMb ?? "?"} MB (${r.startupPeakMemoryMb ?? "?"} MB) | ${Math.min(...loads)}–${Math.max(...loads)} |`,
  );
}
console.log(
  `\nCPU per delivery (ms, mean of the phases): server thread, database thread (PGlite), GC helpers, other; the client; the server's catch-up after the phase (all threads; how long)`,
);
for (const r of results) {
  for (const [name, phases] of [
    ["baseline", r.baseline],
    ["intake", r.intake],
  ] as const) {
    const cpu = (get: (p: (typeof phases)[number]) => number | undefined) => round(mean(phases.map((p) => get(p) ?? 0)), 3);
    console.log(
      `${r.engine} ${r.path} ${name.padEnd(8)} server ${cpu((p) => p.serverCpuMs.server)} · db ${cpu((p) => p.serverCpuMs.db)} · gc ${cpu((p) => p.serverCpuMs.gc)} · other ${cpu((p) => p.serverCpuMs.other)} · client ${cpu((p) => p.clientCpuMs)} · catch-up after ${cpu((p) => p.catchUpCpuMs)} (${round(mean(phases.map((p) => p.catchUpMs)))} ms)`,
    );
  }
}
console.log(`\nwritten to ${file}`);
