// npm run bench:relay [-- --db pglite|postgres] [--seconds 20] [--concurrency 10] [--rounds 2] [--paced 300] [--down-seconds 60] [--rate 50]
//
// Relay measured against itself: signed deliveries at 10 concurrent for 20 s with one destination (a
// bare node:http bot that verifies the signature, bench/lib/relay-bot.ts), in phases alternating with the
// same load while the destination is paused (relay off), in the same run. Reports LINE's ack p50/p99 for
// both, forward latency (the sender's request start to the bot's receipt; an upper bound of receipt to
// bot) p50/p99, forwarded/s against deliveries/s, lost (acknowledged, never reached the bot) and
// forwarded twice, and the CPU each phase took (the server's threads, and the machine's cores).
// The closed loop takes all the CPU there is, so relay's sends can only come out of the intake's share;
// the same comparison is therefore also made at a steady `--paced` deliveries a second (open loop, 0 to
// skip), a rate a busy account sees, where the machine has room for both.
// Then the bot goes down for 60 s under a steady 50 deliveries/s and comes back: every event must
// arrive, each chat's in order, and the backlog's drain rate is compared with the incoming rate.
import { createHmac } from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { startApp, type AppServer } from "./lib/app-server";
import { benchHeaders, prepareAuth, signIn } from "./lib/auth";
import { freshDatabase } from "./lib/databases";
import { startFakeLineProcess } from "./lib/fake-process";
import { openConnection, type HttpConnection } from "./lib/http-client";
import { closedLoop } from "./lib/load";
import { peakMemoryMb, resetPeakMemory } from "./lib/memory";
import { startRelayBot } from "./lib/relay-bot";
import { settle } from "./lib/settle";
import { readThreadCpu } from "./lib/thread-cpu";
import { mean, round, summarize } from "./lib/stats";
import { BENCH_DESTINATION, textMessageEvent } from "./lib/text-event";

const { values: opts } = parseArgs({
  options: {
    db: { type: "string", default: "pglite" },
    seconds: { type: "string", default: "20" },
    concurrency: { type: "string", default: "10" },
    rounds: { type: "string", default: "2" },
    "down-seconds": { type: "string", default: "60" },
    rate: { type: "string", default: "50" },
    paced: { type: "string", default: "300" },
    users: { type: "string", default: "500" },
    port: { type: "string", default: "3903" },
    "fake-port": { type: "string", default: "4953" },
  },
});
const seconds = Number(opts.seconds);
const concurrency = Number(opts.concurrency);
const rounds = Number(opts.rounds);
const users = Number(opts.users);
let SECRET = "";
let seq = 0;
// When each event's delivery was sent (ms since the epoch, as the bot records arrivals).
const sentAt = new Map<string, number>();

function delivery() {
  const events = Array.from({ length: seq % 10 === 0 ? 2 : 1 }, () => textMessageEvent(++seq, users));
  return {
    body: JSON.stringify({ destination: BENCH_DESTINATION, events }),
    ids: events.map((e) => e.webhookEventId),
    chats: events.map((e) => e.source.userId),
  };
}

function senders(baseUrl: string) {
  const connections: Array<Promise<HttpConnection>> = [];
  return {
    async post(body: string, worker: number) {
      const headers = { "content-type": "application/json", "x-line-signature": createHmac("sha256", SECRET).update(body).digest("base64") };
      connections[worker] ??= openConnection(baseUrl);
      return (await (await connections[worker]).request("POST", "/api/line/webhook", headers, body)).status;
    },
    async close() {
      for (const c of await Promise.all(connections.filter(Boolean))) c.close();
    },
  };
}

