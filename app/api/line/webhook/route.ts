import { getWebhookIntake } from "@/lib/webhook/instance";
import { webhookResponse } from "@/lib/webhook/webhook-response";

// LINE's webhook: public (the signature is the authentication), Node runtime for node:crypto.
export const runtime = "nodejs";

export async function POST(req: Request): Promise<Response> {
  let intake;
  try {
    intake = await getWebhookIntake();
  } catch (err) {
    console.error("[webhook] event store unavailable:", (err as Error).message);
    return webhookResponse({ message: "The event store is unavailable; please redeliver." }, 503);
  }
  return intake.handle(req);
}
