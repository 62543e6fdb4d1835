import { createHmac } from "node:crypto";

export const TEST_SECRET = "0123456789abcdef0123456789abcdef";

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
