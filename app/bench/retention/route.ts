import { z } from "zod";
import { env } from "@/lib/env.js";
import type { RetentionPolicy } from "@/lib/retention/policy";
import { parseJsonBody } from "@/lib/platform/http/parse";
import { apiRoute } from "@/lib/runtime/api-route";

export const runtime = "nodejs";

// The retention benchmark's handle on this server's retention task (npm run bench:retention): start a
// pass now with the given periods (days, fractions allowed), and read what the task has done. An admin's,
// and it exists only when BENCH_ROUTES=1 (never in production): it deletes data on demand.

const days = z.number().min(0).max(36_500).default(0);
const policySchema = z.object({
  deliveryBodiesDays: days,
  rejectedDeliveriesDays: days,
  eventsDays: days,
  relayLogDays: days,
  mediaDays: days,
});

export const POST = apiRoute({ role: "admin" }, async ({ req, runtime: rt }) => {
  const retention = benchRetention(rt.background);
  if (!retention) return new Response(null, { status: 404 });
  const policy: RetentionPolicy = await parseJsonBody(policySchema, req);
  retention.runNow(policy);
  return Response.json({ started: true, policy }, { status: 202 });
});

export const GET = apiRoute({ role: "admin" }, async ({ runtime: rt }) => {
  const retention = benchRetention(rt.background);
  if (!retention) return new Response(null, { status: 404 });
  return retention.stats();
});

function benchRetention(background: { retention: { runNow(p?: RetentionPolicy): void; stats(): object } } | null) {
  return env().BENCH_ROUTES ? (background?.retention ?? null) : null;
}
