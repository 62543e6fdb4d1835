// npm run bench:multicast [-- --recipients 100000 --failure-rate 0.05 --db pglite|postgres]
//
// A multicast to 100,000 friends of the fake LINE platform through the real sending pipeline (stored
// send, 500-id requests with retry keys, the background runner), with a share of requests answered 500.
// Reports the total time against the time LINE's rate limit alone requires (200 requests/s), the peak
// request rate LINE saw, retries, and checks that every recipient received the message exactly once.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { ensureDefaultChannel } from "@/db/queries/channels";
import { eq } from "drizzle-orm";
import { getSend } from "@/db/queries/sends";
import { sends } from "@/db/schema/sends";
import { startFakeLineProcess } from "./lib/fake-process";
import type { Actor } from "@/lib/auth/require-actor";
import { createLineClients } from "@/lib/line/clients";
import { createSend, MULTICAST_CHUNK } from "@/lib/sends/create-send";
import { peakMemoryMb } from "./lib/memory";
import { startSendRunner } from "@/lib/sends/runner";
import { freshDatabase } from "./lib/databases";
import { round } from "./lib/stats";

const { values: opts } = parseArgs({
  options: {
    recipients: { type: "string", default: "100000" },
    "failure-rate": { type: "string", default: "0.05" },
    db: { type: "string", default: "pglite" },
  },
});
const recipients = Number(opts.recipients);
const failureRate = Number(opts["failure-rate"]);
const LINE_MULTICAST_PER_SECOND = 200;

// The fake runs in its own process, as LINE is elsewhere: its work must not be counted as ours.
const fake = await startFakeLineProcess({
  port: 4950,
  args: ["--friends", String(Math.ceil(recipients * 1.2)), "--quota", "none", "--request-log-limit", "100000"],
});
const control = async (method: string, path: string, body?: unknown) =>
  (
    await fetch(`${fake.url}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) })
  ).json();

const friends: string[] = [];
for (let offset = 0; friends.length < recipients; offset += 1000) {
  const page = (await control("GET", `/__fake/friends?status=following&limit=1000&offset=${offset}`)) as { users: Array<{ userId: string }> };
  if (page.users.length === 0) break;
  friends.push(...page.users.map((u) => u.userId));
}
friends.length = Math.min(friends.length, recipients);
console.log(`[bench:multicast] ${friends.length.toLocaleString()} friends, ${failureRate * 100}% of requests answered 500, db ${opts.db}`);

const target = await freshDatabase(opts.db!, "multicast");
const handle = target.env.DATABASE_URL
  ? await openDatabase({ kind: "postgres", url: target.env.DATABASE_URL })
  : await openDatabase({ kind: "pglite", dataDir: target.env.PGLITE_DATA_DIR });
const channelId = await ensureDefaultChannel(handle.db, { lineChannelId: null });
const clients = createLineClients({ accessToken: fake.channelAccessToken, apiBaseUrl: fake.url, dataApiBaseUrl: fake.url });
const actor: Actor = { kind: "apiKey", id: "bench", name: "bench", role: "operator", consoleRole: "operator", channelIds: [channelId] };

await control("POST", "/__fake/faults", { path: "/v2/bot/message/multicast", method: "POST", kind: "error", status: 500, probability: failureRate });

const t0 = performance.now();
const { send } = await createSend(handle.db, {
  channelId,
  kind: "multicast",
  body: { to: friends, messages: [{ type: "text", text: "春季特賣開始了！🌸" }] },
  actor,
});
const stored = performance.now() - t0;
const runner = startSendRunner({ handle, clients: () => clients, idleMs: 20, maxInFlight: 64 });
// Watch with the lightest possible query: on PGlite the watcher shares the worker's one connection.
for (;;) {
  const [row] = await handle.db.select({ status: sends.status }).from(sends).where(eq(sends.id, send.id));
  if (row && ["sent", "partially_sent", "failed"].includes(row.status)) break;
  await new Promise((r) => setTimeout(r, 50));
}
const totalMs = performance.now() - t0;
await runner.stop();
const detail = await getSend(handle.db, { channelId, id: send.id });

// What LINE saw: every multicast request, its time and answer; and who received what.
const log = (await control("GET", `/__fake/requests?path=/v2/bot/message/multicast&method=POST&limit=100000`)) as {
  requests: Array<{ time: string; status: number }>;
};
const perSecond = new Map<number, number>();
for (const r of log.requests) {
  const s = Math.floor(Date.parse(r.time) / 1000);
  perSecond.set(s, (perSecond.get(s) ?? 0) + 1);
}
const lineSends = (await control("GET", `/__fake/sends?kind=multicast&limit=10000`)) as { sends: Array<{ requestId: string }> };
const received = new Map<string, number>();
for (const s of lineSends.sends) {
  const one = (await control("GET", `/__fake/sends/${s.requestId}`)) as { deliveredTo: string[] };
  for (const id of one.deliveredTo) received.set(id, (received.get(id) ?? 0) + 1);
}
const twice = [...received.values()].filter((n) => n > 1).length;
const missing = friends.filter((id) => !received.has(id)).length;

const requests = Math.ceil(friends.length / MULTICAST_CHUNK);
const rateFloorMs = (requests / LINE_MULTICAST_PER_SECOND) * 1000;
const result = {
  date: new Date().toISOString(),
  db: opts.db,
  recipients: friends.length,
  requests,
  failureRate,
  status: detail!.send.status,
  storeMs: round(stored),
  totalMs: round(totalMs),
  rateLimitFloorMs: round(rateFloorMs),
  ratioToFloor: round(totalMs / rateFloorMs, 2),
  lineRequests: log.requests.length,
  answered500: log.requests.filter((r) => r.status === 500).length,
  answered409: log.requests.filter((r) => r.status === 409).length,
  answered429: log.requests.filter((r) => r.status === 429).length,
  peakRequestsPerSecond: Math.max(...perSecond.values()),
  receivedTwice: twice,
  missing,
  // The runner and its database run in this process here, not in a separate server.
  processPeakMemoryMb: peakMemoryMb(process.pid),
};
console.log(JSON.stringify(result, null, 2));
fs.mkdirSync("bench/results", { recursive: true });
fs.writeFileSync(`bench/results/multicast-${result.date.replaceAll(":", "-")}.json`, JSON.stringify(result, null, 2));

await handle.close();
await target.drop();
await fake.close();
if (twice > 0 || missing > 0) process.exit(1);
