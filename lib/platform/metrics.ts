import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { DatabaseHandle } from "@/db/client";
import { readBacklogs } from "@/db/queries/metrics";

// This process's metrics in Prometheus' format (prom-client), served at /api/metrics. Counters and
// histograms count what this instance did (Prometheus adds the instance label when it scrapes several);
// backlogs are read from the database at each scrape. One registry per process, kept on globalThis:
// Next evaluates instrumentation and each route bundle as separate module instances (as for the runtime).

export type Metrics = ReturnType<typeof createMetrics>;

const SLOT = Symbol.for("oa-console.metrics");

export function metrics(): Metrics {
  const g = globalThis as unknown as Record<symbol, Metrics | undefined>;
  return (g[SLOT] ??= createMetrics());
}

/** The metrics as Prometheus reads them, with the backlogs and database connections read now. */
export async function renderMetrics(handle: DatabaseHandle): Promise<{ body: string; contentType: string }> {
  const m = metrics();
  const backlogs = await readBacklogs(handle.db);
  m.jobsBacklog.set(backlogs.jobsDue);
  m.sendBacklog.set(backlogs.sendRequestsPending);
  m.relayBacklog.reset();
  m.relayOldest.reset();
  for (const r of backlogs.relay) {
    m.relayBacklog.set({ destination: r.destination }, r.pending);
    m.relayOldest.set({ destination: r.destination }, r.oldestSeconds ?? 0);
  }
  m.dbConnections.reset();
  for (const p of handle.stats()) {
    m.dbConnections.set({ pool: p.pool, state: "in_use" }, p.inUse);
    m.dbConnections.set({ pool: p.pool, state: "idle" }, p.idle);
    m.dbConnections.set({ pool: p.pool, state: "waiting" }, p.waiting);
  }
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}

function createMetrics() {
  const registry = new Registry();
  // CPU, memory (resident, heap), event loop lag, garbage collection: prom-client's process metrics.
  collectDefaultMetrics({ register: registry, prefix: "oa_" });
  const registers = [registry];
  return {
    registry,
    webhookDeliveries: new Counter({
      name: "oa_webhook_deliveries_total",
      help: "Webhook deliveries by outcome: accepted (stored, 200), unavailable (not stored in time, 503), or why one was refused",
      labelNames: ["outcome"] as const,
      registers,
    }),
    webhookEvents: new Counter({
      name: "oa_webhook_events_total",
      help: "Events in accepted deliveries: stored, or duplicate (a redelivery of one already stored)",
      labelNames: ["outcome"] as const,
      registers,
    }),
    webhookAck: new Histogram({
      name: "oa_webhook_ack_seconds",
      help: "From a webhook request's arrival to its answer (LINE waits at most 2 s)",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2],
      registers,
    }),
    lineApiResponses: new Counter({
      name: "oa_line_api_responses_total",
      help: "Answers of LINE's APIs to this instance, by API and HTTP status",
      labelNames: ["api", "status"] as const,
      registers,
    }),
    relayForwards: new Counter({
      name: "oa_relay_forwards_total",
      help: "Attempts to forward a delivery to a relay destination, by outcome: succeeded, retry (network, timeout, 5xx, 408, 429), refused (other 4xx), expired",
      labelNames: ["destination", "outcome"] as const,
      registers,
    }),
    relayForwardLatency: new Histogram({
      name: "oa_relay_forward_seconds",
      help: "From a delivery's receipt to the bot's answer, for deliveries forwarded successfully",
      labelNames: ["destination"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 300],
      registers,
    }),
    jobsBacklog: new Gauge({ name: "oa_jobs_backlog", help: "Background jobs due and not done (all instances)", registers }),
    sendBacklog: new Gauge({ name: "oa_send_backlog", help: "Requests of sends still to be made to LINE (all instances)", registers }),
    relayBacklog: new Gauge({
      name: "oa_relay_backlog",
      help: "Deliveries still to forward, per relay destination (all instances)",
      labelNames: ["destination"] as const,
      registers,
    }),
    relayOldest: new Gauge({
      name: "oa_relay_oldest_pending_seconds",
      help: "Age of the oldest delivery still to forward, per relay destination (0 when none)",
      labelNames: ["destination"] as const,
      registers,
    }),
    dbConnections: new Gauge({
      name: "oa_db_connections",
      help: "This instance's database connections by pool and state (PGlite: its one connection, and the queries waiting for it)",
      labelNames: ["pool", "state"] as const,
      registers,
    }),
  };
}