async function api(app: AppServer, method: string, path: string, body?: unknown) {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { ...benchHeaders(), origin: app.url, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

// One phase of load: closed loop at `concurrency`, or open loop at `rate` deliveries a second.
async function phase(app: AppServer, acknowledged: string[], rate?: number) {
  const sender = senders(app.url);
  const task = async (_: number, worker: number) => {
    const d = delivery();
    const t = Date.now();
    for (const id of d.ids) sentAt.set(id, t);
    const status = await sender.post(d.body, worker);
    if (status === 200) acknowledged.push(...d.ids);
    return status;
  };
  const cpu = cpuMeter(app.pid);
  const run = rate ? await openLoop({ rate, durationMs: seconds * 1000, task }) : await closedLoop({ concurrency, durationMs: seconds * 1000, task });
  const used = cpu.stop(run.results.length);
  await sender.close();
  return {
    elapsedMs: run.elapsedMs,
    deliveries: run.results.length,
    ...summarize(run.latencies),
    non2xx: run.results.filter((s) => s !== 200).length,
    cpu: used,
  };
}

// Relay off, then on, `rounds` times, at one kind of load.
async function compare(app: AppServer, bot: Awaited<ReturnType<typeof startRelayBot>>, id: number, rate?: number) {
  const off: Array<Awaited<ReturnType<typeof phase>>> = [];
  const on: Array<Awaited<ReturnType<typeof phase>> & { forwardedPerSecond: number; drainMs: number }> = [];
  const relayed: string[] = [];
  for (let r = 0; r < rounds; r++) {
    off.push(await phase(app, [], rate));
    await settle(app.pid);
    await api(app, "PATCH", `/api/relay/destinations/${id}`, { enabled: true });
    const before = bot.received.length;
    const ack: string[] = [];
    const p = await phase(app, ack, rate);
    relayed.push(...ack);
    // Forwarded while sending, and how long the rest took to arrive after the phase.
    const phaseEnd = Date.now();
    const expected = new Set(ack);
    while (arrivedIds(bot).filter((x) => expected.has(x)).length < expected.size && Date.now() - phaseEnd < 60_000) await sleep(20);
    const drainMs = Date.now() - phaseEnd;
    const got = bot.received.slice(before).reduce((n, d) => n + d.webhookEventIds.length, 0);
    on.push({ ...p, forwardedPerSecond: round(got / ((p.elapsedMs + drainMs) / 1000)), drainMs });
    await api(app, "PATCH", `/api/relay/destinations/${id}`, { enabled: false });
    await settle(app.pid);
  }
  const arrivals = new Map<string, number>();
  for (const d of bot.received) for (const x of d.webhookEventIds) if (!arrivals.has(x)) arrivals.set(x, d.at);
  const events = (p: { deliveries: number }) => p.deliveries * 1.1;
  return {
    relayOff: off,
    relayOn: on,
    ackP99Off: round(Math.max(...off.map((p) => p.p99))),
    ackP99On: round(Math.max(...on.map((p) => p.p99))),
    ackP99Ratio: round(mean(on.map((p) => p.p99)) / mean(off.map((p) => p.p99)), 2),
    deliveriesPerSecondOff: round(mean(off.map((p) => p.deliveries / (p.elapsedMs / 1000)))),
    deliveriesPerSecondOn: round(mean(on.map((p) => p.deliveries / (p.elapsedMs / 1000)))),
    // Deliveries carry 1.1 events on average (every tenth has two); the bot counts events.
    eventsPerSecondOn: round(mean(on.map((p) => events(p) / (p.elapsedMs / 1000)))),
    forwardedPerSecond: round(mean(on.map((p) => p.forwardedPerSecond))),
    forwardLatency: summarize(relayed.filter((x) => arrivals.has(x)).map((x) => arrivals.get(x)! - sentAt.get(x)!)),
    lost: relayed.filter((x) => !arrivals.has(x)).length,
    serverCpuMsPerDelivery: { off: round(mean(off.map((p) => p.cpu.serverMsPerDelivery)), 3), on: round(mean(on.map((p) => p.cpu.serverMsPerDelivery)), 3) },
    machineBusy: { off: round(mean(off.map((p) => p.cpu.machineBusy)), 2), on: round(mean(on.map((p) => p.cpu.machineBusy)), 2) },
  };
}

async function main() {
  const engine = opts.db!;
  const db = await freshDatabase(engine, "relay");
  const auth = await prepareAuth(db.env);
  const fake = await startFakeLineProcess({ port: Number(opts["fake-port"]), args: ["--friends", "0"] });
  SECRET = fake.channelSecret;
  const bot = await startRelayBot({ secret: SECRET });
  // What was started goes away whatever fails, so the next run finds its ports free.
  const app = await startApp({
    port: Number(opts.port),
    env: {
      ...db.env,
      ...auth.env,
      LINE_CHANNEL_SECRET: fake.channelSecret,
      LINE_CHANNEL_ACCESS_TOKEN: fake.channelAccessToken,
      LINE_API_BASE_URL: fake.url,
      LINE_DATA_API_BASE_URL: fake.url,
      RELAY_ALLOW_PRIVATE_URLS: "1",
    },
  }).catch(async (err: unknown) => {
    await bot.close();
    await fake.close();
    await db.drop();
    throw err;
  });
  try {
    await signIn(app.url);
    const destination = await api(app, "POST", "/api/relay/destinations", { name: "bench-bot", url: bot.url, signing: "line", enabled: false });
    const id = destination.id as number;
    // Warm-up: every sender once (profiles are fetched in the background), then quiet.
    const warm = senders(app.url);
    await closedLoop({ concurrency, durationMs: 60_000, maxRequests: users, task: (_, w) => warm.post(delivery().body, w) });
    await warm.close();
    await settle(app.pid, { quietWindows: 3, maxMs: 300_000 });
    const startupPeakMemoryMb = resetPeakMemory(app.pid);

    const closed = await compare(app, bot, id);
    const paced = Number(opts.paced) > 0 ? await compare(app, bot, id, Number(opts.paced)) : null;
    const counts = new Map<string, number>();
    for (const d of bot.received) for (const x of d.webhookEventIds) counts.set(x, (counts.get(x) ?? 0) + 1);
    const twice = [...counts.values()].filter((n) => n > 1).length;

    // The bot away for a while under a steady trickle, then back.
    await api(app, "PATCH", `/api/relay/destinations/${id}`, { enabled: true });
    const outage = await botOutage(app, bot);
    const result = {
      date: new Date().toISOString(),
      engine,
      seconds,
      concurrency,
      closedLoop: closed,
      paced: paced && { rate: Number(opts.paced), ...paced },
      forwardedTwice: twice,
      badSignatures: bot.badSignatures,
      outage,
      serverPeakMemoryMb: peakMemoryMb(app.pid),
      startupPeakMemoryMb,
    };
    console.log(JSON.stringify(result, null, 2));
    fs.mkdirSync("bench/results", { recursive: true });
    const file = `bench/results/relay-${result.date.replaceAll(":", "-")}.json`;
    fs.writeFileSync(file, JSON.stringify(result, null, 2));
    console.log(
      `\n| load | ack p99 off / on (mean ratio) | deliveries/s off / on | events/s on | forwarded/s | forward p50 / p99 | lost | server CPU ms a delivery off / on | machine busy off / on |`,
    );
    console.log(`|---|---|---|---|---|---|---|---|---|`);
    for (const [label, r] of [
      [`${concurrency} concurrent`, closed],
      [`${opts.paced}/s`, paced],
    ] as const) {
      if (!r) continue;
      console.log(
        `| ${label} | ${r.ackP99Off} / ${r.ackP99On} ms (${r.ackP99Ratio}) | ${r.deliveriesPerSecondOff} / ${r.deliveriesPerSecondOn} | ${r.eventsPerSecondOn} | ${r.forwardedPerSecond} | ${r.forwardLatency.p50} / ${r.forwardLatency.p99} ms | ${r.lost} | ${r.serverCpuMsPerDelivery.off} / ${r.serverCpuMsPerDelivery.on} | ${r.machineBusy.off} / ${r.machineBusy.on} |`,
      );
    }
    console.log(
      `\n${engine}: forwarded twice ${twice}; outage: ${outage.events} events, bot found back after ${outage.foundBackMs} ms, then drained at ${outage.drainPerSecond}/s vs ${outage.incomingPerSecond}/s incoming (×${outage.drainRatio}), in order: ${outage.inOrder ? "yes" : "NO"}, lost ${outage.lost}; peak memory ${result.serverPeakMemoryMb} MB (start-up ${result.startupPeakMemoryMb} MB)`,
    );
    console.log(`\nwritten to ${file}`);
  } finally {
    await app.stop();
    await bot.close();
    await fake.close();
    await db.drop();
  }
}

// Open loop at `rate` deliveries a second: during the outage and until the backlog is gone.
async function botOutage(app: AppServer, bot: Awaited<ReturnType<typeof startRelayBot>>) {
  const rate = Number(opts.rate);
  const downMs = Number(opts["down-seconds"]) * 1000;
  const sender = senders(app.url);
  const order = new Map<string, string[]>();
  const ids: string[] = [];
  let stop = false;
  let sent = 0;
  const started = Date.now();
  const trickle = (async () => {
    for (let i = 0; !stop; i++) {
      const d = delivery();
      if ((await sender.post(d.body, 0)) === 200) {
        d.ids.forEach((x, k) => {
          ids.push(x);
          const chat = d.chats[k]!;
          if (!order.has(chat)) order.set(chat, []);
          order.get(chat)!.push(x);
        });
      }
      sent++;
      const due = started + ((i + 1) * 1000) / rate;
      await sleep(Math.max(0, due - Date.now()));
    }
  })();
  const before = bot.received.length;
  await bot.setDown(true);
  await sleep(downMs);
  const arrivedBefore = new Set(arrivedIds(bot));
  const backlog = ids.filter((x) => !arrivedBefore.has(x)).length;
  const upAt = Date.now();
  const receivedWhenUp = bot.received.length;
  await bot.setDown(false);
  // Drained: everything acknowledged so far has arrived.
  let drainedAt = 0;
  while (Date.now() - upAt < 180_000) {
    const arrived = new Set(arrivedIds(bot));
    if (ids.every((x) => arrived.has(x))) {
      drainedAt = Date.now();
      break;
    }
    await sleep(50);
  }
  stop = true;
  await trickle;
  await sleep(2000);
  await sender.close();
  const arrivedOrder = bot.received.slice(before).flatMap((d) => d.webhookEventIds);
  const firstIndex = new Map<string, number>();
  arrivedOrder.forEach((x, i) => {
    if (!firstIndex.has(x)) firstIndex.set(x, i);
  });
  const inOrder = [...order.values()].every((list) => list.every((x, i) => i === 0 || (firstIndex.get(x) ?? -1) > (firstIndex.get(list[i - 1]!) ?? Infinity)));
  const drainMs = drainedAt ? drainedAt - upAt : null;
  // The forwarder finds the bot back at the breaker's next probe (its pause grows to 15 s while the bot
  // is away); the drain is timed from that first answer. The backlog then, and what arrived on top
  // meanwhile, over the drain time.
  const firstBackAt = bot.received[receivedWhenUp]?.at;
  const foundBackMs = firstBackAt ? Math.max(0, firstBackAt - upAt) : null;
  const drainingMs = drainMs !== null && foundBackMs !== null ? Math.max(1, drainMs - foundBackMs) : null;
  const drainPerSecond = drainingMs ? round((backlog + (rate * drainMs!) / 1000) / (drainingMs / 1000)) : 0;
  return {
    downSeconds: downMs / 1000,
    incomingPerSecond: round((sent / (Date.now() - started)) * 1000),
    events: ids.length,
    backlogWhenBack: backlog,
    foundBackMs,
    drainMs,
    drainPerSecond,
    drainRatio: round(drainPerSecond / rate, 1),
    lost: ids.filter((x) => !firstIndex.has(x)).length,
    inOrder,
  };
}

function arrivedIds(bot: Awaited<ReturnType<typeof startRelayBot>>) {
  return bot.received.flatMap((d) => d.webhookEventIds);
}

// Deliveries at a steady rate whatever the answers take (LINE does not wait for one to send the next).
async function openLoop<T>(opts: { rate: number; durationMs: number; task: (i: number, worker: number) => Promise<T> }) {
  const latencies: number[] = [];
  const results: T[] = [];
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  // Each call gets a connection of its own among 50 (a connection carries one request at a time).
  const free = Array.from({ length: 50 }, (_, i) => i);
  for (let i = 0; performance.now() - started < opts.durationMs; i++) {
    const due = started + (i * 1000) / opts.rate;
    if (due > performance.now()) await sleep(due - performance.now());
    while (free.length === 0) await Promise.race(inFlight);
    const worker = free.pop()!;
    const t0 = performance.now();
    const p: Promise<void> = opts.task(i, worker).then((r) => {
      results.push(r);
      latencies.push(performance.now() - t0);
      free.push(worker);
      inFlight.delete(p);
    });
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  return { latencies, results, elapsedMs: performance.now() - started };
}

// CPU over a phase: the server's threads per delivery, and how busy the machine's cores were.
function cpuMeter(pid: number) {
  const threads = readThreadCpu(pid);
  const machine = machineCpu();
  return {
    stop(deliveries: number) {
      const after = readThreadCpu(pid);
      const m = machineCpu();
      let serverMs = 0;
      for (const [key, ms] of after) serverMs += ms - (threads.get(key) ?? 0);
      const total = m.total - machine.total;
      return { serverMsPerDelivery: deliveries ? serverMs / deliveries : 0, machineBusy: total ? (total - (m.idle - machine.idle)) / total : 0 };
    },
  };
}

function machineCpu() {
  const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { total: fields.reduce((a, b) => a + b, 0), idle: fields[3]! + (fields[4] ?? 0) };
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

await main();
