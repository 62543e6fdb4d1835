// npm run bench:store [-- --batch 1,6,10] [--calls 2500]
//
// The webhook's database write alone, without HTTP: oa_store_deliveries (db/queries/webhook.ts) called
// in a loop on a fresh PGlite, with batches of 1, 6 and 10 deliveries of one event each. Says what one
// store call costs, what batching (group commit) saves, and how slow the slowest call is (the GIN
// pending-list merge shows there). PGlite runs in its own thread, as in the app; its CPU per delivery is
// reported too (steadier than time on a shared machine).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { ensureDefaultChannel } from "@/db/queries/channels";
import { storeDeliveries, type DeliveryRecord } from "@/db/queries/webhook";
import { toEventRow } from "@/lib/events/types/columns";
import type { RawEvent } from "@/lib/webhook/callback-schema";
import { round, summarize } from "./lib/stats";
import { readThreadCpu } from "./lib/thread-cpu";
import { BENCH_DESTINATION, textMessageEvent } from "./lib/text-event";

const { values: opts } = parseArgs({ options: { batch: { type: "string", default: "1,6,10" }, calls: { type: "string", default: "2500" } } });
const calls = Number(opts.calls);
let seq = 0;

const results = [];
for (const batch of opts.batch!.split(",").map(Number)) {
  const dir = `.tmp/bench-store-${batch}-${Date.now()}`;
  const handle = await openDatabase({ kind: "pglite", dataDir: dir });
  const channelId = await ensureDefaultChannel(handle.db, { lineChannelId: null });
  try {
    const latencies: number[] = [];
    const cpu0 = readThreadCpu(process.pid).get("db") ?? 0;
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) {
      const deliveries = Array.from({ length: batch }, () => delivery(channelId));
      const s = performance.now();
      await storeDeliveries(handle.db, { deliveries });
      latencies.push(performance.now() - s);
    }
    const seconds = (performance.now() - t0) / 1000;
    const dbCpuMs = (readThreadCpu(process.pid).get("db") ?? 0) - cpu0;
    const s = summarize(latencies);
    const r = {
      batch,
      deliveriesPerSecond: round((calls * batch) / seconds),
      msPerDelivery: round((seconds * 1000) / (calls * batch), 2),
      dbCpuMsPerDelivery: round(dbCpuMs / (calls * batch), 3),
      callP50: s.p50,
      callP99: s.p99,
      callMax: s.max,
    };
    results.push(r);
    console.log(
      `batch ${String(batch).padStart(3)}: ${r.deliveriesPerSecond} deliveries/s, ${r.msPerDelivery} ms a delivery (database thread ${r.dbCpuMsPerDelivery} ms of CPU); a call p50 ${r.callP50} ms, p99 ${r.callP99} ms, slowest ${r.callMax} ms`,
    );
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
fs.mkdirSync("bench/results", { recursive: true });
fs.writeFileSync(
  `bench/results/store-${new Date().toISOString().replaceAll(":", "-")}.json`,
  JSON.stringify({ date: new Date().toISOString(), calls, results }, null, 2),
);

function delivery(channelId: number): DeliveryRecord {
  const event = textMessageEvent(++seq, 5000) as RawEvent;
  const body = JSON.stringify({ destination: BENCH_DESTINATION, events: [event] });
  const receivedAt = new Date();
  return {
    id: randomUUID(),
    channelId,
    receivedAt,
    statusCode: 200,
    signature: "valid",
    reason: null,
    reasonDetail: null,
    destination: BENCH_DESTINATION,
    isVerify: false,
    body,
    bodyBytes: Buffer.byteLength(body),
    bodyTruncated: false,
    userAgent: "LineBotWebhook/2.0",
    events: [toEventRow(event, receivedAt)],
  };
}
