import { randomBytes, randomUUID } from "node:crypto";
import { sign } from "../helpers/webhook";

// LINE's side of the webhook, for the multi-instance test: deliveries signed over their exact bytes,
// and redeliveries of the same events (same webhookEventId, isRedelivery) as LINE sends them when it
// saw no 200.

export interface LineEvent {
  webhookEventId: string;
  [key: string]: unknown;
}

export function textEvent(text: string, user = `U${randomBytes(16).toString("hex")}`): LineEvent {
  return {
    type: "message",
    mode: "active",
    timestamp: Date.now(),
    source: { type: "user", userId: user },
    webhookEventId: randomUUID(),
    deliveryContext: { isRedelivery: false },
    replyToken: randomBytes(16).toString("hex"),
    message: { type: "text", id: String(BigInt(`0x${randomBytes(6).toString("hex")}`)), quoteToken: "q", text },
  };
}

/** The same events again, as LINE redelivers them. */
export function redelivered(events: LineEvent[]): LineEvent[] {
  return events.map((e) => ({ ...e, deliveryContext: { isRedelivery: true }, replyToken: randomBytes(16).toString("hex") }));
}

/** POST one delivery; its HTTP status, or 0 when no answer came (a dead instance, a dropped connection). */
export async function deliver(url: string, secret: string, destination: string, events: LineEvent[]): Promise<number> {
  const body = JSON.stringify({ destination, events });
  try {
    const res = await fetch(`${url}/api/line/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", "user-agent": "LineBotWebhook/2.0", "x-line-signature": sign(body, secret) },
      body,
      // LINE waits 2 s; a little more here, for a busy 2-core machine, since a late 200 still counts.
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}
