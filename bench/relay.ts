// npm run bench:relay [-- --db pglite|postgres] [--seconds 20] [--concurrency 10] [--rounds 2] [--down-seconds 60] [--rate 50]
//
// Relay measured against itself: signed deliveries at 10 concurrent for 20 s with one destination (a
// bare node:http bot that verifies the signature, bench/lib/relay-bot.ts), in phases alternating with the
// same load while the destination is paused (relay off), in the same run. Reports LINE's ack p50/p99 for
// both, forward latency (the sender's request start to the bot's receipt; an upper bound of receipt to
// bot) p50/p99, forwarded/s against deliveries/s, lost (acknowledged, never reached the bot) and
// forwarded twice. Then the bot goes down for 60 s under a steady 50 deliveries/s and comes back: every
// event must arrive, each chat's in order, and the backlog's drain rate is compared with the incoming rate.
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

async function phase(app: AppServer, acknowledged: string[]) {
  const sender = senders(app.url);
  const run = await closedLoop({
    concurrency,
    durationMs: seconds * 1000,
    task: async (_, worker) => {
      const d = delivery();
      const t = Date.now();
      for (const id of d.ids) sentAt.set(id, t);
      const status = await sender.post(d.body, worker);
      if (status === 200) acknowledged.push(...d.ids);
      return status;
    },
  });
  await sender.close();
  return { elapsedMs: run.elapsedMs, deliveries: run.results.length, ...summarize(run.latencies), non2xx: run.results.filter((s) => s !== 200).length };
}

async function main() {
  const engine = opts.db!;
  const db = await freshDatabase(engine, "relay");
  const auth = await prepareAuth(db.env);
  const fake = await startFakeLineProcess({ port: Number(opts["fake-port"]), args: ["--friends", "0"] });
  SECRET = fake.channelSecret;
  const bot = await startRelayBot({ secret: SECRET });
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
  });
  await signIn(app.url);
  try {
    const destination = await api(app, "POST", "/api/relay/destinations", { name: "bench-bot", url: bot.url, signing: "line", enabled: false });
    const id = destination.id as number;
    // Warm-up: every sender once (profiles are fetched in the background), then quiet.
    const warm = senders(app.url);
    await closedLoop({ concurrency, durationMs: 60_000, maxRequests: users, task: (_, w) => warm.post(delivery().body, w) });
    await warm.close();
    await settle(app.pid, { quietWindows: 3, maxMs: 300_000 });
    const startupPeakMemoryMb = resetPeakMemory(app.pid);

    const off: Array<Awaited<ReturnType<typeof phase>>> = [];
    const on: Array<Awaited<ReturnType<typeof phase>> & { forwardedPerSecond: number; drainMs: number }> = [];
    const relayed: string[] = [];
    for (let r = 0; r < rounds; r++) {
      off.push(await phase(app, []));
      await settle(app.pid);
      await api(app, "PATCH", `/api/relay/destinations/${id}`, { enabled: true });
      const before = bot.received.length;
      const ack: string[] = [];
      const p = await phase(app, ack);
      relayed.push(...ack);
      // Forwarded while sending, and how long the rest took to arrive after the phase.
      const phaseEnd = Date.now();
      const expected = new Set(relayed);
      while (arrivedIds(bot).filter((x) => expected.has(x)).length < expected.size && Date.now() - phaseEnd < 60_000) await sleep(20);
      const drainMs = Date.now() - phaseEnd;
      const got = bot.received.slice(before).reduce((n, d) => n + d.webhookEventIds.length, 0);
      on.push({ ...p, forwardedPerSecond: round(got / ((p.elapsedMs + drainMs) / 1000)), drainMs });
      await api(app, "PATCH", `/api/relay/destinations/${id}`, { enabled: false });
      await settle(app.pid);
    }
    const arrivals = new Map<string, number>();
    const counts = new Map<string, number>();
    for (const d of bot.received) {
      for (const x of d.webhookEventIds) {
        if (!arrivals.has(x)) arrivals.set(x, d.at);
        counts.set(x, (counts.get(x) ?? 0) + 1);
      }
    }
    const forwardLatency = summarize(relayed.filter((x) => arrivals.has(x)).map((x) => arrivals.get(x)! - sentAt.get(x)!));
    const lost = relayed.filter((x) => !arrivals.has(x)).length;
    const twice = [...counts.values()].filter((n) => n > 1).length;

    // The bot away for a while under a steady trickle, then back.
    await api(app, "PATCH", `/api/relay/destinations/${id}`, { enabled: true });
    const outage = await botOutage(app, bot);
    const result = {
      date: new Date().toISOString(),
      engine,
      seconds,
      concurrency,
      relayOff: off,
      relayOn: on,
      ackP99Off: round(Math.max(...off.map((p) => p.p99))),
      ackP99On: round(Math.max(...on.map((p) => p.p99))),
      ackP99Ratio: round(mean(on.map((p) => p.p99)) / mean(off.map((p) => p.p99)), 2),
      deliveriesPerSecondOn: round(mean(on.map((p) => p.deliveries / (p.elapsedMs / 1000)))),
      forwardedPerSecond: round(mean(on.map((p) => p.forwardedPerSecond))),
      forwardLatency,
      lost,
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
      `\n| engine | ack p99 off / on (mean ratio) | deliveries/s | forwarded/s | forward p50 / p99 | lost | twice | outage: events, drain/s vs incoming/s, in order | peak memory |`,
    );
    console.log(`|---|---|---|---|---|---|---|---|---|`);
    console.log(
      `| ${engine} | ${result.ackP99Off} / ${result.ackP99On} ms (${result.ackP99Ratio}) | ${result.deliveriesPerSecondOn} | ${result.forwardedPerSecond} | ${forwardLatency.p50} / ${forwardLatency.p99} ms | ${lost} | ${twice} | ${outage.events}, ${outage.drainPerSecond} vs ${outage.incomingPerSecond} (×${outage.drainRatio}), ${outage.inOrder ? "yes" : "NO"}, lost ${outage.lost} | ${result.serverPeakMemoryMb} MB (start-up ${result.startupPeakMemoryMb} MB) |`,
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
  // The backlog at the moment the bot came back, and what arrived on top meanwhile, over the drain time.
  const drainPerSecond = drainMs ? round((backlog + (rate * drainMs) / 1000) / (drainMs / 1000)) : 0;
  return {
    downSeconds: downMs / 1000,
    incomingPerSecond: round((sent / (Date.now() - started)) * 1000),
    events: ids.length,
    backlogWhenBack: backlog,
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

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

await main();
