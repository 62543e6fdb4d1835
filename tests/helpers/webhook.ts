import { createHmac } from "node:crypto";
import { DEMO_CHANNEL_SECRET } from "../../fake-line/options";

// The fake LINE platform's default channel secret: the e2e servers are configured with it (they call
// the fake as their LINE API), so webhooks the tests post and webhooks the fake sends both verify.
export const TEST_SECRET = DEMO_CHANNEL_SECRET;

export function sign(body: string | Buffer, secret = TEST_SECRET): string {
  return createHmac("sha256", secret).update(body).digest("base64");
}

/** A webhook request as LINE sends it, signed over exactly these bytes unless told otherwise. */
export function webhookRequest(
  body: string | Buffer,
  opts: { signature?: string | null; secret?: string; url?: string; headers?: Record<string, string> } = {},
): Request {
  const signature = opts.signature === undefined ? sign(body, opts.secret) : opts.signature;
  return new Request(opts.url ?? "http://localhost/api/line/webhook", {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=utf-8",
      "user-agent": "LineBotWebhook/2.0",
      ...(signature === null ? {} : { "x-line-signature": signature }),
      ...opts.headers,
    },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
}
