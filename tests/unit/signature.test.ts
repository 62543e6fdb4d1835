import { validateSignature } from "@line/bot-sdk";
import { describe, expect, it } from "vitest";
import { sign } from "../helpers/webhook";

// Vectors from @line/bot-sdk's own tests (test/validate-signature.spec.ts, test/middleware.spec.ts).
const vectors = [
  { secret: "test_secret", body: '{"hello":"world"}', signature: "t7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM=" },
  {
    secret: "test_channel_secret",
    body: '{"events":[{"message":{"id":"test_event_message_id","text":"this is test message.😄😅😢😞😄😅😢😞","quoteToken":"test_quote_token","type":"text"},"replyToken":"test_reply_token","source":{"groupId":"test_group_id","type":"group"},"webhookEventId":"test_webhook_event_id","deliveryContext":{"isRedelivery":false},"timestamp":0,"mode":"active","type":"message"}],"destination":"Uaaaabbbbccccddddeeeeffff"}',
    signature: "eRdWYcVCzZV3MVZ3M9/rHJCl/a3oSbsRb04cLovpVwM=",
  },
];

describe("webhook signature", () => {
  it.each(vectors)("accepts LINE's known-good vector for $secret", ({ secret, body, signature }) => {
    expect(sign(body, secret)).toBe(signature);
    expect(validateSignature(Buffer.from(body), secret, signature)).toBe(true);
  });

  it("rejects a signature that differs in one character", () => {
    expect(validateSignature(Buffer.from('{"hello":"world"}'), "test_secret", "t7Hn4ZDHqs6e+wdvi5TyQivzie0DmMUmuXEBqyyE/tM=")).toBe(false);
  });

  it("rejects the right signature over re-serialised JSON (whitespace changes the bytes)", () => {
    const { body, secret, signature } = vectors[1]!;
    const reserialised = JSON.stringify(JSON.parse(body), null, 1);
    expect(validateSignature(Buffer.from(reserialised), secret, signature)).toBe(false);
  });

  it("rejects a body signed with another secret", () => {
    const body = '{"destination":"U1","events":[]}';
    expect(validateSignature(Buffer.from(body), "test_secret", sign(body, "another_secret"))).toBe(false);
  });
});
