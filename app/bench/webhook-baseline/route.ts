import { env } from "@/lib/env.js";
import { parseCallback, readRawBody, verifySignature } from "@/lib/webhook/steps";
import { webhookResponse } from "@/lib/webhook/webhook-response";

export const runtime = "nodejs";

// The benchmark's baseline (npm run bench:webhook): the webhook's own steps (lib/webhook/steps.ts) up to
// the store — raw body, signature, parse — so intake throughput is compared with what Next itself
// allows on the same machine in the same run. Not an API route (nothing here is the console's API);
// it exists only when BENCH_ROUTES=1.
export async function POST(req: Request): Promise<Response> {
  const e = env();
  if (!e.BENCH_ROUTES) return new Response(null, { status: 404 });
  const raw = await readRawBody(req);
  const refusal = raw.refusal ?? verifySignature(raw.bytes, e.LINE_CHANNEL_SECRET, req.headers.get("x-line-signature")) ?? parseCallback(raw.bytes).refusal;
  return refusal ? webhookResponse({ message: refusal.reason }, refusal.statusCode) : webhookResponse({}, 200);
}
