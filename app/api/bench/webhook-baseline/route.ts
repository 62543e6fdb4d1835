import { validateSignature } from "@line/bot-sdk";
import { env } from "@/lib/env.js";
import { callbackBodySchema } from "@/lib/webhook/callback-schema";
import { MAX_BODY_BYTES } from "@/lib/webhook/intake";
import { readBodyLimited } from "@/lib/webhook/read-body";
import { webhookResponse } from "@/lib/webhook/webhook-response";

export const runtime = "nodejs";

// The benchmark's baseline (npm run bench:webhook): the webhook's work minus storage — read the raw
// bytes, verify, parse, validate — so intake throughput is compared with what Next itself allows on
// the same machine in the same run. Exists only when BENCH_ROUTES=1.
export async function POST(req: Request): Promise<Response> {
  const e = env();
  if (!e.BENCH_ROUTES) return new Response(null, { status: 404 });
  const read = await readBodyLimited(req, MAX_BODY_BYTES);
  const signature = req.headers.get("x-line-signature");
  if (read.tooLarge) return webhookResponse({ message: "too large" }, 413);
  if (!signature || !e.LINE_CHANNEL_SECRET || !validateSignature(read.bytes, e.LINE_CHANNEL_SECRET, signature)) {
    return webhookResponse({ message: "Invalid signature" }, 401);
  }
  const parsed = callbackBodySchema.safeParse(JSON.parse(read.bytes.toString("utf8")));
  if (!parsed.success) return webhookResponse({ message: "invalid" }, 400);
  return webhookResponse({}, 200);
}
