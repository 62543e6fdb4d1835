// x-line-signature = base64(HMAC-SHA256(channel secret, exact body bytes)).
import { createHmac } from "node:crypto";

export function signBody(body: Buffer | string, channelSecret: string): string {
  return createHmac("sha256", channelSecret).update(body).digest("base64");
}
